/** A real Chromium for the browser suite. No mocks: if the browser is missing, the suite fails. */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer";
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
