import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { fullWidthPunctuation } from "../../src/plan/punctuation.js";
import { type OpenedDeck, openDeck, overflowing, startBrowser, tempDir } from "../helpers/browser.js";
import { referenceEssay, root } from "../helpers/paths.js";

const quietIO = (cwd: string) => ({ stdout: () => {}, stderr: () => {}, cwd });

describe("the reference deck in Chromium", () => {
  let browser: Browser;
  let deck: OpenedDeck;
  const out = tempDir();

  beforeAll(async () => {
    const code = await main(["build", "-o", out, "-q"], quietIO(root));
    expect(code).toBe(0);
    browser = await startBrowser();
    deck = await openDeck(browser, path.join(out, "index.html"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("has one slide per numbered point, each with speaker notes", async () => {
    const facts = await deck.page.evaluate(() => {
      const slides = Reveal.getSlides();
      const points = slides.filter((s) => s.dataset.kind === "point");
      return {
        total: Reveal.getTotalSlides(),
        points: points.length,
        pointsWithNotes: points.filter((s) => (Reveal.getSlideNotes(s) ?? "").trim().length > 0).length,
        headlines: points.map((s) => s.querySelector(".headline-text")?.textContent),
      };
    });
    expect(facts.points).toBe(16);
    expect(facts.pointsWithNotes).toBe(16);
    expect(facts.total).toBe(23);
    expect(facts.headlines[0]).toBe("顛覆性創新的重要性");
    expect(facts.headlines[15]).toBe("政策支持與市場驅動");
  });

  it("loses nothing: every paragraph of the essay is on a slide or in its notes, verbatim", async () => {
    const text = await deck.page.evaluate(() => document.querySelector(".reveal .slides")?.textContent ?? "");
    const paragraphs = readFileSync(referenceEssay, "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    expect(paragraphs).toHaveLength(51);
    // Headings and point texts show on the slides with full-width marks between Chinese characters.
    const missing = paragraphs.filter((p) => !text.includes(p) && !text.includes(fullWidthPunctuation(p)));
    expect(missing).toEqual([]);
  });

  it("is Traditional Chinese and works offline: no request leaves file://, no errors", async () => {
    expect(await deck.page.evaluate(() => document.documentElement.lang)).toBe("zh-Hant");
    expect(deck.network).toEqual([]);
    expect(deck.failed).toEqual([]);
    expect(deck.errors).toEqual([]);
  });

  it("keeps every slide's content inside the slide box", async () => {
    expect(await overflowing(deck.page)).toEqual([]);
  });

  it("has an overflow probe that sees a slide whose text is too large (so the test above can fail)", async () => {
    const big = tempDir();
    const css = path.join(big, "huge.css");
    writeFileSync(css, ".reveal ul.point-bullets { font-size: 3em !important; }\n");
    expect(await main(["build", "-o", path.join(big, "out"), "--css", css, "-q"], quietIO(root))).toBe(0);
    const huge = await openDeck(browser, path.join(big, "out", "index.html"));
    expect((await overflowing(huge.page)).length).toBeGreaterThan(0);
    await huge.page.close();
  });
});
