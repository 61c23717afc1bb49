/** Open the built deck in reveal's print view and wait until it says it is laid out. */
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer-core";
import { firstLine } from "../browser/launch.js";
import { DeckError, ExitCode } from "../errors.js";

export interface ViewOptions {
  /** Bounds every wait (ms). */
  timeout: number;
  warn: (message: string) => void;
  /** Load only the slides from this 0-based index on (a helper view's share; 0: all). */
  from?: number;
}

const READY_FLAG = "__essayDeckPdfReady";

/** A browser or one of its contexts (a second context gets its own renderer process). */
export interface PageOpener {
  newPage(): Promise<Page>;
}

export async function openPrintView(browser: PageOpener, indexHtml: string, options: ViewOptions): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(options.timeout);
  page.setDefaultNavigationTimeout(options.timeout);
  page.on("pageerror", (e) => options.warn(`page error: ${firstLine(e)}`));
  page.on("console", (m) => {
    if (m.type() === "error") options.warn(`page console: ${m.text().split("\n")[0]}`);
  });
  page.on("requestfailed", (r) => options.warn(`request failed: ${r.url().slice(0, 160)} (${r.failure()?.errorText ?? "?"})`));
  // Listen before the deck's scripts run, so the event cannot fire unseen.
  await page.evaluateOnNewDocument((flag: string) => {
    document.addEventListener("pdf-ready", () => Object.assign(window, { [flag]: true }), true);
  }, READY_FLAG);
  const from = options.from ?? 0;
  if (from > 0) {
    // The slides before `from` leave the document just before reveal.js starts: it then lays out
    // only the rest. Reveal is caught as its script defines it, to wrap its initialize().
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
  const url = `${pathToFileURL(indexHtml).href}?print-pdf`;
  await bounded(`loading ${indexHtml}`, options.timeout, async () => {
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(`window.${READY_FLAG} === true`, { timeout: options.timeout });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
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

/** Run a browser step; a timeout becomes a user-facing error that says which step and how to wait longer. */
export async function bounded<T>(step: string, timeout: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof DeckError) throw e;
    const name = e instanceof Error ? e.name : "";
    if (name === "TimeoutError" || /timed? ?out/i.test(firstLine(e))) {
      throw new DeckError(
        `the browser took more than ${Math.round(timeout / 1000)} s ${step}: pass a longer --browser-timeout (seconds)`,
        ExitCode.browser,
      );
    }
    throw e;
  }
}
