/**
 * The live preview: build the deck into a folder, serve that folder over HTTP, rebuild on every save
 * and tell open pages to reload (or to show the error over the last good deck).
 */
import { EventEmitter } from "node:events";
import { mkdirSync, realpathSync, rmSync } from "node:fs";
import path from "node:path";
import type { BuildOptions, BuildResult } from "../build.js";
import { DeckError, ExitCode } from "../errors.js";
import { scratchDir } from "../io/scratch.js";
import type { PreviewState } from "./client.js";
import { createHandler, serveHandler } from "./http.js";
import { DEFAULT_HOST, isLoopback, urlFor } from "./listen.js";
import { type BuildOutcome, type WatchedBuild, watchBuild } from "./rebuild.js";
import { shellSignature } from "./shell.js";

export type { BuildOutcome } from "./rebuild.js";

export interface ServeOptions extends BuildOptions {
  /** Where to build; default a temporary folder, removed on close. */
  outDir?: string;
  /** The port to listen on; default DEFAULT_PORT or the next free one. 0: any free port. */
  port?: number;
  host?: string;
  debounceMs?: number;
  /** A source folder that cannot be watched: its changes will not update the page. */
  warn?: (message: string) => void;
}

export type PreviewEvents = {
  built: [Extract<BuildOutcome, { ok: true }>];
  failed: [Extract<BuildOutcome, { ok: false }>];
};

export interface PreviewServer {
  url: string;
  host: string;
  port: number;
  outDir: string;
  /** The build made before listening; it may have failed (the page then waits for a good one). */
  first: BuildOutcome;
  /** Every rebuild after the first: `built` or `failed`. */
  events: EventEmitter<PreviewEvents>;
  /** Stop watching, end every connection, close the server, remove a temporary output folder. */
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions = {}): Promise<PreviewServer> {
  const cwd = options.cwd ?? process.cwd();
  const host = options.host ?? DEFAULT_HOST;
  const temporary = options.outDir === undefined;
  const outDir = temporary ? scratchDir("serve") : path.resolve(cwd, options.outDir ?? "");
  const events = new EventEmitter<PreviewEvents>();
  let state: PreviewState = { build: 0, error: null, shell: "" };
  let watched: WatchedBuild | undefined;
  const removeTemporary = () => {
    if (temporary) rmSync(outDir, { recursive: true, force: true });
  };

  let broadcast = (_: PreviewState) => {};
  const stateAfter = (outcome: BuildOutcome): PreviewState => ({
    build: outcome.build,
    error: outcome.ok ? null : outcome.message,
    shell: outcome.ok ? shellOf(outcome.result) : state.shell,
  });
  let deckFiles = new Set<string>();
  const onOutcome = (outcome: BuildOutcome) => {
    if (outcome.ok) deckFiles = new Set(outcome.result.files);
    state = stateAfter(outcome);
    broadcast(state);
    if (outcome.ok) events.emit("built", outcome);
    else events.emit("failed", outcome);
  };

  let rootReal: string;
  try {
    watched = watchBuild({ ...options, cwd, outDir, keepHtml: true }, onOutcome);
    const first = watched.first;
    state = stateAfter(first);
    if (first.ok) deckFiles = new Set(first.result.files);
    mkdirSync(outDir, { recursive: true });
    rootReal = realpathSync(outDir);
  } catch (e) {
    watched?.close();
    removeTemporary();
    if (e instanceof DeckError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new DeckError(`cannot use output folder ${outDir}: ${code}`, ExitCode.output);
    throw e;
  }

  const handler = createHandler({
    rootReal,
    state: () => state,
    loopbackOnly: isLoopback(host),
    isDeckFile: (relative) => deckFiles.has(relative),
  });
  broadcast = handler.broadcast;
  const { port, close } = await serveHandler(handler, host, options.port, () => {
    watched?.close();
    removeTemporary();
  });
  return { url: urlFor(host, port), host, port, outDir, first: watched.first, events, close };
}

/**
 * The shell signature of a build, from the page it kept and the hashes the writer took of every
 * file as it wrote it: nothing is read back from disk. "" (never equal: pages reload) without them.
 */
function shellOf(result: BuildResult): string {
  if (result.html === undefined) return "";
  const assets = result.files.filter((f) => f !== "index.html").map((f) => ({ path: f, sha256: result.sha256[f] ?? "" }));
  return shellSignature(result.html, assets);
}
