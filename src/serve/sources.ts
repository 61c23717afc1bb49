/** The files and folders to watch so that a change to any source of the deck rebuilds it. */
import { realpathSync } from "node:fs";
import path from "node:path";
import type { BuildSources } from "../build.js";
import { ESSAY_EXTENSIONS } from "../io/input.js";
import { revealDist, templatesDir } from "../io/paths.js";
import type { WatchTargets } from "./watch.js";

const TEMPLATE_SUFFIXES = [".hbs", ".css"];

/**
 * What to watch for a build's sources: the essay, its config (even before it exists), the template
 * folder, what the build copied, and the folder given as input (an essay renamed or added there
 * changes the build). The built-in templates are watched too, so that working on essay-deck's own
 * templates previews live; reveal.js's own files are not (they never change).
 */
export function watchTargets(sources: BuildSources, inputDir?: string): WatchTargets {
  const reveal = revealDist() + path.sep;
  const files = [sources.essay, sources.config, path.join(templatesDir, "deck.hbs")];
  for (const f of sources.copied) if (!f.startsWith(reveal)) files.push(f);
  const folders: WatchTargets["folders"] = [{ dir: path.join(templatesDir, "partials"), suffixes: [".hbs"] }];
  if (inputDir) folders.push({ dir: inputDir, suffixes: ESSAY_EXTENSIONS });
  const own = sources.templateDir;
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
