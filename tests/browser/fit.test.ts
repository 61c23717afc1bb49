/**
 * Slides that fit, measured in a real Chromium: the reference essay and the long-point essays in
 * every built-in theme at both sizes, the width model against Chromium's own line breaks, and the
 * `check` command failing on a template built to overflow.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { measureDeck } from "../../src/check/measure.js";
import { buildReport } from "../../src/check/report.js";
import { main } from "../../src/cli/index.js";
import { STYLES } from "../../src/plan/fit.js";
import { charsPerLine, linesOf } from "../../src/text/width.js";
import { BUILTIN_THEMES } from "../../src/themes.js";
import { openDeck, startBrowser, tempDir } from "../helpers/browser.js";
import { fixtures, referenceEssay, root } from "../helpers/paths.js";

const ESSAYS = [
  referenceEssay,
  path.join(fixtures, "long", "long-paragraph.zh-Hant.txt"),
  path.join(fixtures, "long", "long-headline.zh-Hant.txt"),
  path.join(fixtures, "long", "thirty-points.zh-Hant.txt"),
  path.join(fixtures, "long", "long.en.txt"),
];
const SIZES = [
  { width: 1280, height: 720 },
  { width: 960, height: 700 },
];

const capture = (cwd: string) => {
  const out = { stdout: "", stderr: "" };
  const io = {
    stdout: (t: string) => {
      out.stdout += t;
    },
    stderr: (t: string) => {
      out.stderr += t;
    },
    cwd,
  };
  return { out, io };
};

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("every slide fits, in every built-in theme and size", () => {
  for (const essay of ESSAYS) {
    for (const size of SIZES) {
      it(`${path.basename(essay)} at ${size.width}×${size.height}`, async () => {
        const failing: string[] = [];
        for (const theme of BUILTIN_THEMES) {
          const outDir = tempDir();
          build({ input: essay, cwd: root, outDir, flags: { theme: theme.name, size } });
          const measures = await measureDeck(browser, path.join(outDir, "index.html"), size);
          const report = buildReport(measures, { essay, theme: theme.name, size, floors: { text: 18, body: 24 } }, 0);
          expect(report.slides.length).toBeGreaterThan(3);
          for (const s of report.slides.filter((s) => s.problems.length > 0)) {
            failing.push(`${theme.name} ${s.id}: ${s.problems.join(",")} ${s.overflowing.join("; ")}`);
          }
        }
        expect(failing).toEqual([]);
      });
    }
  }
});

describe("the width model against Chromium", () => {
  it.each([
    ["long-paragraph.zh-Hant.txt", 1, 1],
    ["long.en.txt", 4, 1],
    ["essay.zh-Hant.txt", 0, 0],
  ])("never predicts fewer lines for a bullet than Chromium lays out, nor many more: %s", async (_name, e, z) => {
    const outDir = tempDir();
    build({ input: ESSAYS[e], cwd: root, outDir, flags: { size: SIZES[z] } });
    const items = await (await openDeck(browser, path.join(outDir, "index.html"))).page.evaluate(async () => {
      const out: Array<{ text: string; lines: number; font: number; width: number }> = [];
      for (const slide of Reveal.getSlides()) {
        const { h, v } = Reveal.getIndices(slide);
        Reveal.slide(h, v);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        for (const li of slide.querySelectorAll<HTMLElement>("ul.point-bullets li")) {
          const cs = getComputedStyle(li);
          out.push({
            text: li.textContent ?? "",
            lines: Math.round(li.offsetHeight / Number.parseFloat(cs.lineHeight)),
            font: Number.parseFloat(cs.fontSize),
            width: li.clientWidth,
          });
        }
      }
      return out;
    });
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      const predicted = linesOf(item.text, charsPerLine(item.width, item.font));
      expect(predicted, item.text).toBeGreaterThanOrEqual(item.lines);
      expect(predicted, item.text).toBeLessThanOrEqual(item.lines + 1);
    }
    expect(STYLES.bullet.size).toBe(0.78);
  });

  it("breaks headlines between phrases: no line starts with closing punctuation, no lone last character", async () => {
    const outDir = tempDir();
    build({ input: ESSAYS[2], cwd: root, outDir, flags: { size: { width: 960, height: 700 } } });
    const { page } = await openDeck(browser, path.join(outDir, "index.html"));
    const headlines = await page.evaluate(async () => {
      const out: Array<{ text: string; lines: string[] }> = [];
      for (const slide of Reveal.getSlides()) {
        const { h, v } = Reveal.getIndices(slide);
        Reveal.slide(h, v);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        for (const el of slide.querySelectorAll<HTMLElement>(".headline-text, .section-heading")) {
          // Group the characters by the line they are drawn on.
          const lines: string[] = [];
          let top = Number.NEGATIVE_INFINITY;
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? "";
            for (let i = 0; i < text.length; i++) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const r = range.getBoundingClientRect();
              if (r.top > top + r.height / 2 || lines.length === 0) {
                lines.push("");
                top = r.top;
              }
              lines[lines.length - 1] += text.charAt(i);
            }
          }
          out.push({ text: el.textContent ?? "", lines });
        }
      }
      return out;
    });
    const multi = headlines.filter((h) => h.lines.length > 1);
    expect(multi.length).toBeGreaterThan(2);
    for (const h of headlines) {
      expect(h.lines.join("")).toBe(h.text);
      for (const line of h.lines.slice(1)) expect("，。、；：！？」』）》,.;:!?)").not.toContain(line[0]);
      if (h.lines.length > 1) expect([...(h.lines.at(-1) as string)].length, h.text).toBeGreaterThan(1);
    }
  });
});

describe("essay-deck check", () => {
  it("passes the reference essay: a table of every slide, exit 0", async () => {
    const { out, io } = capture(root);
    const code = await main(["check", "--json"], io);
    expect(code, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.slides).toHaveLength(23);
    expect(report.summary.failing).toBe(0);
  });

  it("fits a 120-character title over a 120-character subtitle on a 960×700 slide", async () => {
    const long = "人工智能的顛覆性創新與高性能計算的崛起，".repeat(6).slice(0, 120);
    const { out, io } = capture(root);
    const args = ["check", "--title", long, "--subtitle", long, "--author", "作者", "--size", "960x700", "--json"];
    const code = await main(args, io);
    expect(code, out.stdout.slice(0, 400)).toBe(0);
    const title = JSON.parse(out.stdout).slides[0];
    expect(title.id).toBe("title");
    expect(title.headlineScale).toBeLessThan(1);
  });

  it("fails a deliberately broken template, listing the slides that do not fit", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "partials"));
    const point = readFileSync(path.join(root, "templates", "partials", "point.hbs"), "utf8")
      .replace('<h2 class="point-headline"', '<h2 class="point-headline" style="font-size: 6em"')
      .replace('<ul class="point-bullets"', '<ul class="point-bullets" style="font-size: 12px"');
    writeFileSync(path.join(dir, "partials", "point.hbs"), point);
    cpSync(referenceEssay, path.join(dir, "essay.txt"));
    const { out, io } = capture(dir);
    const code = await main(["check", "essay.txt", "--title", "T", "--template-dir", dir], io);
    expect(code).toBe(9);
    expect(out.stderr).toMatch(/^essay-deck: 16 slide\(s\) do not fit: 4 part-1-point-1, 5 part-1-point-2, /);
    expect(out.stdout).toMatch(/part-1-point-1\s+point\s+-\s+OVERFLOW,SMALL-TEXT/);
    expect(out.stdout).toMatch(/part-1-point-1: 12px text/);
    expect(out.stdout).toMatch(/^1\s+title\s+title\s+-\s+ok$/m);
  });

  it("says so, fast, when a template's page never starts reveal.js (exit 8)", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "deck.hbs"), "<!doctype html><html><body><p>no reveal</p></body></html>");
    const { out, io } = capture(root);
    const started = Date.now();
    const code = await main(["check", "--template-dir", dir, "-q"], io);
    expect(code).toBe(8);
    expect(out.stderr).toMatch(/did not start in the browser \(no Reveal on the page\)/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("reports characters no installed font draws, exit 10", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "essay.txt"), "一、部分\n第一,私用區字元\u{E000}在此。說明。\n");
    const { out, io } = capture(dir);
    const code = await main(["check", "essay.txt"], io);
    expect(code).toBe(10);
    expect(out.stdout).toContain("no font for \u{E000} (U+E000)");
    expect(out.stderr).toMatch(/no installed font draws/);
  });
});
