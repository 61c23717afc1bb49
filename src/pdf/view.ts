/** Open the built deck in reveal's print view, laid out and ready to print (or only its end, for a helper view). */
import type { Page } from "puppeteer-core";
import { openDeckPage, type PageOpener } from "../browser/page.js";

export interface ViewOptions {
  /** Bounds every wait (ms). */
  timeout: number;
  warn: (message: string) => void;
  /** Load only the slides from this 0-based index on (a helper view's share; 0: all). */
  from?: number;
}

export async function openPrintView(opener: PageOpener, indexHtml: string, options: ViewOptions): Promise<Page> {
  const from = options.from ?? 0;
  const page = await openDeckPage(opener, indexHtml, {
    timeout: options.timeout,
    warn: options.warn,
    print: true,
    beforeLoad: from > 0 ? (p) => loadFrom(p, from) : undefined,
  });
  // The print view gives a section the page's height (slide plus margin) but starts it a half
  // margin down: give it the slide's own height, so what is centred on screen is centred in print.
  await page.evaluate((first: number) => {
    // Reveal numbers the print pages it has from 1: a view that holds the deck's end renumbers them.
    if (first > 0) {
      document.querySelectorAll(".reveal .slides > .pdf-page").forEach((p, i) => {
        const number = p.querySelector(".slide-number-pdf");
        if (number) number.textContent = String(first + i + 1);
      });
    }
    const height = (window as unknown as { Reveal?: { getConfig(): { height?: unknown } } }).Reveal?.getConfig().height;
    if (typeof height !== "number") return;
    for (const s of document.querySelectorAll<HTMLElement>(".reveal .slides .pdf-page > section")) {
      s.style.height = `${height}px`;
    }
  }, from);
  return page;
}

/**
 * The slides before `from` leave the document just before reveal.js starts: it then lays out only
 * the rest. Reveal is caught as its script defines it, to wrap its initialize().
 */
async function loadFrom(page: Page, from: number): Promise<void> {
  await page.evaluateOnNewDocument((first: number) => {
    type Api = { initialize?: (...args: unknown[]) => unknown };
    let api: Api | undefined;
    Object.defineProperty(window, "Reveal", {
      configurable: true,
      get: () => api,
      set: (value: Api) => {
        api = value;
        const initialize = value?.initialize;
        if (typeof initialize !== "function") return;
        value.initialize = (...args: unknown[]) => {
          const sections = document.querySelectorAll(".reveal .slides > section");
          for (const section of [...sections].slice(0, first)) section.remove();
          return initialize.apply(value, args);
        };
      },
    });
  }, from);
}
