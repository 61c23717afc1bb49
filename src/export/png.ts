/**
 * `--png [dir]`: one picture a slide, drawn by Chromium from reveal's print view (the slides PDF's
 * layout), `01.png` … in a folder of their own, 1920 px wide unless `--png-scale` says otherwise.
 */
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import { DEFAULT_SLIDE_SIZE } from "../model/deck.js";
import { type Exporter, type ExportWhere, exportName } from "./types.js";

/** Default width of a slide's picture, px. */
export const DEFAULT_PNG_WIDTH = 1920;

export const pngExporter: Exporter = {
  name: "PNG",
  flags: "--png/--png-scale",
  wanted: (flags) => Boolean(flags.png || flags.pngScale),
  check: (flags, where) => {
    if (flags.pngScale !== undefined && !flags.png) throw new DeckError("--png-scale needs --png", ExitCode.usage);
    parseScale(flags.pngScale, DEFAULT_SLIDE_SIZE.width);
    pngDir(flags.png, { ...where, essayPath: "essay.txt" });
  },
  targets: (flags, where) => [pngDir(flags.png, where)],
  browser: true,
  run: async (ctx) => {
    const dir = pngDir(ctx.flags.png, ctx.where);
    const size = ctx.built.deck.size ?? DEFAULT_SLIDE_SIZE;
    const scale = parseScale(ctx.flags.pngScale, size.width);
    const { drawSlides } = await import("./png-draw.js");
    const count = ctx.built.deck.slides.length;
    const browser = await ctx.browser();
    ctx.log.info(`drawing ${count} slides at ${Math.round(size.width * scale)}×${Math.round(size.height * scale)} px`);
    const images = await drawSlides({
      browser,
      indexHtml: path.join(ctx.built.outDir, "index.html"),
      count,
      size,
      scale,
      timeout: ctx.timeout,
      warn: ctx.log.warn,
    });
    ctx.doneWithBrowser();
    const digits = Math.max(2, String(count).length);
    const files = images.map((bytes, i) => ({ name: `${String(i + 1).padStart(digits, "0")}.png`, bytes }));
    const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
    return [{ kind: "folder", dir, files, summary: `${files.length} slides, ${Math.round(total / 1024)} KiB in all` }];
  },
};

/** The pictures' folder: `--png dir` from the current folder, or `<essay>-png/` beside index.html. */
export function pngDir(flag: boolean | string | undefined, where: ExportWhere): string {
  const dir =
    typeof flag === "string" ? path.resolve(where.cwd, flag) : path.join(where.outDir, `${exportName(where.essayPath)}-png`);
  if (path.resolve(dir) === path.resolve(where.outDir)) {
    throw new DeckError("--png needs a folder of its own, not the deck's output folder: pass --png slides/", ExitCode.usage);
  }
  return dir;
}

/**
 * `--png-scale`: a factor of the slide's size (`1.5`, `2`) or a width in px (`1920`, `1920px`);
 * the default is 1920 px wide.
 */
export function parseScale(value: string | undefined, slideWidth: number): number {
  if (value === undefined) return DEFAULT_PNG_WIDTH / slideWidth;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/i.exec(value);
  const n = m ? Number(m[1]) : Number.NaN;
  const isWidth = m?.[2] !== undefined || n > 8;
  const scale = isWidth ? n / slideWidth : n;
  if (!Number.isFinite(scale) || scale < 0.1 || scale * slideWidth > 8000) {
    throw new DeckError(
      `--png-scale takes a factor of the slide size (1.5, 2) or a width in px up to 8000 (1920, 3840px) (got "${value}")`,
      ExitCode.usage,
    );
  }
  return scale;
}
