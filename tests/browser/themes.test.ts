/** Every built-in theme, and a user's theme and CSS, in a real Chromium: fit, offline, legible, CJK fonts. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { BUILTIN_THEMES } from "../../src/themes.js";
import { openDeck, overflowing, startBrowser, tempDir } from "../helpers/browser.js";
import { referenceEssay, root } from "../helpers/paths.js";

const quietIO = (cwd: string) => ({ stdout: () => {}, stderr: () => {}, cwd });

/** WCAG contrast ratios of the slide's text, muted text and point badge against their backgrounds. */
function contrasts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    Reveal.slide(2);
    const rgb = (css: string): number[] => {
      const probe = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      return [...probe.getImageData(0, 0, 1, 1).data].slice(0, 3);
    };
    const lum = (css: string) => {
      const [r, g, b] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
      return Math.round(((hi + 0.05) / (lo + 0.05)) * 10) / 10;
    };
    const style = (sel: string) => getComputedStyle(document.querySelector(sel) as Element);
    const page = style(".reveal-viewport").backgroundColor;
    const badge = style(".slide-point .point-label");
    return {
      text: ratio(style(".slide-point .point-bullets li").color, page),
      headline: ratio(style(".slide-point .headline-text").color, page),
      muted: ratio(style(".slide-point .slide-context").color, page),
      badge: ratio(badge.color, badge.backgroundColor),
    };
  });
}

/** The fonts Chromium really drew a node's text with (not the CSS list: the platform fonts). */
async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.createCDPSession();
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root: doc } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: doc.nodeId, selector });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

describe("every built-in theme in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const theme of BUILTIN_THEMES) {
    it(`${theme.name}: fits, stays offline, no errors, legible, drawn in a CJK TC font`, async () => {
      const out = tempDir();
      expect(await main(["build", referenceEssay, "-q", "-o", out, "--theme", theme.name], quietIO(root))).toBe(0);
      const deck = await openDeck(browser, path.join(out, "index.html"));
      try {
        await deck.page.evaluate(() => document.fonts.ready);
        expect(await overflowing(deck.page)).toEqual([]);
        expect(deck.network).toEqual([]);
        expect(deck.failed).toEqual([]);
        expect(deck.errors).toEqual([]);
        const c = await contrasts(deck.page);
        expect(c.text, JSON.stringify(c)).toBeGreaterThanOrEqual(7);
        expect(c.headline, JSON.stringify(c)).toBeGreaterThanOrEqual(7);
        expect(c.muted, JSON.stringify(c)).toBeGreaterThanOrEqual(4.5);
        expect(c.badge, JSON.stringify(c)).toBeGreaterThanOrEqual(3);
        const fonts = await renderedFonts(deck.page, "#part-1-point-1 .point-bullets li");
        const cjk = theme.name === "paper" ? "Noto Serif CJK TC" : "Noto Sans CJK TC";
        expect(fonts).toContain(cjk);
        expect(fonts.join()).not.toMatch(/JP|KR/);
      } finally {
        await deck.page.close();
      }
    });
  }

  it("paper draws a Simplified deck in Noto Serif CJK SC", async () => {
    const out = tempDir();
    const code = await main(["build", referenceEssay, "-q", "-o", out, "--theme", "paper", "--script", "hans"], quietIO(root));
    expect(code).toBe(0);
    const deck = await openDeck(browser, path.join(out, "index.html"));
    try {
      await deck.page.evaluate(() => document.fonts.ready);
      expect(await renderedFonts(deck.page, "#part-1-point-1 .point-bullets li")).toContain("Noto Serif CJK SC");
      expect(await overflowing(deck.page)).toEqual([]);
    } finally {
      await deck.page.close();
    }
  });

  it("applies a user's theme with its images and --css on top, all from disk", async () => {
    const dir = tempDir("essay-deck-usertheme-");
    mkdirSync(path.join(dir, "look", "img"), { recursive: true });
    // A 1×1 PNG: a real image the page must load from the copied assets.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    writeFileSync(path.join(dir, "look", "img", "dot.png"), png);
    writeFileSync(
      path.join(dir, "look", "theme.css"),
      "/* essay-deck-base: black */\n:root { --ed-accent: rgb(200, 30, 30); }\n.reveal-viewport { background-image: url(img/dot.png); }\n",
    );
    writeFileSync(path.join(dir, "extra.css"), ".reveal .point-headline .headline-text { color: rgb(1, 2, 3); }\n");
    const code = await main(
      ["build", referenceEssay, "-q", "-o", "out", "--theme", "look/theme.css", "--css", "extra.css"],
      quietIO(dir),
    );
    expect(code).toBe(0);
    const deck = await openDeck(browser, path.join(dir, "out", "index.html"));
    try {
      const seen = await deck.page.evaluate(() => {
        Reveal.slide(2);
        const style = (sel: string) => getComputedStyle(document.querySelector(sel) as Element);
        return {
          headline: style(".slide-point .headline-text").color,
          badge: style(".slide-point .point-label").backgroundColor,
          page: style(".reveal-viewport").backgroundColor,
          image: style(".reveal-viewport").backgroundImage,
        };
      });
      // The URL the theme's url() resolved to is there to load, from the copied assets.
      const loaded = await deck.page.evaluate(async (css: string) => {
        const url = /url\("?([^")]+)"?\)/.exec(css)?.[1] ?? "";
        const img = new Image();
        img.src = url;
        return img.decode().then(
          () => img.naturalWidth,
          () => 0,
        );
      }, seen.image);
      expect(loaded).toBe(1);
      expect(seen.headline).toBe("rgb(1, 2, 3)");
      expect(seen.badge).toBe("rgb(200, 30, 30)");
      expect(seen.page).toBe("rgb(25, 25, 25)");
      expect(seen.image).toContain("assets/theme/custom/img/dot.png");
      expect(deck.failed).toEqual([]);
      expect(deck.network).toEqual([]);
      expect(deck.errors).toEqual([]);
    } finally {
      await deck.page.close();
    }
  });
});
