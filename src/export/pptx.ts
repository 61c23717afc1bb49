/** `--pptx [file]`: the planned deck as an editable PowerPoint file. No browser. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import { type Exporter, exportName } from "./types.js";

export const pptxExporter: Exporter = {
  name: "PPTX",
  flags: "--pptx",
  wanted: (flags) => Boolean(flags.pptx),
  check: (flags, where) => {
    pptxTarget(flags.pptx, { ...where, essayPath: "essay.txt" });
  },
  targets: (flags, where) => [pptxTarget(flags.pptx, where)],
  browser: false,
  run: async (ctx) => {
    const target = pptxTarget(ctx.flags.pptx, ctx.where);
    // pptxgenjs and the theme mapping load only when a PPTX is asked for.
    const [{ writePptx }, { pptxTheme }] = await Promise.all([import("../pptx/index.js"), import("../pptx/theme.js")]);
    const { deck, settings, stylesheets } = ctx.built;
    const file = await writePptx({
      deck,
      theme: pptxTheme(settings.theme ?? "essay", stylesheets),
      creator: ctx.creator,
      slideNumbers: settings.slideNumber !== false,
      readImage: (src) => {
        try {
          return readFileSync(path.join(ctx.built.outDir, src));
        } catch {
          return null;
        }
      },
    });
    return [
      {
        kind: "file",
        path: target,
        bytes: file.bytes,
        summary: `${file.slides} slides, ${file.sections} sections, ${Math.round(file.bytes.length / 1024)} KiB`,
      },
    ];
  },
};

function pptxTarget(flag: boolean | string | undefined, where: Parameters<Exporter["targets"]>[1]): string {
  if (typeof flag === "string") {
    if (!flag.toLowerCase().endsWith(".pptx")) {
      throw new DeckError(`a PowerPoint file name must end in .pptx (got "${flag}")`, ExitCode.usage);
    }
    return path.resolve(where.cwd, flag);
  }
  return path.join(where.outDir, `${exportName(where.essayPath)}.pptx`);
}
