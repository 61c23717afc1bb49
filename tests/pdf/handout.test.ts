import { describe, expect, it } from "vitest";
import { deckFromEssay, loadEssay } from "../../src/build.js";
import type { Deck } from "../../src/model/deck.js";
import { countBookmarks, planBookmarks } from "../../src/pdf/bookmarks.js";
import { cssString, handoutMarkup, handoutPageStyle, pageOf, sheetGeometry, slideShare } from "../../src/pdf/handout.js";
import { checkPdfFlags, pdfTargets } from "../../src/pdf/options.js";
import { planNotesPages, planSheets } from "../../src/pdf/paginate.js";
import { root } from "../helpers/paths.js";

const deck: Deck = deckFromEssay(loadEssay({ cwd: root }));
const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#61;/g, "=")
    .replace(/&#96;/g, "`")
    .replace(/&amp;/g, "&");

describe("handout HTML (pure)", () => {
  const html = handoutMarkup(deck, { layout: "notes" });

  it("has one frame per slide, in order, and every note paragraph verbatim", () => {
    const frames = [...html.matchAll(/data-slide="([^"]+)"/g)].map((m) => m[1]);
    expect(frames).toEqual(deck.slides.map((s) => s.id));
    const text = decode(html);
    for (const note of deck.slides.flatMap((s) => s.notes)) expect(text).toContain(note);
    expect(html).toContain('lang="zh-Hant"');
  });

  it("gives slides without notes no notes block", () => {
    const items = html.split("<section").slice(1);
    deck.slides.forEach((slide, i) => {
      expect(items[i]?.includes("handout-notes")).toBe(slide.notes.length > 0);
    });
  });

  it("escapes the essay's text", () => {
    const evil: Deck = {
      ...deck,
      title: '<img src=x onerror="alert(1)">',
      slides: [{ ...(deck.slides[1] as Deck["slides"][number]), notes: ["<script>alert(1)</script>"] }],
    };
    expect(handoutMarkup(evil, { layout: "notes" })).not.toContain("<script>");
    // In the page's CSS the title is one string: its quotes cannot end it, nor "<" open a tag.
    expect(cssString('a"b\\c\n<x')).toBe('"a\\22 b\\5c c\\a \\3c x"');
    expect(handoutPageStyle(evil)).not.toContain("<img");
  });

  it("puts 2 or 3 slides on a sheet with ruled lines", () => {
    for (const [layout, per] of [
      ["2up", 2],
      ["3up", 3],
    ] as const) {
      const sheets = handoutMarkup(deck, { layout }).split('class="handout-sheet"').length - 1;
      expect(sheets).toBe(Math.ceil(deck.slides.length / per));
      expect(handoutMarkup(deck, { layout })).toContain('class="rule"');
    }
  });

  it("numbers pages in the essay's language", () => {
    expect(pageOf("zh-Hant", "3", "24")).toBe("第 3 頁，共 24 頁");
    expect(pageOf("zh-Hans", "3", "24")).toBe("第 3 页，共 24 页");
    expect(pageOf("en", "3", "24")).toBe("Page 3 of 24");
    const style = handoutPageStyle(deck);
    expect(style).toContain('content: "第 " counter(page) " 頁，共 " counter(pages) " 頁"');
    expect(style).toContain("font-size: 8pt");
  });
});

describe("handout pagination (pure)", () => {
  it("starts a page at every slide with notes", () => {
    const plan = planNotesPages(
      [
        { slide: 300, notes: 100 },
        { slide: 300, notes: 200 },
      ],
      1000,
      10,
    );
    expect(plan).toEqual({ breakBefore: [false, true], pages: 2, slidePages: [0, 1] });
  });

  it("packs slides without notes under what is on the page when they fit", () => {
    const plan = planNotesPages(
      [
        { slide: 300, notes: 0 },
        { slide: 300, notes: 0 },
        { slide: 300, notes: 0 },
        { slide: 300, notes: 0 },
      ],
      1000,
      10,
    );
    expect(plan).toEqual({ breakBefore: [false, false, false, true], pages: 2, slidePages: [0, 0, 0, 1] });
  });

  it("lets long notes run on to further pages and counts them", () => {
    const plan = planNotesPages(
      [
        { slide: 300, notes: 1900 },
        { slide: 300, notes: 0 },
        { slide: 300, notes: 50 },
      ],
      1000,
      10,
    );
    // 300 + 10 + 1900 = 2210: three pages, 210 used on the third; the slide without notes fits there.
    expect(plan).toEqual({ breakBefore: [false, false, true], pages: 4, slidePages: [0, 2, 3] });
  });

  it("lets a slide with notes join a page of slides without notes only when it fits there whole", () => {
    const title = { slide: 300, notes: 0 };
    expect(planNotesPages([title, { slide: 300, notes: 200 }], 1000, 10).breakBefore).toEqual([false, false]);
    expect(planNotesPages([title, { slide: 300, notes: 500 }], 1000, 10).breakBefore).toEqual([false, true]);
  });

  it("chunks sheets for 2up and 3up", () => {
    expect(planSheets([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(planSheets([], 3)).toEqual([]);
    expect(() => planSheets([1], 0)).toThrow();
  });

  it("never leaves less room to write than a 16:9 slide does, whatever the slide's shape", () => {
    for (const layout of ["2up", "3up"] as const) {
      const wide = sheetGeometry(layout, 16 / 9);
      expect(wide.lines).toBeGreaterThanOrEqual(layout === "2up" ? 4 : 10);
      for (const aspect of [4 / 3, 1, 3 / 4, 16 / 10, 21 / 9]) {
        const g = sheetGeometry(layout, aspect);
        expect(g.lines).toBeGreaterThanOrEqual(wide.lines);
        expect(g.lineLength).toBeGreaterThanOrEqual(wide.lineLength - 1e-9);
        expect(g.slide.height).toBeLessThanOrEqual(wide.slide.height + 1e-9);
        expect(g.slide.width).toBeCloseTo(g.slide.height * aspect);
      }
      // A narrower slide is drawn as tall as a 16:9 one, not smaller: its text keeps its size.
      expect(sheetGeometry(layout, 4 / 3).slide.height).toBeCloseTo(wide.slide.height);
      expect(slideShare(layout, 4 / 3)).toBeCloseTo(slideShare(layout) * 0.75);
    }
    expect(slideShare("notes", 4 / 3)).toBe(1);
  });
});

describe("bookmarks (pure)", () => {
  it("follow the essay: the title, each part with its points and summary, the references", () => {
    const marks = planBookmarks(deck);
    expect(marks.map((m) => m.title)).toEqual([
      "人工智能的顛覆性創新",
      "目錄",
      "一、DeepSeek改變潮流方向：高性能計算的崛起",
      "二、“杭州六小龍”的顛覆性創新提供的經驗：讓市場成為檢驗技術成敗的標準",
      "三、人工智能顛覆性創新的前景：彎道與換道兩種超車方式",
      "參考文獻",
    ]);
    expect(marks[2]?.children.map((c) => c.title)[0]).toBe("第一　顛覆性創新的重要性");
    expect(marks[2]?.children).toHaveLength(7);
    expect(marks[3]?.page).toBe(deck.slides.findIndex((s) => s.id === "part-2"));
    expect(countBookmarks(marks)).toBe(deck.slides.filter((s) => !s.continued).length);
  });
});

describe("PDF file names", () => {
  const where = { cwd: "/work", outDir: "/work/dist", essayPath: "/work/content/essay.zh-Hant.txt" };
  it("default beside index.html, named after the essay", () => {
    const t = pdfTargets({ pdf: true, handout: true }, where);
    expect(t.slides).toBe("/work/dist/essay.zh-Hant.pdf");
    expect(t.handout).toBe("/work/dist/essay.zh-Hant-handout.pdf");
    expect(t.timeout).toBe(60_000);
  });
  it("take a path from the current folder, and refuse clashes and bad values", () => {
    expect(pdfTargets({ pdf: "talk.pdf", browserTimeout: "1.5" }, where)).toMatchObject({
      slides: "/work/talk.pdf",
      timeout: 1500,
    });
    expect(() => pdfTargets({ pdf: "a.pdf", handout: "a.pdf" }, where)).toThrow(/same file/);
    expect(() => pdfTargets({ pdf: "talk.html" }, where)).toThrow(/\.pdf/);
    expect(() => pdfTargets({ pdf: true, browserTimeout: "0" }, where)).toThrow(/seconds/);
    expect(() => pdfTargets({ pdf: true, handoutLayout: "2up" }, where)).toThrow(/--handout/);
    expect(() => pdfTargets({ pdf: "dist/essay.zh-Hant-handout.pdf", handout: true }, where)).toThrow(/same file/);
  });
  it("are checked before the essay is read, from the flags alone", () => {
    expect(() => checkPdfFlags({ pdf: "a.pdf", handout: "./x/../a.pdf" }, "/work")).toThrow(/same file \(\/work\/a\.pdf\)/);
    expect(() => checkPdfFlags({ handout: "notes.txt" }, "/work")).toThrow(/\.pdf/);
    expect(() => checkPdfFlags({ pdf: true, handoutLayout: "3up" }, "/work")).toThrow(/--handout-layout needs --handout/);
    expect(() => checkPdfFlags({ pdf: true, browserTimeout: "soon" }, "/work")).toThrow(/seconds/);
    expect(() => checkPdfFlags({ pdf: true, handout: true, handoutLayout: "2up", browserTimeout: "5" }, "/work")).not.toThrow();
  });
});
