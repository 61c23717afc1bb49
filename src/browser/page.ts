/**
 * The one way a command opens the built deck in a browser page: the page's errors and failed
 * requests forwarded as warnings, every wait bounded, and the deck awaited until Reveal says it is
 * ready, as shown on screen (check) or in Reveal's print view (the PDF export).
 */
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer-core";
import { DeckError, ExitCode } from "../errors.js";
import { firstLine } from "./launch.js";

/** A browser or one of its contexts (a second context gets its own renderer process). */
export interface PageOpener {
  newPage(): Promise<Page>;
}

export interface DeckPageOptions {
  /** Bounds every wait (ms). */
  timeout: number;
  /** Browser errors, console errors and failed requests, as they happen. */
  warn: (message: string) => void;
  /** The window's size, when it matters (Reveal scales the slide into the window). */
  viewport?: { width: number; height: number; deviceScaleFactor?: number };
  /** Reveal's print view (`?print-pdf`), ready on its `pdf-ready` event; else the deck as shown. */
  print?: boolean;
  /** Runs once the page exists, before the deck loads (to add scripts that run before the deck's). */
  beforeLoad?: (page: Page) => Promise<void>;
  /** Called once the deck's navigation is sent, while Chromium loads it (to do other work meanwhile). */
  navigating?: () => void;
}

const READY_FLAG = "__essayDeckPdfReady";

export async function openDeckPage(opener: PageOpener, indexHtml: string, options: DeckPageOptions): Promise<Page> {
  const page = await opener.newPage();
  page.setDefaultTimeout(options.timeout);
  page.setDefaultNavigationTimeout(options.timeout);
  page.on("pageerror", (e) => options.warn(`page error: ${firstLine(e)}`));
  page.on("console", (m) => {
    if (m.type() === "error") options.warn(`page console: ${m.text().split("\n")[0]}`);
  });
  page.on("requestfailed", (r) => options.warn(`request failed: ${r.url().slice(0, 160)} (${r.failure()?.errorText ?? "?"})`));
  if (options.viewport) await page.setViewport(options.viewport);
  if (options.print) {
    // Listen before the deck's scripts run, so the event cannot fire unseen.
    await page.evaluateOnNewDocument((flag: string) => {
      document.addEventListener("pdf-ready", () => Object.assign(window, { [flag]: true }), true);
    }, READY_FLAG);
  }
  await options.beforeLoad?.(page);
  const url = pathToFileURL(indexHtml).href;
  if (options.print) {
    await bounded(`loading ${indexHtml}`, options.timeout, async () => {
      const loaded = page.goto(`${url}?print-pdf`, { waitUntil: "load" });
      options.navigating?.();
      await loaded;
      await page.waitForFunction(`window.${READY_FLAG} === true`, { timeout: options.timeout });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    });
    return page;
  }
  try {
    await page.goto(url, { waitUntil: "load", timeout: options.timeout });
    // Scripts have run by "load": without Reveal by then, it never comes.
    if (!(await page.evaluate("typeof window.Reveal !== 'undefined'"))) throw new Error("no Reveal on the page");
    await page.waitForFunction("window.Reveal && Reveal.isReady()", { timeout: options.timeout });
  } catch (e) {
    throw new DeckError(
      `the deck did not start in the browser (${firstLine(e)}): check a --template-dir deck.hbs still loads reveal.js`,
      ExitCode.browser,
    );
  }
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
