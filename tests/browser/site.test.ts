import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { openDeck, startBrowser, tempDir } from "../helpers/browser.js";
import { fixtures, referenceEssay } from "../helpers/paths.js";

const quietIO = (cwd: string) => ({ stdout: () => {}, stderr: () => {}, cwd });

describe("a folder of essays in Chromium: the index page and every deck it links", () => {
  let browser: Browser;
  const dir = tempDir("essay-deck-folder-");
  const site = path.join(tempDir(), "site");

  beforeAll(async () => {
    copyFileSync(referenceEssay, path.join(dir, "reference.txt"));
    copyFileSync(path.join(fixtures, "variants", "english.txt"), path.join(dir, "english.txt"));
    copyFileSync(path.join(fixtures, "variants", "essay.md"), path.join(dir, "markdown.md"));
    mkdirSync(path.join(dir, "hans"));
    copyFileSync(path.join(fixtures, "variants", "simplified.txt"), path.join(dir, "hans", "simplified.txt"));
    expect(await main(["build", dir, "-o", site, "--recursive", "-q"], quietIO(dir))).toBe(0);
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists every deck offline, each card in its essay's language, and every link opens a working deck", async () => {
    const page = await browser.newPage();
    const network: string[] = [];
    const failed: string[] = [];
    page.on("request", (r) => {
      if (!/^(file|data):/.test(r.url())) network.push(r.url());
    });
    page.on("requestfailed", (r) => failed.push(r.url()));
    await page.goto(pathToFileURL(path.join(site, "index.html")).href, { waitUntil: "load" });
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLIElement>(".site-deck")].map((li) => ({
        lang: li.lang,
        title: li.querySelector(".site-deck-title")?.textContent,
        href: li.querySelector<HTMLAnchorElement>(".site-deck-link")?.href ?? "",
        slides: Number(li.dataset.slides),
        meta: li.querySelector(".site-deck-meta")?.textContent ?? "",
      })),
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-Hant");
    // The theme's variables reach the index page: its accent colour is the essay theme's.
    const accent = await page.evaluate(
      () => getComputedStyle(document.querySelector(".site-header") as Element).borderBottomColor,
    );
    expect(accent).toBe("rgb(176, 58, 46)");
    // The page speaks the language most of its decks do; each card keeps its own.
    expect(cards.map((c) => c.lang)).toEqual(["en", "zh-Hant", "zh-Hant", "zh-Hans"]);
    expect(cards[0]?.title).toBe("Disruptive Innovation in AI");
    expect(network).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
    for (const card of cards) {
      const deck = await openDeck(browser, path.join(fileURLToPath(card.href), "index.html"));
      const total = await deck.page.evaluate(() => Reveal.getTotalSlides());
      expect(total, card.href).toBe(card.slides);
      expect(card.meta).toContain(String(total));
      expect(deck.network).toEqual([]);
      expect(deck.failed).toEqual([]);
      expect(deck.errors).toEqual([]);
      await deck.page.close();
    }
  });
});
