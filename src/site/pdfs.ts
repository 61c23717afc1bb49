/**
 * A folder build's browser work: every deck's PDFs printed by one browser, and a picture of each
 * deck's title slide for the index page. Puppeteer loads only from here, when PDFs are asked for.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { openDeckPage } from "../browser/page.js";
import { withBrowser } from "../browser/session.js";
import { DeckError, ExitCode } from "../errors.js";
import { writeExport } from "../io/write.js";
import { type PdfLog, printPdfs, writePdfs } from "../pdf/index.js";
import { type PdfFlags, parseTimeout, pdfKinds } from "../pdf/options.js";
import { pdfRequest, reportWritten } from "../pdf/run.js";
import type { SiteDeck } from "./build.js";

/** The title slide's picture, beside the deck's index.html. */
export const THUMBNAIL = "thumbnail.png";
/** Its width in pixels: twice the index card's, for sharp text on high-density screens. */
const THUMBNAIL_WIDTH = 640;

/** Decks printed at once on the one browser: each page renders in its own process, so two keep two cores busy. */
const PRINT_LANES = Math.max(1, Math.min(2, availableParallelism()));

export interface SitePrinting {
  printed: number;
  /** Decks whose PDFs failed (a slide that spills off its page…): the others are still printed. */
  failed: Array<{ name: string; error: DeckError }>;
}

/**
 * Print the PDFs of every deck built this time (and of unchanged decks missing one asked for), in
 * one browser, two decks at a time; record them and each deck's thumbnail on its record.
 */
export async function exportSitePdfs(decks: SiteDeck[], flags: PdfFlags, cwd: string, log: PdfLog): Promise<SitePrinting> {
  const want = pdfKinds(flags);
  const todo = decks.filter((d) => {
    if (d.status === "failed" || !d.record || !d.deck) return false;
    const have = new Set(d.record.pdfs.map((p) => p.kind));
    return d.status === "built" || !want.every((k) => have.has(k));
  });
  const result: SitePrinting = { printed: 0, failed: [] };
  if (todo.length === 0) return result;
  log.info(`launching the browser for ${todo.length} decks`);
  await withBrowser(
    { browserPath: flags.browserPath, timeout: parseTimeout(flags.browserTimeout), undone: "the decks printed so far are kept" },
    async (session) => {
      let next = 0;
      const printOne = async (d: SiteDeck): Promise<void> => {
        const deck = d.deck;
        const record = d.record;
        if (!deck || !record) return;
        const quiet: PdfLog = { info: () => {}, warn: (m) => log.warn(`${d.name}: ${m}`) };
        const request = pdfRequest({ deck, outDir: d.outDir, essayPath: d.essayPath }, flags, cwd, quiet);
        const written = writePdfs(await printPdfs(session.browser, request), request);
        reportWritten(written, cwd, log);
        record.pdfs = written
          .filter((w) => path.dirname(w.path) === d.outDir)
          .map((w) => ({ kind: w.kind, file: path.basename(w.path) }));
        record.thumbnail = await writeThumbnail(session.browser, d, request.timeout, quiet);
      };
      const lane = async (): Promise<void> => {
        while (next < todo.length && !session.interrupted) {
          const d = todo[next++] as SiteDeck;
          try {
            await printOne(d);
            result.printed++;
            log.info(`[${result.printed + result.failed.length}/${todo.length}] ${d.name}: printed`);
          } catch (e) {
            // The user's mistake in one essay (a slide that does not fit a page) stops only its deck.
            if (session.interrupted || !(e instanceof DeckError) || e.exitCode === ExitCode.interrupted) throw e;
            result.failed.push({ name: d.name, error: e });
            log.info(`[${result.printed + result.failed.length}/${todo.length}] ${d.name}: not printed: ${e.message}`);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(PRINT_LANES, todo.length) }, lane));
    },
  );
  return result;
}

/** A picture of the deck's title slide, as the audience first sees it, without reveal's controls. */
async function writeThumbnail(browser: Browser, d: SiteDeck, timeout: number, log: PdfLog): Promise<string> {
  const size = d.record?.summary.size ?? { width: 1280, height: 720 };
  const page = await openDeckPage(browser, path.join(d.outDir, "index.html"), {
    timeout,
    warn: log.warn,
    viewport: { ...size, deviceScaleFactor: THUMBNAIL_WIDTH / size.width },
  });
  try {
    await page.evaluate(`(async () => {
      Reveal.configure({ controls: false, progress: false, slideNumber: false, transition: "none" });
      Reveal.slide(0, 0);
      await document.fonts.ready;
    })()`);
    const png = await page.screenshot({ type: "png" });
    writeExport(d.outDir, path.join(d.outDir, THUMBNAIL), png);
    return THUMBNAIL;
  } finally {
    await page.close();
  }
}
