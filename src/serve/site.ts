/**
 * The live preview of a folder of essays: the site (index page and every deck) built into a
 * folder and served; a save of any essay or config rebuilds what changed (unchanged essays are
 * skipped) and every open page, the index included, updates.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import { ESSAY_EXTENSIONS, listEssays } from "../io/input.js";
import { readManifest } from "../io/write.js";
import { buildSiteDecks, type SiteOptions, type SiteResult } from "../site/build.js";
import { writeSiteIndex } from "../site/index-page.js";
import type { PreviewState } from "./client.js";
import { createHandler, serveHandler } from "./http.js";
import { DEFAULT_HOST, isLoopback, urlFor } from "./listen.js";
import { watchSources } from "./watch.js";

export interface SiteServeOptions extends SiteOptions {
  port?: number;
  host?: string;
  debounceMs?: number;
  /** A source folder that cannot be watched: its changes will not update the site. */
  warn?: (message: string) => void;
  /** The theme flag, for the index page. */
  theme?: string;
  /** Each build of the site: the decks built, unchanged and failed. */
  onBuild?: (result: SiteResult, changed: string[]) => void;
}

export interface SiteServer {
  url: string;
  host: string;
  port: number;
  outDir: string;
  close(): Promise<void>;
}

export async function startSiteServer(options: SiteServeOptions): Promise<SiteServer> {
  const cwd = options.cwd ?? process.cwd();
  const host = options.host ?? DEFAULT_HOST;
  const root = path.resolve(cwd, options.input);
  const temporary = options.outDir === undefined;
  const outDir = temporary ? mkdtempSync(path.join(os.tmpdir(), "essay-deck-serve-")) : path.resolve(cwd, options.outDir ?? "");
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw new DeckError(`cannot use output folder ${outDir}: ${(e as NodeJS.ErrnoException).code ?? e}`, ExitCode.output);
  }
  let state: PreviewState = { build: 0, error: null, shell: "" };
  // What the server shows: the files the site's writers recorded, nothing else of the folder.
  let served = new Set<string>();
  const filesOf = (result: SiteResult): Set<string> => {
    const files = new Set(readManifest(result.outDir));
    for (const d of result.decks) for (const f of readManifest(d.outDir)) files.add(`${d.name}/${f}`);
    return files;
  };
  const folders = () => [
    ...new Set([root, ...listEssays(root, { recursive: options.recursive, exclude: outDir }).map((f) => path.dirname(f))]),
  ];
  const buildSite = (changed: string[]): void => {
    try {
      const result = buildSiteDecks({ ...options, cwd, outDir });
      writeSiteIndex(result, { theme: options.theme });
      const failed = result.decks.filter((d) => d.status === "failed");
      const why = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0];
      state = {
        // Every good build is a new build: pages reload on the slide they were on (the shell differs).
        build: state.build + 1,
        error: failed.length > 0 ? failed.map((d) => `${d.name}: ${why(d.error)}`).join("\n") : null,
        shell: "",
      };
      served = filesOf(result);
      options.onBuild?.(result, changed);
    } catch (e) {
      // The folder itself is gone or unreadable: keep the last site on screen, with the reason.
      state = { ...state, error: e instanceof Error ? e.message : String(e) };
    }
    handler.broadcast(state);
  };
  const handler = createHandler({
    rootReal: realpathSync(outDir),
    state: () => state,
    loopbackOnly: isLoopback(host),
    isDeckFile: (relative) => served.has(relative),
  });
  const removeOutput = () => {
    if (temporary) rmSync(outDir, { recursive: true, force: true });
  };
  const suffixes = [...ESSAY_EXTENSIONS, ".json", ".css", ".hbs"];
  let watcher: ReturnType<typeof watchSources> | undefined;
  try {
    buildSite([]);
    if (state.build === 0) throw new DeckError(state.error ?? "the folder could not be built", ExitCode.inputMissing);
    watcher = watchSources(
      { files: [], folders: folders().map((dir) => ({ dir, suffixes })) },
      (changed) => {
        buildSite(changed);
        // An essay moved into a new subfolder: watch that folder too.
        watcher?.update({ files: [], folders: folders().map((dir) => ({ dir, suffixes })) });
      },
      { debounceMs: options.debounceMs, warn: options.warn },
    );
  } catch (e) {
    removeOutput();
    throw e;
  }
  const { port, close } = await serveHandler(handler, host, options.port, () => {
    watcher?.close();
    removeOutput();
  });
  return { url: urlFor(host, port), host, port, outDir, close };
}
