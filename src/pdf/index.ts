/**
 * PDF export: one browser for the slides PDF and the handout, one load of the deck's print view.
 * Puppeteer is imported only through the browser session, when a PDF is asked for. The PDFs are
 * kept in memory and written at the end through a temporary file and a rename, so a failure or
 * Ctrl-C leaves no partial file; the session closes the browser in every case.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import type { PDFDocument } from "pdf-lib";
import type { Browser, BrowserContext, Page } from "puppeteer-core";
import { takeBlankTab } from "../browser/launch.js";
import { withBrowser } from "../browser/session.js";
import { writeExport } from "../io/write.js";
import type { Deck } from "../model/deck.js";
import { chunkRanges, type PrintView, printSlides, SLIDES_PER_CHUNK } from "./chunks.js";
import type { ChunkJoiner } from "./document.js";
import { checkFonts } from "./fonts.js";
import { type HandoutLayout, handoutChrome } from "./handout.js";
import { type PrintedHandout, printHandout } from "./handout-page.js";
import { checkOnePagePerSlide } from "./slides.js";
import { openPrintView } from "./view.js";

export interface PdfLog {
  info: (message: string) => void;
  warn: (message: string) => void;
}

export interface PdfExportRequest {
  deck: Deck;
  /** The built deck's index.html. */
  indexHtml: string;
  /** Where to write the slides PDF; none when not asked for. */
  slides?: string;
  handout?: string;
  handoutLayout?: HandoutLayout;
  browserPath?: string;
  /** Bounds every wait (ms). */
  timeout: number;
  /** The output folder: PDFs written into it enter its manifest. */
  outDir: string;
  creator: string;
  log: PdfLog;
  /** Slides printed per page.pdf() call (SLIDES_PER_CHUNK); tests set a small one. */
  chunkSize?: number;
  /**
   * Called once Chromium has printed everything asked for, while the PDFs are still being finished
   * here: the browser may close meanwhile (when nothing else needs it).
   */
  printed?: () => void;
}

const cores = (): number => availableParallelism();

export interface WrittenPdf {
  kind: "slides" | "handout";
  path: string;
  pages: number;
  bytes: number;
}

/** A PDF printed in memory, written only once every PDF asked for is done. */
export interface PrintedPdf {
  kind: WrittenPdf["kind"];
  path: string;
  bytes: Uint8Array;
  pages: number;
}

/** Print the PDFs asked for in a browser of their own, then write them. */
export async function exportPdfs(request: PdfExportRequest): Promise<WrittenPdf[]> {
  if (!request.slides && !request.handout) return [];
  request.log.info("launching the browser");
  const printed = await withBrowser(
    { browserPath: request.browserPath, timeout: request.timeout, undone: "no PDF written" },
    (session) => printPdfs(session.browser, { ...request, printed: session.release }),
  );
  return writePdfs(printed, request);
}

/**
 * The print views, each checked (one page a slide; every glyph drawn, in the helper before it
 * prints, in the main one after, see printPdfs): for a deck of several chunks
 * on two cores, the main one holds the front half and a second one, in its own browser context (so
 * its own renderer process), the back half; each loads only its half and prints as soon as it is
 * loaded, and the main one then prints the handout. A deck of one chunk has one view: a second load
 * costs as much as it saves (measured on the reference: 1.54 s against 1.52 s for slides and handout).
 */
interface PrintViews {
  main: Promise<Page>;
  helper: Promise<Page> | null;
  /** The first slide the helper holds. */
  from: number;
  /** The slide after the main view's last. */
  to: number;
  context: BrowserContext | null;
}

async function openViews(
  browser: Browser,
  request: PdfExportRequest,
  chunkSize: number,
  navigating: () => void,
): Promise<PrintViews> {
  const { deck, log, timeout } = request;
  const count = deck.slides.length;
  log.info(`loading ${path.basename(request.indexHtml)} in its print view`);
  const chunks = chunkRanges(count, chunkSize);
  const parallel = chunks.length > 1 && cores() >= 2;
  const from = chunks[Math.ceil(chunks.length / 2)]?.start ?? 0;
  const context = parallel ? await browser.createBrowserContext() : null;
  const viewOptions = { timeout, warn: log.warn, navigating };
  // Each view loads, checks and prints its own share: the main one the front, then the handout.
  const to = context ? from : count;
  const opener = { newPage: () => takeBlankTab(browser) };
  const main = openPrintView(opener, request.indexHtml, { ...viewOptions, to }).then(async (page) => {
    await checkOnePagePerSlide(page, deck, 0, to);
    log.info(`printing ${count} pages of slides`);
    return page;
  });
  const helper = context
    ? openPrintView(context, request.indexHtml, { ...viewOptions, from }).then(async (page) => {
        await checkOnePagePerSlide(page, deck, from);
        await checkFonts(page, deck.lang, "");
        return page;
      })
    : null;
  // Either may fail while the other is awaited: the failure is awaited where the view is used.
  for (const view of [main, helper]) view?.catch(() => undefined);
  return { main, helper, from, to, context };
}

/**
 * Print the PDFs asked for with `browser`, in memory: the slides, and the handout, whose slides are
 * the slides PDF's pages (so the slides print for a handout alone too).
 */
export async function printPdfs(browser: Browser, request: PdfExportRequest): Promise<PrintedPdf[]> {
  const { deck, log, timeout } = request;
  const count = deck.slides.length;
  const chunkSize = request.chunkSize ?? SLIDES_PER_CHUNK;
  // pdf-lib loads while Chromium loads the print view (after the navigation is sent, not before).
  let documents: Promise<typeof import("./document.js")> | null = null;
  const loadDocuments = () => {
    documents ??= new Promise((resolve) => setImmediate(resolve)).then(async () => {
      const m = await import("./document.js");
      m.useNativeDeflate();
      return m;
    });
    return documents;
  };
  const views = await openViews(browser, request, chunkSize, () => void loadDocuments().catch(() => undefined));
  const outputs: PrintedPdf[] = [];
  let slidesPrinted: () => void = () => {};
  const allSlidesPrinted = new Promise<void>((resolve) => {
    slidesPrinted = resolve;
  });
  const slidesJob = async (printViews: PrintView[], printed?: () => void): Promise<PDFDocument> => {
    let joiner: ChunkJoiner | null = null;
    // pdf-lib holds the event loop for up to ~100 ms at a time, and each browser step of the
    // handout waits for it: once the main view is free, the handout goes to print first.
    const join = async (i: number, bytes: Uint8Array) => {
      if (mainIsFree) await handoutPrinting;
      const { chunkJoiner } = await loadDocuments();
      joiner ??= chunkJoiner(chunkRanges(count, chunkSize), (done) => {
        if (done < count) log.info(`printed ${done} of ${count} slides`);
      });
      await joiner.join(i, bytes);
    };
    await printSlides(printViews, { count, chunkSize, timeout, join, printed, allPrinted: slidesPrinted });
    const { finishSlidesPdf } = await loadDocuments();
    const doc = (joiner as ChunkJoiner | null)?.document();
    if (!doc) throw new RangeError("no chunk was printed");
    // Made now, while Chromium may still be printing the handout; the document stays usable for
    // the handout's frames.
    if (request.slides) {
      const bytes = await finishSlidesPdf(doc, deck, request.creator);
      outputs.unshift({ kind: "slides", path: request.slides, bytes, pages: count });
    }
    return doc;
  };
  const layout = request.handoutLayout ?? "notes";
  let handoutSent: () => void = () => {};
  const handoutPrinting = request.handout
    ? new Promise<void>((resolve) => {
        handoutSent = resolve;
      })
    : Promise.resolve();
  const handoutJob = (): Promise<PrintedHandout> =>
    views.main.then((page) => {
      log.info(`printing the handout (${layout})`);
      return printHandout(page, deck, { layout, timeout, printing: handoutSent });
    });
  const printViews: PrintView[] = [{ page: views.main, from: 0, to: views.to }];
  if (views.helper) printViews.push({ page: views.helper, from: views.from });
  let mainIsFree = false;
  let mainPrinted: () => void = () => {};
  const free = new Promise<void>((resolve) => {
    mainPrinted = () => {
      mainIsFree = true;
      resolve();
    };
  });
  // The handout takes the main page once it has printed its slides: Chromium lays it out and prints
  // it while the helper prints the rest, and this process reads the slides' PDF and finishes it.
  // The main view's glyphs are checked once it has printed its slides, while this process joins
  // them (before, the check delayed the print): a glyph missing still fails the export, and no PDF
  // is written. The handout, laid out in the same page, follows the check.
  const checked = free
    .then(() => views.main)
    .then((page) => checkFonts(page, deck.lang, request.handout ? handoutChrome(deck) : ""));
  const handout = request.handout ? checked.then(handoutJob) : null;
  // Once every page.pdf() is done, the helper's renderer gives its memory back and the browser may
  // close while this process finishes the PDFs.
  Promise.all([allSlidesPrinted.then(() => views.context?.close()), checked, handout])
    .then(() => request.printed?.())
    .catch(() => undefined);
  const [slides, printed] = await Promise.all([slidesJob(printViews, mainPrinted), handout, checked]);
  if (request.handout && printed) {
    const { assembleHandout } = await loadDocuments();
    const made = await assembleHandout(printed, slides, deck, request.creator, log.warn);
    outputs.push({ kind: "handout", path: request.handout, ...made });
  }
  return outputs;
}

/** Write the printed PDFs, each through a temporary file and a rename; those in the output folder enter its manifest. */
export function writePdfs(outputs: PrintedPdf[], request: Pick<PdfExportRequest, "outDir" | "log">): WrittenPdf[] {
  request.log.info(`writing ${outputs.map((o) => path.basename(o.path)).join(" and ")}`);
  return outputs.map((o) => {
    writeExport(request.outDir, o.path, o.bytes);
    return { kind: o.kind, path: o.path, pages: o.pages, bytes: o.bytes.length };
  });
}
