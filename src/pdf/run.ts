/** `build FOLDER --pdf/--handout`: what to print for each built deck, and the lines saying what was written. */
import path from "node:path";
import { displayPath, packageVersion } from "../io/paths.js";
import { assertExportTarget } from "../io/write.js";
import type { Deck } from "../model/deck.js";
import type { PdfExportRequest, PdfLog, WrittenPdf } from "./index.js";
import { type PdfFlags, pdfTargets } from "./options.js";

export interface BuiltDeck {
  deck: Deck;
  outDir: string;
  essayPath: string;
}

/**
 * What to print for a built deck, and where: the flags' targets, checked so that a default name
 * inside the output folder never replaces a file essay-deck did not write.
 */
export function pdfRequest(built: BuiltDeck, flags: PdfFlags, cwd: string, log: PdfLog): PdfExportRequest {
  const targets = pdfTargets(flags, { cwd, outDir: built.outDir, essayPath: built.essayPath });
  // No PDF may replace a file essay-deck did not write: checked before printing, and again when writing.
  for (const file of [targets.slides, targets.handout]) if (file) assertExportTarget(built.outDir, file);
  return {
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
  };
}

export function reportWritten(written: WrittenPdf[], cwd: string, log: PdfLog): void {
  for (const w of written) log.info(`wrote ${displayPath(w.path, cwd)}: ${w.pages} pages, ${Math.round(w.bytes / 1024)} KiB`);
}
