/**
 * essay-deck's own print layout against reveal.js's print view, in a real Chromium: the same deck
 * laid out both ways must give the same page (elements, classes, inline styles, numbers), so that
 * the PDFs print alike. A Reveal option the layout does not know (here `showSlideNumber: "all"`,
 * reveal's own default, which changes nothing) leaves the deck to reveal.js.
 */
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { openPrintView } from "../../src/pdf/view.js";
import { startBrowser, tempDir } from "../helpers/browser.js";
import { fixtures, root } from "../helpers/paths.js";

/** The print page as text: the root's and body's attributes, the added styles, then every element under .slides. */
const printedPage = (page: Page) =>
  page.evaluate(() => {
    const attrs = (el: Element) =>
      [...el.attributes]
        .map((a) => `${a.name}=${a.value}`)
        .sort()
        .join(" ");
    const lines = [`html ${attrs(document.documentElement)}`, `body ${attrs(document.body)}`];
    for (const s of document.querySelectorAll("head style")) lines.push(`style ${s.textContent}`);
    const walk = (el: Element, depth: number) => {
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent?.trim());
      lines.push(`${" ".repeat(depth)}${el.tagName} ${attrs(el)} ${own.join("")}`);
      for (const c of el.children) walk(c, depth + 1);
    };
    walk(document.querySelector(".reveal .slides") as Element, 0);
    return lines.join("\n");
  });

const layoutOf = (page: Page) => page.evaluate(() => (window as unknown as Record<string, unknown>).__essayDeckPrintLayout);

describe("the print layout", () => {
  let browser: Browser;
  const out = tempDir();
  const decks: Record<string, string> = {};

  beforeAll(async () => {
    const sources = { reference: { input: "content" }, markdown: { input: path.join(fixtures, "markdown", "blocks.md") } };
    for (const [name, source] of Object.entries(sources)) {
      for (const by of ["essay-deck", "reveal"]) {
        const outDir = path.join(out, `${name}-${by}`);
        const flags = by === "reveal" ? { reveal: { showSlideNumber: "all" } } : {};
        build({ ...source, cwd: root, outDir, flags });
        decks[`${name}-${by}`] = path.join(outDir, "index.html");
      }
    }
    browser = await startBrowser();
  }, 60_000);
  afterAll(() => browser?.close());

  for (const name of ["reference", "markdown"]) {
    for (const from of [0, 5]) {
      it(`makes the page reveal.js makes: ${name}${from ? `, from slide ${from + 1}` : ""}`, async () => {
        const open = (html: string) => openPrintView(browser, html, { timeout: 60_000, warn: () => {}, from });
        const ours = await open(decks[`${name}-essay-deck`] as string);
        const theirs = await open(decks[`${name}-reveal`] as string);
        expect(await layoutOf(ours)).toBe("essay-deck");
        expect(await layoutOf(theirs)).toBe("reveal");
        const page = await printedPage(ours);
        expect(page).toContain("slide-number-pdf");
        expect(page).toBe(await printedPage(theirs));
        await Promise.all([ours.close(), theirs.close()]);
      }, 60_000);
    }
  }
});
