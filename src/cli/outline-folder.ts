/** `outline FOLDER`: the outline of every essay of a folder, as trees or one JSON array. */
import path from "node:path";
import { type LoadedEssay, loadEssay } from "../build.js";
import { DeckError, ExitCode } from "../errors.js";
import { listEssays } from "../io/input.js";
import type { Outline } from "../model/outline.js";
import { outlineToJson } from "../parse/index.js";
import { configFor } from "../site/build.js";
import { createLogger } from "./log.js";
import { type BuildFlags, type CliIO, essayOptions } from "./options.js";

export interface OutlineFlags extends BuildFlags {
  json?: boolean;
  recursive?: boolean;
}

/** `tree` draws one essay's outline as the single-essay command does. */
export function outlineFolder(
  input: string,
  flags: OutlineFlags,
  io: CliIO,
  tree: (outline: Outline, loaded: LoadedEssay) => string,
): void {
  const log = createLogger(io, flags.quiet);
  const root = path.resolve(io.cwd, input);
  const essays = listEssays(root, { recursive: flags.recursive });
  if (essays.length === 0) {
    throw new DeckError(`no essay (.txt or .md) in folder ${root}: add essays, or pass one essay file`, ExitCode.inputMissing);
  }
  const outlines: unknown[] = [];
  const failed: Array<{ name: string; error: unknown }> = [];
  for (const essayPath of essays) {
    const name = path.relative(root, essayPath).split(path.sep).join("/");
    try {
      const base = essayOptions(essayPath, flags, io);
      const loaded = loadEssay({ ...base, config: configFor(essayPath, root, flags.config) });
      for (const w of loaded.warnings) log.warn(w);
      const outline = {
        ...loaded.outline,
        title: loaded.settings.title ?? loaded.outline.title,
        lang: loaded.settings.lang ?? loaded.outline.lang,
      };
      if (flags.json) outlines.push({ essay: name, ...outlineToJson(outline) });
      else io.stdout(`${name}\n${tree(outline, loaded)}\n`);
    } catch (e) {
      if (!(e instanceof DeckError)) throw e;
      io.stderr(`essay-deck: ${name}: ${e.message}\n`);
      failed.push({ name, error: e });
    }
  }
  if (flags.json) io.stdout(`${JSON.stringify(outlines, null, 2)}\n`);
  if (failed.length > 0) {
    const first = failed[0]?.error as DeckError;
    throw new DeckError(
      `${failed.length} of ${essays.length} essays could not be read (${failed.map((f) => f.name).join(", ")}); the others are shown`,
      first.exitCode,
    );
  }
}
