/** The slides PDF and the handout, as one export: one print view serves both. */
import path from "node:path";
import type { HandoutLayout } from "../pdf/handout.js";
import { checkPdfFlags, pdfTargets, wantsPdf } from "../pdf/options.js";
import type { Exporter } from "./types.js";

export const pdfExporter: Exporter = {
  name: "PDF",
  flags: "--pdf/--handout/--handout-layout",
  wanted: wantsPdf,
  check: (flags, where) => checkPdfFlags(flags, where.cwd),
  targets: (flags, where) => {
    const t = pdfTargets(flags, where);
    return [t.slides, t.handout].filter((f): f is string => f !== undefined);
  },
  browser: true,
  preload: () => import("../pdf/index.js"),
  run: async (ctx) => {
    const targets = pdfTargets(ctx.flags, ctx.where);
    const { printPdfs } = await import("../pdf/index.js");
    const printed = await printPdfs(await ctx.browser(), {
      deck: ctx.built.deck,
      indexHtml: path.join(ctx.built.outDir, "index.html"),
      slides: targets.slides,
      handout: targets.handout,
      handoutLayout: targets.handoutLayout as HandoutLayout,
      timeout: ctx.timeout,
      outDir: ctx.built.outDir,
      creator: ctx.creator,
      log: ctx.log,
      printed: ctx.doneWithBrowser,
    });
    return printed.map((p) => ({
      kind: "file" as const,
      path: p.path,
      bytes: p.bytes,
      summary: `${p.pages} pages, ${Math.round(p.bytes.length / 1024)} KiB`,
    }));
  },
};
