/**
 * PDF export: one browser for the slides PDF and the handout, one load of reveal's print view.
 * Puppeteer is imported only from here (through the launcher), when a PDF is asked for. The PDFs
 * are kept in memory and written at the end through a temporary file and a rename, so a failure
 * or Ctrl-C leaves no partial file; the browser is closed in every case.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import type { Browser, Page } from "puppeteer";
import { launchBrowser } from "../browser/launch.js";
import { DeckError, ExitCode } from "../errors.js";
import { recordOwned, writeFileAtomic } from "../io/write.js";
import type { Deck } from "../model/deck.js";
import { addBookmarks, LOAD_FAST, planBookmarks, SAVE_FAST, setMetadata } from "./bookmarks.js";
import { checkFonts } from "./fonts.js";
import { type HandoutLayout, handoutChrome } from "./handout.js";
import { type PrintedHandout, printHandout } from "./handout-page.js";
import { checkOnePagePerSlide, deckMetadata, finishSlidesPdf, printSlides } from "./slides.js";
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
}

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
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    // Ending the browser makes whatever the export awaits fail at once.
    browser?.process()?.kill("SIGKILL");
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const outputs: Array<{ kind: WrittenPdf["kind"]; path: string; bytes: Uint8Array; pages: number }> = [];
  const printSlidesStep = (page: Page, pages: number) => {
    log.info(`printing ${pages} pages of slides`);
    return printSlides(page, timeout);
  };
  const finishSlides = async (raw: Uint8Array) => {
    const bytes = await finishSlidesPdf(raw, deck, { creator: request.creator });
    outputs.unshift({ kind: "slides", path: request.slides as string, bytes, pages: deck.slides.length });
  };
  try {
    log.info("launching the browser");
    browser = await launchBrowser({ browserPath: request.browserPath, timeout, handleSignals: false });
    if (interrupted) throw new Interrupted();
    log.info(`loading ${path.basename(request.indexHtml)} in reveal's print view`);
    const page = await openPrintView(browser, request.indexHtml, { timeout, warn: log.warn });
    await checkOnePagePerSlide(page, deck);
    await checkFonts(page, deck.lang, request.handout ? handoutChrome(deck) : "");
    const raw = request.slides ? await printSlidesStep(page, deck.slides.length) : null;
    let printed: PrintedHandout | null = null;
    if (request.handout) {
      const layout = request.handoutLayout ?? "notes";
      log.info(`printing the handout (${layout})`);
      let asked: () => void = () => {};
      const printing = new Promise<void>((resolve) => {
        asked = resolve;
      });
      const job = printHandout(page, deck, { layout, timeout, onPrint: () => asked() });
      // Its failure is awaited below; this only keeps it from counting as unhandled meanwhile.
      job.catch(() => undefined);
      // While Chromium prints the handout, finish the slides PDF here (pdf-lib is CPU work in Node).
      await Promise.race([printing, job]);
      if (raw) await finishSlides(raw);
      printed = await job;
    } else if (raw) {
      await finishSlides(raw);
    }
    if (request.handout && printed) {
      const doc = await PDFDocument.load(printed.bytes, LOAD_FAST);
      const meta = deckMetadata(deck, request.creator);
      setMetadata(doc, { ...meta, subject: handoutSubject(deck.lang) });
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
    if (interrupted || e instanceof Interrupted) {
      throw new DeckError("interrupted: no PDF written", ExitCode.interrupted);
    }
    throw e;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await closeBrowser(browser);
  }
  if (interrupted) throw new DeckError("interrupted: no PDF written", ExitCode.interrupted);
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

function handoutSubject(lang: string): string {
  if (/^zh-(Hans|CN|SG)/i.test(lang)) return "讲义";
  if (/^zh/i.test(lang)) return "講義";
  return "Handout";
}
