/** `build --pdf/--handout`: after the HTML build, export the PDFs with one browser. */
import path from "node:path";
import { displayPath, packageVersion } from "../io/paths.js";
import { assertOwned, readManifest } from "../io/write.js";
import type { Deck } from "../model/deck.js";
import type { PdfLog, WrittenPdf } from "./index.js";
import { type PdfFlags, pdfTargets } from "./options.js";

export interface BuiltDeck {
  deck: Deck;
  outDir: string;
  essayPath: string;
}

/** True when a PDF flag was given (a stray --handout-layout too, so that its check reports it). */
export const wantsPdf = (flags: PdfFlags): boolean => Boolean(flags.pdf || flags.handout || flags.handoutLayout);

export async function runPdfExport(built: BuiltDeck, flags: PdfFlags, cwd: string, log: PdfLog): Promise<WrittenPdf[]> {
  const targets = pdfTargets(flags, { cwd, outDir: built.outDir, essayPath: built.essayPath });
  // A default name inside the output folder must not replace a file essay-deck did not write.
  const owned = readManifest(built.outDir);
  for (const file of [targets.slides, targets.handout]) {
    if (file && path.dirname(file) === built.outDir) assertOwned(built.outDir, path.basename(file), owned);
  }
  const { exportPdfs } = await import("./index.js");
  const written = await exportPdfs({
    deck: built.deck,
    indexHtml: path.join(built.outDir, "index.html"),
    slides: targets.slides,
    handout: targets.handout,
    handoutLayout: targets.handoutLayout,
    browserPath: targets.browserPath,
    timeout: targets.timeout,
    outDir: built.outDir,
    creator: `essay-deck ${packageVersion()}`,
    log,
  });
  for (const w of written) {
    const shown = displayPath(w.path, cwd);
    log.info(`wrote ${shown}: ${w.pages} pages, ${Math.round(w.bytes / 1024)} KiB`);
  }
  return written;
}
