/** `essay-deck serve` and `essay-deck build --watch`: long-running commands that stop on Ctrl-C. */
import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import type { BuildResult } from "../build.js";
import { DeckError, ExitCode, STOP_SIGNALS } from "../errors.js";
import type { ExportFlags } from "../export/types.js";
import { isSiteInput } from "../io/input.js";
import { displayPath } from "../io/paths.js";
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback, parsePort, urlFor } from "../serve/listen.js";
// The server, the watcher and the opener are imported when serve or build --watch runs: every
// other command (a plain build above all) would pay for loading them at each start.
import type { BuildOutcome } from "../serve/rebuild.js";
import { createLogger, type Logger } from "./log.js";
import type { CliIO } from "./options.js";
import { addEssayOptions, type BuildFlags, essayOptions } from "./options.js";

export interface ServeFlags extends BuildFlags {
  port?: string;
  recursive?: boolean;
  host: string;
  open?: boolean;
}

export function registerServe(program: Command, io: CliIO): void {
  const cmd = program
    .command("serve")
    .description("preview the deck in a browser: every save rebuilds it and updates the open page, on the same slide")
    .argument("[input]", "essay file (.txt or .md), or a folder of essays: its index page and every deck (default: ./content/)")
    .option("-p, --port <n>", `port to listen on (default: ${DEFAULT_PORT}, or the next free one)`)
    .option("--host <address>", "address to listen on; anything but loopback shows the deck to the network", DEFAULT_HOST)
    .option("--open", "open the deck in the default browser")
    .option("-r, --recursive", "with a folder: the essays of its subfolders too")
    .option("-o, --output <dir>", "build into this folder (default: a temporary folder, removed on exit)")
    .option(
      "--allow-html",
      "let raw HTML in a Markdown essay through; it can run scripts, so only for essays you wrote yourself",
    );
  addEssayOptions(cmd).action((input: string | undefined, flags: ServeFlags) => runServe(input, flags, io));
}

async function runServe(input: string | undefined, flags: ServeFlags, io: CliIO): Promise<void> {
  const log = createLogger(io, flags.quiet);
  const port = flags.port === undefined ? undefined : parsePort(flags.port);
  const stop = untilStopped(io.signal);
  try {
    const server = isSiteInput(input, io.cwd, flags.recursive)
      ? await startSite(input ?? "content", flags, io, log, port)
      : await startDeck(input, flags, io, log, port);
    if (!isLoopback(server.host)) {
      log.warn(
        `listening on ${server.host}: anyone who can reach this machine can see the deck (--host 127.0.0.1 keeps it private)`,
      );
    }
    // The URL is what the command is for: printed even with --quiet.
    io.stderr(`serving ${server.url} (Ctrl-C to stop)\n`);
    if (server.host === "0.0.0.0" || server.host === "::") {
      for (const address of networkAddresses()) io.stderr(`  on the network: ${urlFor(address, server.port)}\n`);
    }
    if (flags.open) {
      void import("../serve/open.js")
        .then(({ openInBrowser }) => openInBrowser(server.url))
        .then((why) => {
          if (why) log.warn(`could not open a browser (${why}): open ${server.url} yourself`);
        });
    }
    await stop.stopped;
    await server.close();
    log.info("stopped");
  } finally {
    stop.dispose();
  }
}

interface Served {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** One essay's deck, live. */
async function startDeck(input: string | undefined, flags: ServeFlags, io: CliIO, log: Logger, port?: number): Promise<Served> {
  const { startServer } = await import("../serve/index.js");
  const server = await startServer({ ...essayOptions(input, flags, io), host: flags.host, port, warn: log.warn });
  const report = reporter(io, log);
  report(server.first);
  server.events.on("built", report);
  server.events.on("failed", report);
  return server;
}

/** A folder of essays, live: the index page and every deck. */
async function startSite(input: string, flags: ServeFlags, io: CliIO, log: Logger, port?: number): Promise<Served> {
  const { startSiteServer } = await import("../serve/site.js");
  const options = essayOptions(input, flags, io);
  return startSiteServer({
    ...options,
    input,
    recursive: flags.recursive,
    theme: options.flags?.theme,
    host: flags.host,
    port,
    warn: log.warn,
    onBuild: (result, changed) => {
      const count = (status: string) => result.decks.filter((d) => d.status === status).length;
      const why = changed.length > 0 ? ` (${changed.map((f) => path.basename(f)).join(", ")} changed)` : "";
      log.info(`site: ${result.decks.length} essays, ${count("built")} built, ${count("unchanged")} unchanged${why}`);
      for (const d of result.decks) {
        if (d.status === "failed")
          io.stderr(`error: ${d.name}: ${d.error instanceof Error ? d.error.message : String(d.error)}\n`);
        if (d.status === "built") for (const w of d.warnings) log.warn(`${d.name}: ${w}`);
      }
    },
  });
}

/** `build --watch`: build, then rebuild on every save, until Ctrl-C. */
export async function runBuildWatch(input: string | undefined, flags: BuildFlags & ExportFlags, io: CliIO): Promise<void> {
  const exports = (await import("../export/index.js")).wantedExporters(flags);
  if (exports.length > 0) {
    // Printing takes seconds a save; a watcher that silently skipped an export would leave it stale.
    throw new DeckError(
      `--watch rebuilds the HTML deck only: drop ${exports.map((e) => e.flags).join(", ")}, or run build with them when done`,
      ExitCode.usage,
    );
  }
  const log = createLogger(io, flags.quiet);
  const stop = untilStopped(io.signal);
  try {
    const report = reporter(io, log);
    const { watchBuild } = await import("../serve/rebuild.js");
    const watched = watchBuild({ ...essayOptions(input, flags, io), singleFile: flags.singleFile, warn: log.warn }, report);
    report(watched.first);
    log.info("watching the essay, its config, theme and templates (Ctrl-C to stop)");
    await stop.stopped;
    watched.close();
    log.info("stopped");
  } finally {
    stop.dispose();
  }
}

/** One line per build; warnings only when they differ from the last build's, so saves don't repeat them. */
function reporter(io: CliIO, log: Logger): (outcome: BuildOutcome) => void {
  let lastWarnings = "";
  return (outcome) => {
    const ms = `${Math.round(outcome.ms)} ms`;
    const why = outcome.changed.length > 0 ? ` (${outcome.changed.map((f) => path.basename(f)).join(", ")} changed)` : "";
    if (!outcome.ok) {
      const kept = outcome.build > 0 ? "; keeping the last good deck" : "";
      io.stderr(`error: ${outcome.message}${kept}${why}\n`);
      if (!(outcome.error instanceof DeckError)) {
        io.stderr(`${outcome.error instanceof Error ? outcome.error.stack : String(outcome.error)}\n`);
      }
      lastWarnings = "";
      return;
    }
    const warnings = outcome.result.warnings.join("\n");
    if (warnings !== lastWarnings) for (const w of outcome.result.warnings) log.warn(w);
    lastWarnings = warnings;
    log.info(`${outcome.changed.length > 0 ? "rebuilt" : "built"} ${summary(outcome.result, io.cwd)} in ${ms}${why}`);
  };
}

/** This machine's IPv4 addresses other devices can reach it by. */
function networkAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === "IPv4" && !a.internal)
    .map((a) => a!.address);
}

function summary(result: BuildResult, cwd: string): string {
  return `${displayPath(path.join(result.outDir, "index.html"), cwd)}: ${result.deck.slides.length} slides from ${displayPath(result.essayPath, cwd)}`;
}

/**
 * Resolves when the command should stop: SIGINT, SIGTERM or SIGHUP (Ctrl-C, a supervisor, the
 * terminal closing) or the caller's AbortSignal (tests, embedders). A second Ctrl-C falls through to
 * Node's default and ends the process.
 */
export function untilStopped(signal?: AbortSignal): { stopped: Promise<string>; dispose(): void } {
  let done: (why: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => {
    done = resolve;
  });
  const handlers = STOP_SIGNALS.map((signal) => [signal, () => done(signal)] as const);
  const onAbort = () => done("abort");
  for (const [signal, handler] of handlers) process.once(signal, handler);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });
  return {
    stopped,
    dispose: () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
      signal?.removeEventListener("abort", onAbort);
    },
  };
}
