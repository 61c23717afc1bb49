/** A real Chromium for the browser suite. No mocks: if the browser is missing, the suite fails. */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { launchBrowser } from "../../src/browser/launch.js";

export async function startBrowser(): Promise<Browser> {
  return launchBrowser({ timeout: 60_000 });
}

export interface OpenedDeck {
  page: Page;
  /** Requests that left file:// (data: URLs of inlined fonts are not requests to anywhere). */
  network: string[];
  failed: string[];
  errors: string[];
}

/** Open a built deck from disk and wait until Reveal says it is ready. */
export async function openDeck(browser: Browser, indexHtml: string, query = ""): Promise<OpenedDeck> {
  const page = await browser.newPage();
  const network: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("file:") && !url.startsWith("data:")) network.push(url);
  });
  page.on("requestfailed", (r) => failed.push(r.url().slice(0, 120)));
  page.on("pageerror", (e) => errors.push(String((e as Error).message ?? e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(pathToFileURL(indexHtml).href + query, { waitUntil: "load" });
  await page.waitForFunction("window.Reveal && Reveal.isReady()", { timeout: 60_000 });
  return { page, network, failed, errors };
}

export const tempDir = (prefix = "essay-deck-"): string => mkdtempSync(path.join(os.tmpdir(), prefix));

/** Elements of any slide that stick out of the slide box. */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    const { width, height } = Reveal.getComputedSlideSize();
    for (const slide of Reveal.getSlides()) {
      Reveal.slide(...(Object.values(Reveal.getIndices(slide)).slice(0, 2) as [number, number]));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const box = slide.getBoundingClientRect();
      const scale = box.width / width;
      for (const el of slide.querySelectorAll<HTMLElement>("h1, h2, p, li, ul, ol, span")) {
        if (el.closest("aside.notes")) continue;
        const r = el.getBoundingClientRect();
        const tooWide = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== "hidden";
        if (r.bottom > box.top + height * scale + 1 || r.right > box.left + width * scale + 1 || tooWide) {
          out.push(`${slide.id}: ${el.tagName}.${el.className} ${el.textContent?.slice(0, 20)}`);
        }
      }
    }
    return out;
  });
}
