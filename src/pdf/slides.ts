/** The slides PDF's check in the print view: one page per slide, none spilling (document.ts makes the file). */
import type { Page } from "puppeteer-core";
import { DeckError, ExitCode } from "../errors.js";
import type { Deck } from "../model/deck.js";

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
