/**
 * Build a deck, then build it again whenever one of its sources changes. A failed rebuild leaves
 * the last good deck in place (the writer only renames once every file is written) and is reported,
 * not thrown: the next good save recovers by itself.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { type BuildOptions, type BuildResult, type BuildSources, build } from "../build.js";
import { configPathFor } from "../config/load.js";
import { DeckError, ExitCode } from "../errors.js";
import { resolveInput } from "../io/input.js";
import { watchTargets } from "./sources.js";
import { DEBOUNCE_MS, type Watcher, watchSources } from "./watch.js";

export interface WatchBuildOptions extends BuildOptions {
  cwd: string;
  debounceMs?: number;
  /** A source folder that cannot be watched. */
  warn?: (message: string) => void;
}

interface OutcomeBase {
  /** How many good builds there have been, this one included: the deck a page shows is one of them. */
  build: number;
  ms: number;
  /** The files whose change caused this build; empty for the first. */
  changed: string[];
}

export type BuildOutcome =
  | (OutcomeBase & { ok: true; result: BuildResult })
  | (OutcomeBase & { ok: false; error: unknown; message: string });

export interface WatchedBuild {
  readonly first: BuildOutcome;
  last(): BuildOutcome;
  close(): void;
}

/** Errors on the first build that no save of the essay can fix: stop instead of watching. */
const FATAL_FIRST = new Set<number>([ExitCode.inputMissing, ExitCode.output, ExitCode.usage]);

export function watchBuild(options: WatchBuildOptions, onOutcome: (outcome: BuildOutcome) => void): WatchedBuild {
  // Until a build succeeds, the essay and the config it would read; then what the last good build read.
  const essay = resolveInput(options.input, options.cwd);
  let sources: BuildSources = { essay, config: configPathFor(essay, options.config, options.cwd), copied: [] };
  let good = 0;

  const run = (changed: string[]): BuildOutcome => {
    const started = performance.now();
    try {
      const result = build(options);
      good += 1;
      sources = result.sources;
      return { ok: true, build: good, ms: performance.now() - started, changed, result };
    } catch (error) {
      return { ok: false, build: good, ms: performance.now() - started, changed, error, message: messageOf(error) };
    }
  };

  const first = run([]);
  if (!first.ok && first.error instanceof DeckError && FATAL_FIRST.has(first.error.exitCode)) throw first.error;
  let last = first;
  const given = path.resolve(options.cwd, options.input ?? "content");
  const inputDir = statSync(given, { throwIfNoEntry: false })?.isDirectory() ? given : undefined;
  const targets = () => watchTargets(sources, inputDir);
  const watcher: Watcher = watchSources(
    targets(),
    (changed) => {
      last = run(changed);
      // A new config may name another theme or template folder: watch what this build read.
      watcher.update(targets());
      onOutcome(last);
    },
    { debounceMs: options.debounceMs ?? DEBOUNCE_MS, warn: options.warn },
  );
  return { first, last: () => last, close: () => watcher.close() };
}

/** One line for the terminal and the page; a bug keeps its stack for the terminal. */
export function messageOf(error: unknown): string {
  if (error instanceof DeckError) return error.message;
  const e = error instanceof Error ? error : new Error(String(error));
  return `internal error (a bug; please report it): ${e.message}`;
}
