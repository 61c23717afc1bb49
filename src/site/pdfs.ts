/**
 * A folder build's browser work: every deck's PDFs printed by one browser, and a picture of each
 * deck's title slide for the index page. Puppeteer loads only from here, when PDFs are asked for.
 */
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { openDeckPage } from "../browser/page.js";
import { withBrowser } from "../browser/session.js";
import { writeExport } from "../io/write.js";
import { type PdfLog, printPdfs, writePdfs } from "../pdf/index.js";
import type { PdfFlags } from "../pdf/options.js";
import { parseTimeout } from "../pdf/options.js";
import { pdfRequest, reportWritten } from "../pdf/run.js";
import type { SiteDeck } from "./build.js";

/** The title slide's picture, beside the deck's index.html. */
export const THUMBNAIL = "thumbnail.png";
/** Its width in pixels: twice the index card's, for sharp text on high-density screens. */
const THUMBNAIL_WIDTH = 640;

/**
 * Print the PDFs of every deck built this time (and of unchanged decks missing one asked for), in
 * one browser; record them and each deck's thumbnail on its record. Returns how many decks printed.
 */
export async function exportSitePdfs(decks: SiteDeck[], flags: PdfFlags, cwd: string, log: PdfLog): Promise<number> {
  const want = [...(flags.pdf ? ["slides" as const] : []), ...(flags.handout ? ["handout" as const] : [])];
  const todo = decks.filter((d) => {
    if (d.status === "failed" || !d.record || !d.deck) return false;
    const have = new Set(d.record.pdfs.map((p) => p.kind));
    return d.status === "built" || !want.every((k) => have.has(k));
  });
  if (todo.length === 0) return 0;
  log.info(`launching the browser for ${todo.length} decks`);
  await withBrowser(
    { browserPath: flags.browserPath, timeout: parseTimeout(flags.browserTimeout), undone: "the decks printed so far are kept" },
    async (session) => {
      for (const [i, d] of todo.entries()) {
        const deck = d.deck;
        const record = d.record;
        if (!deck || !record) continue;
        const quiet: PdfLog = { info: () => {}, warn: (m) => log.warn(`${d.name}: ${m}`) };
        const request = pdfRequest({ deck, outDir: d.outDir, essayPath: d.essayPath }, flags, cwd, quiet);
        const written = writePdfs(await printPdfs(session.browser, request), request);
        reportWritten(written, cwd, log);
        record.pdfs = written
          .filter((w) => path.dirname(w.path) === d.outDir)
          .map((w) => ({ kind: w.kind, file: path.basename(w.path) }));
        record.thumbnail = await writeThumbnail(session.browser, d, request.timeout, quiet);
        log.info(`[${i + 1}/${todo.length}] ${d.name}: printed`);
      }
    },
  );
  return todo.length;
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
