/** The files a build of the deck reads, so that a change to any of them rebuilds it. */
import { realpathSync } from "node:fs";
import path from "node:path";
import { CONFIG_FILE } from "../config/load.js";
import { ESSAY_EXTENSIONS } from "../io/input.js";
import { revealDist, templatesDir } from "../io/paths.js";
import type { WatchTargets } from "./watch.js";

export interface SourceOptions {
  cwd: string;
  /** The explicit --config file, if any. */
  config?: string;
  /** The folder given as input, if a folder was: an essay renamed or added there changes the build. */
  inputDir?: string;
}

/** What the last good build read beyond the essay and its config. */
export interface BuiltFrom {
  /** Files copied into the deck: theme, base and extra CSS, and what the CSS references. */
  copiedFrom: string[];
  /** The user's template folder (absolute), if any. */
  templateDir?: string;
}

/** The config file a build of this essay reads (or would read, once created): loadConfig's rule. */
export function configPathFor(essayPath: string, options: SourceOptions): string {
  return options.config ? path.resolve(options.cwd, options.config) : path.join(path.dirname(essayPath), CONFIG_FILE);
}

const TEMPLATE_SUFFIXES = [".hbs", ".css"];

/**
 * What to watch for an essay: itself, its config (even before it exists), the templates, and what
 * the last good build copied. The built-in templates are watched too, so that working on
 * essay-deck's own templates previews live; reveal.js's own files are not (they never change).
 */
export function sourcesOf(essayPath: string, options: SourceOptions, built?: BuiltFrom): WatchTargets {
  const reveal = revealDist() + path.sep;
  const files = [essayPath, configPathFor(essayPath, options), path.join(templatesDir, "deck.hbs")];
  for (const f of built?.copiedFrom ?? []) if (!f.startsWith(reveal)) files.push(f);
  const folders: WatchTargets["folders"] = [{ dir: path.join(templatesDir, "partials"), suffixes: [".hbs"] }];
  if (options.inputDir) folders.push({ dir: options.inputDir, suffixes: ESSAY_EXTENSIONS });
  const own = built?.templateDir ? path.resolve(options.cwd, built.templateDir) : undefined;
  if (own) {
    // A template a user adds to their folder overrides a built-in one: watch the folder, not its files.
    for (const dir of [own, path.join(own, "partials"), path.join(own, "themes")]) {
      folders.push({ dir, suffixes: TEMPLATE_SUFFIXES });
    }
  }
  // A symlinked essay or stylesheet is edited where it really lives: watch that folder too.
  const resolved = files.map((f) => path.resolve(f));
  return { files: [...new Set([...resolved, ...resolved.map(realOrSelf)])], folders };
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
