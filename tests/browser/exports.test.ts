/**
 * The exports read back by real clients: the PPTX opened by LibreOffice Impress (converted to PDF and
 * read with poppler), the PNGs decoded, the single file loaded alone in Chromium.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deckFromEssay, loadEssay } from "../../src/build.js";
import { main } from "../../src/cli/index.js";
import type { Deck } from "../../src/model/deck.js";
import { plain } from "../../src/pptx/layout.js";
import { BUILTIN_THEMES } from "../../src/themes.js";
import { openDeck, startBrowser, tempDir } from "../helpers/browser.js";
import { fixtures, referenceEssay, root } from "../helpers/paths.js";
import { flat, poppler } from "../helpers/pdf.js";

async function build(args: string[]): Promise<string> {
  let stderr = "";
  const code = await main(["build", ...args], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: root });
  expect(code, stderr).toBe(0);
  return stderr;
}

const headlines = (deck: Deck): string[] =>
  deck.slides.flatMap((s) => {
    if (s.kind === "point" || s.kind === "paragraph") return [s.headline];
    if (s.kind === "section") return [s.heading];
    if (s.kind === "title") return [s.title];
    return [s.heading];
  });

interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word poppler finds, with its box, and each page's size. */
function wordsOf(pdf: string): { pages: Array<{ width: number; height: number }>; words: Word[] } {
  const html = poppler("pdftotext", "-bbox", pdf, "-");
  const pages: Array<{ width: number; height: number }> = [];
  const words: Word[] = [];
  for (const m of html.matchAll(
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
  )) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]) });
    else
      words.push({
        page: pages.length,
        text: m[7] as string,
        xMin: Number(m[3]),
        yMin: Number(m[4]),
        xMax: Number(m[5]),
        yMax: Number(m[6]),
      });
  }
  return { pages, words };
}

describe("the PPTX, opened by LibreOffice Impress", () => {
  const dir = tempDir("essay-deck-pptx-");
  const cases: Array<{ name: string; essay: string; flags: string[] }> = [
    ...BUILTIN_THEMES.map((t) => ({ name: `reference-${t.name}`, essay: referenceEssay, flags: ["--theme", t.name] })),
    { name: "reference-4x3", essay: referenceEssay, flags: ["--size", "4:3"] },
    ...["long-headline.zh-Hant", "long-paragraph.zh-Hant", "thirty-points.zh-Hant", "long.en"].map((f) => ({
      name: f,
      essay: path.join(fixtures, "long", `${f}.txt`),
      flags: [],
    })),
    { name: "markdown", essay: path.join(fixtures, "variants", "essay.md"), flags: ["--theme", "paper"] },
    { name: "markdown-blocks", essay: path.join(fixtures, "markdown", "blocks.md"), flags: ["--theme", "stage"] },
  ];
  const decks = new Map<string, Deck>();

  beforeAll(async () => {
    for (const c of cases) {
      await build([c.essay, "-o", path.join(dir, c.name), "-q", ...c.flags, "--pptx", path.join(dir, `${c.name}.pptx`)]);
      const sizeFlag = c.flags.includes("--size") ? { size: { width: 960, height: 720 } } : {};
      decks.set(c.name, deckFromEssay(loadEssay({ input: c.essay, cwd: root, flags: sizeFlag })));
    }
    // One soffice for every file (it starts slowly), with a profile of its own so that it neither
    // waits for nor disturbs another LibreOffice running on the machine.
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        path.join(dir, "pdf"),
        ...cases.map((c) => path.join(dir, `${c.name}.pptx`)),
      ],
      { stdio: "pipe", timeout: 300_000 },
    );
  }, 400_000);

  it("has a page per slide, every headline in its text, and no word outside the page", () => {
    for (const c of cases) {
      const pdf = path.join(dir, "pdf", `${c.name}.pdf`);
      const deck = decks.get(c.name) as Deck;
      const { pages, words } = wordsOf(pdf);
      expect(pages, c.name).toHaveLength(deck.slides.length);
      const text = flat(poppler("pdftotext", pdf, "-"));
      // As the slide shows it: Markdown's markup taken off, as in the HTML deck.
      const shown = (h: string) => flat(plain(h, { markdown: deck.format === "markdown" }));
      for (const h of headlines(deck)) expect(text, `${c.name}: ${h}`).toContain(shown(h));
      const outside = words.filter((w) => {
        const page = pages[w.page - 1] as { width: number; height: number };
        return w.xMin < -0.5 || w.yMin < -0.5 || w.xMax > page.width + 0.5 || w.yMax > page.height + 0.5;
      });
      expect(outside.map((w) => `${c.name} p${w.page}: ${w.text}`)).toEqual([]);
    }
  });

  it("lays the slides out at the deck's size: 16:9 at 13.33 × 7.5 in, 4:3 at 10 × 7.5 in", () => {
    const size = (name: string) => wordsOf(path.join(dir, "pdf", `${name}.pdf`)).pages[0] ?? { width: 0, height: 0 };
    expect(size("reference-essay").width).toBeCloseTo(960, 1);
    expect(size("reference-essay").height).toBeCloseTo(540, 1);
    expect(size("reference-4x3").width).toBeCloseTo(720, 1);
    expect(size("reference-4x3").height).toBeCloseTo(540, 1);
  });
});

describe("build --png", () => {
  const out = tempDir();
  let stderr = "";
  beforeAll(async () => {
    stderr = await build([referenceEssay, "-o", out, "--png", path.join(out, "slides"), "--pptx"]);
  });

  it("draws every slide to 01.png … 23.png at 1920 × 1080, none of them blank", () => {
    const files = readdirSync(path.join(out, "slides")).filter((f) => f.endsWith(".png"));
    expect(files).toEqual(Array.from({ length: 23 }, (_, i) => `${String(i + 1).padStart(2, "0")}.png`));
    for (const f of files) {
      const png = readFileSync(path.join(out, "slides", f));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
      // A blank 1920 × 1080 picture compresses to a few KiB; a slide of text is tens of KiB.
      expect(png.length, f).toBeGreaterThan(20_000);
    }
    expect(stderr).toMatch(/wrote .*slides: 23 slides, \d+ KiB in all/);
    expect(stderr.match(/launching the browser/g)).toHaveLength(1);
  });

  it("takes --png-scale as a factor or a width, and rewrites only its own pictures", async () => {
    await build([referenceEssay, "-o", out, "-q", "--png", path.join(out, "slides"), "--png-scale", "0.5"]);
    const png = readFileSync(path.join(out, "slides", "01.png"));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 360]);
  });
});

describe("build --single-file, copied alone", () => {
  let browser: Browser;
  const alone = tempDir("essay-deck-alone-");
  let stderr = "";
  beforeAll(async () => {
    const out = tempDir();
    stderr = await build([referenceEssay, "-o", out, "--single-file"]);
    copyFileSync(path.join(out, "index.html"), path.join(alone, "index.html"));
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("loads from file:// with zero network requests, the whole deck, its theme and its notes", async () => {
    expect(readdirSync(alone)).toEqual(["index.html"]);
    const deck = deckFromEssay(loadEssay({ input: referenceEssay, cwd: root }));
    const opened = await openDeck(browser, path.join(alone, "index.html"));
    expect(opened.network).toEqual([]);
    expect(opened.failed).toEqual([]);
    expect(opened.errors).toEqual([]);
    const seen = await opened.page.evaluate(() => ({
      total: Reveal.getTotalSlides(),
      notes: Reveal.getSlides().map((s) => Reveal.getSlideNotes(s) ?? ""),
      background: getComputedStyle(document.querySelector(".reveal-viewport") as Element).backgroundColor,
      font: getComputedStyle(document.querySelector(".reveal") as Element).fontFamily,
      notesPlugin: Boolean(Reveal.getPlugin("notes")),
    }));
    expect(seen.total).toBe(deck.slides.length);
    deck.slides.forEach((s, i) => {
      for (const n of s.notes) expect(flat(seen.notes[i] ?? "")).toContain(flat(n));
    });
    expect(seen.background).toBe("rgb(251, 250, 247)");
    expect(seen.font).toContain("Noto Sans CJK TC");
    expect(seen.notesPlugin).toBe(true);
    expect(stderr).toMatch(/index\.html holds the whole deck: \d+ KiB/);
  });

  it("opens the speaker view, which shows the current slide's notes", async () => {
    const opened = await openDeck(browser, path.join(alone, "index.html"));
    const popup = new Promise<import("puppeteer-core").Page | null>((resolve) => opened.page.once("popup", resolve));
    await opened.page.evaluate(() => {
      // The first point's slide, after the title, the agenda and the section.
      Reveal.slide(3);
      (Reveal.getPlugin("notes") as { open(): void }).open();
    });
    const speaker = await popup;
    expect(speaker).not.toBeNull();
    await speaker?.waitForFunction(
      () => (document.querySelector(".speaker-controls-notes .value")?.textContent ?? "").length > 20,
      {
        timeout: 60_000,
      },
    );
    const notes = await speaker?.evaluate(() => document.querySelector(".speaker-controls-notes .value")?.textContent ?? "");
    expect(notes).toContain("顛覆性創新的重要性");
    expect(opened.network).toEqual([]);
  });
});
