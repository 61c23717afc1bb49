/**
 * Print the slides PDF a chunk of slides at a time and join the chunks. One page.pdf() over a
 * whole large deck costs more than linear time and memory (1,958 slides: 33 s, one renderer at
 * 1.4 GB), and its pageRanges option does not help: Chromium still lays out and paints the whole
 * document for each range (9 s per 200 pages there). So each chunk prints with the other slides
 * hidden, and pdf-lib copies the chunks' pages into one document. Given two print views (two
 * renderer processes), the chunks print on both at once.
 */
import { PDFDocument } from "pdf-lib";
import type { Page } from "puppeteer";
import { DeckError, ExitCode } from "../errors.js";
import { LOAD_FAST } from "./bookmarks.js";
import { bounded } from "./view.js";

/**
 * Slides a page.pdf() call prints. Measured on 1,958 slides: a call costs about 0.25 s plus 4–5 ms
 * a page, and its PDF repeats the fonts (about 0.6 MB of CJK subsets); 250 keeps both overheads
 * small, and a 500-slide deck makes two chunks, one for each of two views.
 */
export const SLIDES_PER_CHUNK = 250;

/** Slides [start, end), 0-based. */
export interface Chunk {
  start: number;
  end: number;
}

export function chunkRanges(count: number, size: number): Chunk[] {
  if (!(size >= 1)) throw new RangeError("a chunk holds at least one slide");
  const chunks: Chunk[] = [];
  for (let start = 0; start < count; start += size) chunks.push({ start, end: Math.min(count, start + size) });
  return chunks;
}

/**
 * Show only the chunk's print pages (all of them for null). The chunk's last page must not break
 * after itself, as only the deck's last does: that break would print a blank page.
 */
async function showOnly(page: Page, chunk: Chunk | null): Promise<void> {
  await page.evaluate((range: Chunk | null) => {
    document.querySelectorAll<HTMLElement>(".reveal .slides > .pdf-page").forEach((p, i) => {
      p.style.display = range === null || (i >= range.start && i < range.end) ? "" : "none";
      const last = range !== null && i === range.end - 1;
      p.style.setProperty("break-after", last ? "auto" : "", last ? "important" : "");
      p.style.setProperty("page-break-after", last ? "auto" : "", last ? "important" : "");
    });
  }, chunk);
}

export interface ChunkedPrintOptions {
  /** Slides in the deck: one print page each, checked before printing. */
  count: number;
  chunkSize: number;
  timeout: number;
  /** Called as each chunk joins the document, in deck order. */
  progress?: (printed: number, count: number) => void;
}

/**
 * Print every slide, a chunk at a time, on the given print views; returns the joined document.
 * A chunk whose PDF has a page too many or too few is an error: a slide spilled.
 */
export async function printSlides(views: Page[], options: ChunkedPrintOptions): Promise<PDFDocument> {
  const { count, timeout } = options;
  const chunks = chunkRanges(count, options.chunkSize);
  const print = (page: Page) =>
    bounded("printing the slides", timeout, () => page.pdf({ preferCSSPageSize: true, printBackground: true, timeout }));
  const [only] = views;
  if (!only) throw new RangeError("no print view");
  if (chunks.length <= 1) {
    const doc = await PDFDocument.load(await print(only), LOAD_FAST);
    checkChunk(doc, { start: 0, end: count });
    return doc;
  }
  const merged = await PDFDocument.create({ updateMetadata: false });
  // Chunks finish out of order on two views; each waits here until the ones before it have joined,
  // and its bytes are dropped as soon as its pages are copied.
  const printed = new Map<number, Uint8Array>();
  let joined = 0;
  const join = async () => {
    for (let bytes = printed.get(joined); bytes; bytes = printed.get(joined)) {
      printed.delete(joined);
      const chunk = chunks[joined] as Chunk;
      const doc = await PDFDocument.load(bytes, LOAD_FAST);
      checkChunk(doc, chunk);
      for (const copy of await merged.copyPages(doc, doc.getPageIndices())) merged.addPage(copy);
      joined += 1;
      options.progress?.(chunk.end, count);
    }
  };
  let next = 0;
  const worker = async (page: Page) => {
    try {
      for (let i = next++; i < chunks.length; i = next++) {
        await showOnly(page, chunks[i] as Chunk);
        printed.set(i, await print(page));
        await join();
      }
    } finally {
      // The handout reuses these print pages; a view that is gone needs nothing.
      await showOnly(page, null).catch(() => undefined);
    }
  };
  await Promise.all(views.map(worker));
  return merged;
}

function checkChunk(doc: PDFDocument, chunk: Chunk): void {
  const pages = doc.getPageCount();
  const slides = chunk.end - chunk.start;
  if (pages !== slides) {
    throw new DeckError(
      `the slides PDF has ${pages} pages for slides ${chunk.start + 1}–${chunk.end} (${slides}): a slide spilled onto another page; shorten it or use --size`,
      ExitCode.browser,
    );
  }
}
