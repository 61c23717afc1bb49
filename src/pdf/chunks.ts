/**
 * Print the slides PDF a chunk of slides at a time and join the chunks. One page.pdf() over a
 * whole large deck costs more than linear time and memory (1,958 slides: 33 s, one renderer at
 * 1.4 GB), and its pageRanges option does not help: Chromium still lays out and paints the whole
 * document for each range (9 s per 200 pages there). So each chunk prints with the other slides
 * out of the document, and pdf-lib copies the chunks' pages into one document (document.ts). Given two print views (two
 * renderer processes), the chunks print on both at once; the second may have loaded only the
 * deck's second half, which halves its load.
 */
import type { Page } from "puppeteer-core";
import { bounded } from "../browser/page.js";

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
 * Leave only the chunk's print pages in the document (all of them for null). Chromium lays out and
 * paints the whole document for each page.pdf(), pages hidden by display: none included: on 1,959
 * slides a call cost about 4 s whatever its chunk's size (25 ms a page printed), and 5 ms a page with
 * the other pages out of the document. The pages wait in the page's memory for their turn; the
 * chunk's last page is the last of its kind, so it does not break after itself.
 */
async function showOnly(page: Page, chunk: Chunk | null): Promise<void> {
  await page.evaluate((range: Chunk | null) => {
    const held = window as unknown as { __essayDeckPrintPages?: Element[] };
    const container = document.querySelector(".reveal .slides");
    if (!container) return;
    held.__essayDeckPrintPages ??= [...container.querySelectorAll(":scope > .pdf-page")];
    const pages = held.__essayDeckPrintPages;
    container.replaceChildren(...(range === null ? pages : pages.slice(range.start, range.end)));
  }, chunk);
}

export interface ChunkedPrintOptions {
  /** Slides in the deck: one print page each, checked before printing. */
  count: number;
  chunkSize: number;
  timeout: number;
  /** Takes chunk `index` of chunkRanges(count, chunkSize) as soon as it is printed (document.ts joins it). */
  join: (index: number, bytes: Uint8Array) => Promise<void>;
  /** Called once the first view has printed its last chunk: its page may then serve another print. */
  printed?: () => void;
  /** Called once every chunk is printed, before the last ones are joined. */
  allPrinted?: () => void;
}

/** A print view and the first slide it holds: a helper view may hold only the deck's end. */
export interface PrintView {
  page: Promise<Page>;
  from: number;
  /** The slide after the last it holds (default: it holds the deck's end). */
  to?: number;
}

/**
 * Print every slide, a chunk at a time, on the given print views, each chunk handed to `join` as
 * it comes. The first view takes chunks from the front, any other from the back (of those it
 * holds), so each starts as soon as it is loaded and they meet in the middle.
 */
export async function printSlides(views: PrintView[], options: ChunkedPrintOptions): Promise<void> {
  const { count, timeout } = options;
  const chunks = chunkRanges(count, options.chunkSize);
  const print = (page: Page) =>
    bounded("printing the slides", timeout, () => page.pdf({ preferCSSPageSize: true, printBackground: true, timeout }));
  const [first] = views;
  if (!first) throw new RangeError("no print view");
  if (chunks.length <= 1) {
    const bytes = await print(await first.page);
    options.printed?.();
    options.allPrinted?.();
    await options.join(0, bytes);
    return;
  }
  const claimed = new Set<number>();
  const claim = (front: boolean, view: PrintView): number => {
    const order = front ? chunks.map((_, i) => i) : chunks.map((_, i) => chunks.length - 1 - i);
    const holds = (c: Chunk) => c.start >= view.from && c.end <= (view.to ?? count);
    const i = order.find((j) => !claimed.has(j) && holds(chunks[j] as Chunk)) ?? -1;
    if (i >= 0) claimed.add(i);
    return i;
  };
  let printing = chunks.length;
  const worker = async (view: PrintView, index: number) => {
    const page = await view.page;
    let done = false;
    // Once the view has printed its last chunk, its page is whole again and free for another print
    // (the handout), before that chunk joins.
    const finish = async () => {
      if (done) return;
      done = true;
      // The handout reuses these print pages; a view that is gone needs nothing.
      await showOnly(page, null).catch(() => undefined);
      if (index === 0) options.printed?.();
    };
    try {
      for (let i = claim(index === 0, view); i >= 0; ) {
        const chunk = chunks[i] as Chunk;
        await showOnly(page, { start: chunk.start - view.from, end: chunk.end - view.from });
        const bytes = await print(page);
        if (--printing === 0) options.allPrinted?.();
        const next = claim(index === 0, view);
        if (next < 0) await finish();
        await options.join(i, bytes);
        i = next;
      }
    } finally {
      await finish();
    }
  };
  await Promise.all(views.map(worker));
}
