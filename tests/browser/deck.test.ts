import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { type OpenedDeck, openDeck, startBrowser, tempDir } from "../helpers/browser.js";
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
    expect(facts.total).toBe(22);
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
    const missing = paragraphs.filter((p) => !text.includes(p));
    expect(missing).toEqual([]);
  });

  it("is Traditional Chinese and works offline: no request leaves file://, no errors", async () => {
    expect(await deck.page.evaluate(() => document.documentElement.lang)).toBe("zh-Hant");
    expect(deck.network).toEqual([]);
    expect(deck.failed).toEqual([]);
    expect(deck.errors).toEqual([]);
  });

  it("keeps every slide's content inside the slide box", async () => {
    const overflowing = await deck.page.evaluate(async () => {
      const out: string[] = [];
      const { width, height } = Reveal.getComputedSlideSize();
      for (const slide of Reveal.getSlides()) {
        Reveal.slide(...(Object.values(Reveal.getIndices(slide)).slice(0, 2) as [number, number]));
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const box = slide.getBoundingClientRect();
        const scale = box.width / width;
        for (const el of slide.querySelectorAll<HTMLElement>("h1, h2, p, li, ul, ol")) {
          if (el.closest("aside.notes")) continue;
          const r = el.getBoundingClientRect();
          const tooWide = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== "hidden";
          if (r.bottom > box.top + height * scale + 1 || r.right > box.left + width * scale + 1 || tooWide) {
            out.push(`${slide.id}: ${el.tagName} ${el.textContent?.slice(0, 20)}`);
          }
        }
      }
      return out;
    });
    expect(overflowing).toEqual([]);
  });
});
