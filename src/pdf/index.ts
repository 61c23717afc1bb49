/**
 * PDF export: one browser for the slides PDF and the handout, one load of reveal's print view.
 * Puppeteer is imported only from here (through the launcher), when a PDF is asked for. The PDFs
 * are kept in memory and written at the end through a temporary file and a rename, so a failure
 * or Ctrl-C leaves no partial file; the browser is closed in every case.
 */
import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import type { Browser } from "puppeteer-core";
import { interruptible, launchBrowser } from "../browser/launch.js";
import { DeckError, ExitCode } from "../errors.js";
import { recordOwned, writeFileAtomic } from "../io/write.js";
import type { Deck } from "../model/deck.js";
import { languageOf } from "../text/languages/index.js";
import { addBookmarks, LOAD_FAST, planBookmarks, SAVE_FAST, setMetadata } from "./bookmarks.js";
import { chunkRanges, type PrintView, printSlides, SLIDES_PER_CHUNK } from "./chunks.js";
import { checkFonts } from "./fonts.js";
import { drawSlidesIntoFrames } from "./frames.js";
import { type HandoutLayout, handoutChrome } from "./handout.js";
import { type PrintedHandout, printHandout } from "./handout-page.js";
import { checkOnePagePerSlide, deckMetadata, finishSlidesPdf } from "./slides.js";
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
}

const cores = (): number => availableParallelism();

export interface WrittenPdf {
  kind: "slides" | "handout";
  path: string;
  pages: number;
  bytes: number;
}

class Interrupted extends Error {}

export async function exportPdfs(request: PdfExportRequest): Promise<WrittenPdf[]> {
  const { deck, log, timeout } = request;
  if (!request.slides && !request.handout) return [];
  let browser: Browser | null = null;
  const signals = interruptible(() => browser);
  const outputs: Array<{ kind: WrittenPdf["kind"]; path: string; bytes: Uint8Array; pages: number }> = [];
  const chunkSize = request.chunkSize ?? SLIDES_PER_CHUNK;
  const count = deck.slides.length;
  const printSlidesOn = (views: PrintView[]): Promise<PDFDocument> => {
    return printSlides(views, {
      count,
      chunkSize,
      timeout,
      progress: (done) => {
        if (done < count) log.info(`printed ${done} of ${count} slides`);
      },
    });
  };
  try {
    log.info("launching the browser");
    browser = await launchBrowser({ browserPath: request.browserPath, timeout, handleSignals: false });
    if (signals.interrupted) throw new Interrupted();
    log.info(`loading ${path.basename(request.indexHtml)} in reveal's print view`);
    // A second print view, in its own browser context (so its own renderer process), prints the
    // slides while the first prints the handout, or the deck's second half: then it loads only that
    // half, and starts printing as soon as it is loaded, from the end.
    const chunks = chunkRanges(count, chunkSize);
    const parallel = (request.handout !== undefined || chunks.length > 1) && cores() >= 2;
    const from = request.handout ? 0 : (chunks[Math.ceil(chunks.length / 2)]?.start ?? 0);
    const context = parallel ? await browser.createBrowserContext() : null;
    const viewOptions = { timeout, warn: log.warn };
    const checked = openPrintView(browser, request.indexHtml, viewOptions).then(async (page) => {
      await checkOnePagePerSlide(page, deck);
      await checkFonts(page, deck.lang, request.handout ? handoutChrome(deck) : "");
      log.info(`printing ${count} pages of slides`);
      return page;
    });
    const helper = context
      ? openPrintView(context, request.indexHtml, { ...viewOptions, from }).then(async (page) => {
          await checkOnePagePerSlide(page, deck, from);
          return page;
        })
      : null;
    // Either may fail while the other is awaited: the failure is awaited below.
    for (const view of [checked, helper]) view?.catch(() => undefined);
    const slidesJob = async (views: PrintView[]): Promise<PDFDocument> => {
      const doc = await printSlidesOn(views);
      // Its renderer's memory is better given back before the handout's print.
      await context?.close();
      // Written out now, while Chromium may still be printing the handout; the document stays
      // usable for the handout's frames.
      if (request.slides) {
        const bytes = await finishSlidesPdf(doc, deck, { creator: request.creator });
        outputs.unshift({ kind: "slides", path: request.slides, bytes, pages: count });
      }
      return doc;
    };
    const layout = request.handoutLayout ?? "notes";
    const handoutJob = (): Promise<PrintedHandout> =>
      checked.then((page) => {
        log.info(`printing the handout (${layout})`);
        return printHandout(page, deck, { layout, timeout });
      });
    // The handout's slides are the slides PDF's pages, so the slides print for a handout alone too.
    let slides: PDFDocument;
    let printed: PrintedHandout | null = null;
    if (request.handout && helper) {
      [slides, printed] = await Promise.all([slidesJob([{ page: helper, from }]), handoutJob()]);
    } else {
      const views = [{ page: checked, from: 0 }];
      if (helper) views.push({ page: helper, from });
      slides = await slidesJob(views);
      if (request.handout) printed = await handoutJob();
    }
    if (request.handout && printed) {
      const doc = await PDFDocument.load(printed.bytes, LOAD_FAST);
      await drawSlidesIntoFrames(doc, slides);
      const meta = deckMetadata(deck, request.creator);
      setMetadata(doc, { ...meta, subject: languageOf(deck.lang).handout.subject });
      // Bookmarks only where the plan matches what Chromium printed, so none points at a wrong page.
      if (doc.getPageCount() === printed.plannedPages) {
        addBookmarks(
          doc,
          planBookmarks(deck, (i) => printed.slidePages[i] ?? 0),
        );
      } else {
        log.warn(`the handout has ${doc.getPageCount()} pages, ${printed.plannedPages} planned: it has no bookmarks`);
      }
      outputs.push({ kind: "handout", path: request.handout, bytes: await doc.save(SAVE_FAST), pages: doc.getPageCount() });
    }
  } catch (e) {
    if (signals.interrupted || e instanceof Interrupted) {
      throw new DeckError("interrupted: no PDF written", ExitCode.interrupted);
    }
    throw e;
  } finally {
    signals.dispose();
    await closeBrowser(browser);
  }
  if (signals.interrupted) throw new DeckError("interrupted: no PDF written", ExitCode.interrupted);
  log.info(`writing ${outputs.map((o) => path.basename(o.path)).join(" and ")}`);
  return outputs.map((o) => {
    try {
      mkdirSync(path.dirname(o.path), { recursive: true });
    } catch (e) {
      throw new DeckError(`cannot create ${path.dirname(o.path)}: ${(e as NodeJS.ErrnoException).code}`, ExitCode.output);
    }
    writeFileAtomic(o.path, o.bytes);
    const relative = path.relative(request.outDir, o.path);
    if (!relative.startsWith("..") && !path.isAbsolute(relative)) recordOwned(request.outDir, [relative]);
    return { kind: o.kind, path: o.path, pages: o.pages, bytes: o.bytes.length };
  });
}

async function closeBrowser(browser: Browser | null): Promise<void> {
  if (!browser) return;
  try {
    await browser.close();
  } catch {
    // Already gone (killed on a signal): make sure of it.
    browser.process()?.kill("SIGKILL");
  }
}
