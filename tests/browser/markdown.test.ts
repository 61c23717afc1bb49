/**
 * A Markdown essay with every kind of block, in a real Chromium: images load from the deck's own
 * assets, every slide fits in every built-in theme (`check`), and the PDF and handout show the images.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILTIN_THEMES } from "../../src/themes.js";
import { type OpenedDeck, openDeck, startBrowser, tempDir } from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import { fixtures } from "../helpers/paths.js";

const essay = path.join(fixtures, "markdown", "blocks.md");

const run = (args: string[]) => runCli(args, path.dirname(essay));

/** Pages of a PDF as pixels (PPM, 24 dpi): enough to see where a picture is. */
function pages(pdf: string): Array<{ width: number; height: number; rgb: Buffer }> {
  const dir = tempDir("essay-deck-ppm-");
  execFileSync("pdftoppm", ["-r", "24", pdf, path.join(dir, "p")]);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ppm"))
    .sort()
    .map((f) => {
      const data = readFileSync(path.join(dir, f));
      const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString("latin1"));
      if (!m) throw new Error(`not a PPM: ${f}`);
      return { width: Number(m[1]), height: Number(m[2]), rgb: data.subarray(m[0].length) };
    });
}

/** Pixels of a page close to one colour: the fixture's pictures are flat red and flat blue. */
function pixelsOf(page: { rgb: Buffer }, [r, g, b]: [number, number, number]): number {
  let n = 0;
  for (let i = 0; i + 2 < page.rgb.length; i += 3) {
    if (
      Math.abs((page.rgb[i] as number) - r) < 24 &&
      Math.abs((page.rgb[i + 1] as number) - g) < 24 &&
      Math.abs((page.rgb[i + 2] as number) - b) < 24
    )
      n++;
  }
  return n;
}

const RED: [number, number, number] = [214, 40, 40];
const BLUE: [number, number, number] = [20, 120, 200];

describe("a Markdown essay with images, lists, a table, a quote and code", () => {
  let browser: Browser;
  let deck: OpenedDeck;
  const out = tempDir();

  beforeAll(async () => {
    const built = await run(["build", essay, "-o", out, "-q", "--pdf", "--handout"]);
    expect(built.code, built.stderr).toBe(0);
    browser = await startBrowser();
    deck = await openDeck(browser, path.join(out, "index.html"));
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("shows each local image from the deck's assets, loaded (natural width > 0), and fetches nothing", async () => {
    const images = await deck.page.evaluate(async () => {
      const all = [...document.querySelectorAll<HTMLImageElement>(".reveal .slides img")];
      await Promise.all(all.map((img) => img.decode().catch(() => undefined)));
      return all.map((img) => ({ src: img.getAttribute("src"), natural: img.naturalWidth, slide: img.closest("section")?.id }));
    });
    expect(images.map((i) => i.slide)).toEqual(["part-1-point-1", "part-3-paragraph-1"]);
    for (const img of images) {
      expect(img.src).toMatch(/^assets\/images\//);
      expect(img.natural).toBeGreaterThan(0);
    }
    expect(deck.network).toEqual([]);
    expect(deck.failed).toEqual([]);
    expect(deck.errors).toEqual([]);
  });

  it("shows the list, table, quote, code and container as themselves", async () => {
    const shown = await deck.page.evaluate(() => ({
      items: [...document.querySelectorAll("#part-1-point-2 .block-list > li")].map((li) => li.firstChild?.textContent),
      nested: document.querySelectorAll("#part-1-point-2 .block-list ul > li").length,
      cells: document.querySelectorAll("#part-2-point-1 table.block-table td").length,
      quote: document.querySelector("#part-2-point-2 blockquote.block-quote")?.textContent,
      code: document.querySelector("#part-2-point-3 pre.block-code")?.textContent,
      codeFont: getComputedStyle(document.querySelector("#part-2-point-3 pre.block-code code") as Element).fontFamily,
      container: document.querySelector("#part-2-point-3 .block-container")?.textContent,
      notes: Reveal.getSlideNotes(document.querySelector("#part-1-point-2") as HTMLElement),
    }));
    expect(shown.items).toEqual(["收集資料與訪談", "整理分析", "撰寫報告"]);
    expect(shown.nested).toBe(2);
    expect(shown.cells).toBe(9);
    expect(shown.quote).toBe("創新是區分領導者與追隨者的關鍵。");
    expect(shown.code).toBe("function grow(x) {\n  return x * 1.3;\n}");
    expect(shown.codeFont).toMatch(/mono/i);
    expect(shown.container).toBe("容器裡的內容照樣顯示。");
    expect(shown.notes).toContain("<li>量化指標</li>");
  });

  it("continues the long table with its header on every slide", async () => {
    const tables = await deck.page.evaluate(() =>
      [...document.querySelectorAll("section[id^='part-4'] table.block-table")].map((t) => ({
        header: [...t.querySelectorAll("th")].map((th) => th.textContent),
        rows: t.querySelectorAll("tbody tr").length,
      })),
    );
    expect(tables.length).toBeGreaterThan(1);
    for (const t of tables) expect(t.header).toEqual(["縣市", "據點數", "成長率", "說明"]);
    expect(tables.reduce((n, t) => n + t.rows, 0)).toBe(18);
  });

  it.each(BUILTIN_THEMES.map((t) => t.name))(
    "fits every slide, tables and images included, in the %s theme",
    async (theme) => {
      const checked = await run(["check", essay, "--theme", theme, "--json", "-o", tempDir()]);
      const report = JSON.parse(checked.stdout) as {
        slides: Array<{ id: string; overflowPx: number; smallText: unknown[]; overflowing: string[] }>;
      };
      const bad = report.slides.filter((s) => s.overflowPx > 0 || s.smallText.length > 0);
      expect(bad, checked.stderr).toEqual([]);
      expect(checked.code, checked.stderr).toBe(0);
    },
    120_000,
  );

  it("has a check that sees an image past the slide's edge (so the fit tests above can fail)", async () => {
    const dir = tempDir();
    const css = path.join(dir, "huge.css");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      css,
      ".reveal .slides img { max-height: none !important; max-width: none !important; width: 2400px !important; }\n",
    );
    const checked = await run(["check", essay, "--css", css, "--json", "-o", tempDir()]);
    const report = JSON.parse(checked.stdout) as { slides: Array<{ id: string; overflowing: string[] }> };
    const bad = report.slides.filter((s) => s.overflowing.some((o) => o.startsWith("img")));
    expect(bad.map((s) => s.id)).toEqual(["part-1-point-1", "part-3-paragraph-1"]);
    expect(checked.code).toBe(9);
  }, 120_000);

  it("prints the images in the slides PDF and in the handout", () => {
    const slides = pages(path.join(out, "blocks.pdf"));
    const ids = ["title", "agenda", "part-1", "part-1-point-1"];
    // The chart is on the first point's slide (after the title, the agenda and the section), the photo
    // on the slide of part 3; no other page is red.
    expect(pixelsOf(slides[ids.length - 1] as (typeof slides)[0], RED)).toBeGreaterThan(200);
    expect(slides.filter((p) => pixelsOf(p, RED) > 200)).toHaveLength(1);
    expect(slides.filter((p) => pixelsOf(p, BLUE) > 200)).toHaveLength(1);
    const handout = pages(path.join(out, "blocks-handout.pdf"));
    expect(handout.filter((p) => pixelsOf(p, RED) > 100).length).toBeGreaterThanOrEqual(1);
    expect(handout.filter((p) => pixelsOf(p, BLUE) > 100).length).toBeGreaterThanOrEqual(1);
  });
});
