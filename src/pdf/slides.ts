/** The slides PDF: one page per slide, from reveal's print view, with bookmarks and metadata. */
import type { PDFDocument } from "pdf-lib";
import type { Page } from "puppeteer-core";
import { DeckError, ExitCode } from "../errors.js";
import type { Deck } from "../model/deck.js";
import { addBookmarks, planBookmarks, SAVE_FAST, setMetadata } from "./bookmarks.js";

interface PrintedPage {
  id: string;
  /** Content that reaches past the page, as "SELECTOR text…"; empty when the slide fits. */
  spills: string[];
}

/** What reveal's print view made of the slides: a page each, and anything that would not fit. */
async function measurePages(page: Page): Promise<PrintedPage[]> {
  return page.evaluate(() => {
    const out: Array<{ id: string; spills: string[] }> = [];
    for (const pdfPage of document.querySelectorAll<HTMLElement>(".reveal .slides .pdf-page")) {
      const section = pdfPage.querySelector<HTMLElement>("section");
      const box = pdfPage.getBoundingClientRect();
      const spills: string[] = [];
      for (const el of section?.querySelectorAll<HTMLElement>("*") ?? []) {
        if (el.closest("aside.notes, .slide-background")) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.bottom > box.bottom + 1 || r.right > box.right + 1) {
          spills.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 24)}"`);
        }
      }
      out.push({ id: section?.id ?? "", spills });
    }
    return out;
  });
}

/** Exactly one page per slide (of those from `from` on, in a view that holds only those): a slide that would spill is an error naming it, never a silent extra page. */
export async function checkOnePagePerSlide(page: Page, deck: Deck, from = 0, to = deck.slides.length): Promise<void> {
  const pages = await measurePages(page);
  const slides = to - from;
  if (pages.length !== slides) {
    throw new DeckError(
      `the print view made ${pages.length} pages for ${slides} slides: remove Reveal options that split slides (pdfSeparateFragments, pdfMaxPagesPerSlide)`,
      ExitCode.browser,
    );
  }
  const spilling = pages.filter((p) => p.spills.length > 0);
  if (spilling.length > 0) {
    const names = spilling.map((p) => `${p.id} (${p.spills[0]})`).join(", ");
    throw new DeckError(
      `${spilling.length === 1 ? "a slide does" : `${spilling.length} slides do`} not fit on one PDF page: ${names}; shorten the text, use a smaller theme or --size`,
      ExitCode.browser,
    );
  }
}

export interface FinishOptions {
  creator: string;
}

/** Check the page count, then add metadata and the essay's bookmarks (after any join: they point at its pages). */
export async function finishSlidesPdf(doc: PDFDocument, deck: Deck, options: FinishOptions): Promise<Uint8Array> {
  const count = doc.getPageCount();
  if (count !== deck.slides.length) {
    throw new DeckError(
      `the slides PDF has ${count} pages for ${deck.slides.length} slides: a slide spilled onto another page; shorten it or use --size`,
      ExitCode.browser,
    );
  }
  setMetadata(doc, deckMetadata(deck, options.creator));
  addBookmarks(doc, planBookmarks(deck));
  return doc.save(SAVE_FAST);
}

export function deckMetadata(deck: Deck, creator: string) {
  const headings = deck.slides.flatMap((s) => (s.kind === "section" ? [s.heading] : []));
  return {
    title: deck.title,
    author: deck.author,
    subject: deck.subtitle ?? deck.title,
    lang: deck.lang,
    keywords: headings,
    creator,
  };
}
