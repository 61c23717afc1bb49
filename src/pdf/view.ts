/**
 * Open the built deck in its print view, laid out and ready to print (or only its end, for a helper
 * view): laid out by print-layout.ts, or by reveal.js for a deck set up in a way that does not cover.
 */
import type { Page } from "puppeteer-core";
import { openDeckPage, type PageOpener } from "../browser/page.js";
import { LAYOUT_FLAG, printLayoutInPage } from "./print-layout.js";

export interface ViewOptions {
  /** Bounds every wait (ms). */
  timeout: number;
  warn: (message: string) => void;
  /** Load only the slides from this 0-based index on (a helper view's share; 0: all). */
  from?: number;
  /** …and before this one (the main view's share when a helper prints the rest; default: to the end). */
  to?: number;
  /** Called once the deck's navigation is sent, while Chromium loads it (to do other work meanwhile). */
  navigating?: () => void;
}

export async function openPrintView(opener: PageOpener, indexHtml: string, options: ViewOptions): Promise<Page> {
  const from = options.from ?? 0;
  const page = await openDeckPage(opener, indexHtml, {
    timeout: options.timeout,
    warn: options.warn,
    print: true,
    navigating: options.navigating,
    beforeLoad: (p) => p.evaluateOnNewDocument(printLayoutInPage, from, options.to ?? -1, LAYOUT_FLAG).then(() => undefined),
  });
  // Reveal's own print view (a deck essay-deck's layout leaves to it) needs two corrections.
  await page.evaluate(
    (first: number, flag: string) => {
      if ((window as unknown as Record<string, unknown>)[flag] === "essay-deck") return;
      // Reveal numbers the print pages it has from 1: a view that holds the deck's end renumbers them.
      if (first > 0) {
        document.querySelectorAll(".reveal .slides > .pdf-page").forEach((p, i) => {
          const number = p.querySelector(".slide-number-pdf");
          if (number) number.textContent = String(first + i + 1);
        });
      }
      // The print view gives a section the page's height (slide plus margin) but starts it a half
      // margin down: give it the slide's own height, so what is centred on screen is centred in print.
      const height = (window as unknown as { Reveal?: { getConfig(): { height?: unknown } } }).Reveal?.getConfig().height;
      if (typeof height !== "number") return;
      for (const s of document.querySelectorAll<HTMLElement>(".reveal .slides .pdf-page > section")) {
        s.style.height = `${height}px`;
      }
    },
    from,
    LAYOUT_FLAG,
  );
  return page;
}
