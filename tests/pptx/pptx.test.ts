import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deckFromEssay, loadEssay } from "../../src/build.js";
import type { Deck } from "../../src/model/deck.js";
import { fullWidthPunctuation } from "../../src/plan/punctuation.js";
import { writePptx } from "../../src/pptx/index.js";
import { layoutDeck } from "../../src/pptx/layout.js";
import { coloursOf, fontFace, officeLang, pptxTheme } from "../../src/pptx/theme.js";
import { BUILTIN_THEMES } from "../../src/themes.js";
import { fixtures, referenceEssay, root } from "../helpers/paths.js";
import { readPptx, slideXml } from "../helpers/pptx.js";

const deckOf = (input: string, flags = {}): Deck => deckFromEssay(loadEssay({ input, cwd: root, flags }));
const flat = (s: string) => s.replace(/\s+/g, "");

describe("the PPTX layout (pure)", () => {
  const deck = deckOf(referenceEssay);

  it("keeps every box of every slide inside the slide, in every built-in theme and at 4:3", () => {
    for (const size of [
      { width: 1280, height: 720 },
      { width: 960, height: 720 },
    ]) {
      for (const t of BUILTIN_THEMES) {
        for (const slide of layoutDeck(deck, { theme: pptxTheme(t.name), size })) {
          for (const b of [...slide.boxes, ...slide.rects]) {
            expect(b.x, `${slide.id} ${t.name}`).toBeGreaterThanOrEqual(0);
            expect(b.y, `${slide.id} ${t.name}`).toBeGreaterThanOrEqual(0);
            expect(b.x + b.w, `${slide.id} ${t.name}`).toBeLessThanOrEqual(size.width + 0.01);
            expect(b.y + b.h, `${slide.id} ${t.name}`).toBeLessThanOrEqual(size.height + 0.01);
          }
        }
      }
    }
  });

  it("sizes text as the planner fitted it: a scaled slide's headline is smaller", () => {
    const long = deckOf(`${fixtures}/long/long-headline.zh-Hant.txt`);
    const slides = layoutDeck(long, { theme: pptxTheme("essay") });
    const scaled = long.slides.findIndex((s) => s.kind === "point" && s.fit && s.fit.headline < 1);
    expect(scaled).toBeGreaterThan(0);
    const headline = slides[scaled]?.boxes.find((b) => b.role === "headline");
    expect(headline?.paragraphs[0]?.runs[0]?.size).toBeCloseTo(1.3 * 42 * (long.slides[scaled]?.fit?.headline ?? 1));
  });

  it("maps the themes' colours, a user's theme file, the fonts and the language", () => {
    expect(pptxTheme("stage").background).toBe("14161D");
    expect(pptxTheme("paper").serif).toBe(true);
    expect(coloursOf(".reveal-viewport { background: #123 } :root { --ed-accent: #AbCdEf; --ed-text: #000000 }")).toEqual({
      background: "112233",
      accent: "ABCDEF",
      text: "000000",
      heading: "000000",
    });
    expect(fontFace("zh-Hant", false)).toBe("Noto Sans CJK TC");
    expect(fontFace("zh-Hans", true)).toBe("Noto Serif CJK SC");
    expect(officeLang("zh-Hant")).toBe("zh-TW");
    expect(officeLang("zh-Hans")).toBe("zh-CN");
    expect(officeLang("zh-HK")).toBe("zh-HK");
    expect(officeLang("en")).toBe("en-US");
  });
});

describe("the PPTX file, read back", async () => {
  const deck = deckOf(referenceEssay);
  const file = await writePptx({ deck, theme: pptxTheme("essay"), creator: "essay-deck test" });
  const read = await readPptx(file.bytes);

  it("has a slide per planned slide, a section per part and the title's and the references'", () => {
    expect(read.slides).toHaveLength(deck.slides.length);
    expect(read.sections.map((s) => s.name)).toEqual([
      deck.title,
      ...deck.slides.flatMap((s) => (s.kind === "section" ? [s.heading] : [])),
      "參考文獻",
    ]);
    expect(read.sections.reduce((n, s) => n + s.slides, 0)).toBe(deck.slides.length);
    expect(read.presentation).toContain('<p:sldSz cx="12192000" cy="6858000"');
  });

  it("shows every headline on its slide and holds every paragraph of the essay in the notes", () => {
    const essay = readFileSync(referenceEssay, "utf8");
    deck.slides.forEach((slide, i) => {
      const text = flat(read.slideText[i] ?? "");
      if (slide.kind === "point") {
        expect(text).toContain(flat(slide.headline));
        expect(text).toContain(slide.label);
        for (const b of slide.bullets) expect(text).toContain(flat(b));
      }
      if (slide.kind === "section") expect(text).toContain(flat(slide.heading));
      if (slide.kind === "references") for (const e of slide.entries) expect(text).toContain(flat(e));
      expect(
        (read.notesText[i] ?? "")
          .split("\n")
          .filter(Boolean)
          .slice(slide.speaking ? 1 : 0),
      ).toEqual(slide.notes);
    });
    const everything = flat([...read.slideText, ...read.notesText].join(""));
    for (const paragraph of essay
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      // Headings show on the slides with full-width marks between Chinese characters.
      expect(
        [flat(paragraph), flat(fullWidthPunctuation(paragraph))].some((p) => everything.includes(p)),
        paragraph,
      ).toBe(true);
    }
  });

  it("sets the CJK font (East Asian face too) and zh-TW on the text, and the title in the properties", async () => {
    const xml = (await slideXml(file.bytes)).join("");
    expect(xml).toContain('<a:ea typeface="Noto Sans CJK TC"');
    expect(xml).toContain('lang="zh-TW"');
    expect(xml).not.toMatch(/<a:ea typeface="(?!Noto Sans CJK TC)/);
    expect(read.core).toContain("<dc:title>人工智能的顛覆性創新</dc:title>");
  });

  it("writes Simplified decks in the SC face with zh-CN, and Markdown without its markup", async () => {
    const hans = deckOf(`${fixtures}/variants/simplified.txt`);
    const xml = (await slideXml((await writePptx({ deck: hans, theme: pptxTheme("paper"), creator: "t" })).bytes)).join("");
    expect(xml).toContain('<a:ea typeface="Noto Serif CJK SC"');
    expect(xml).toContain('lang="zh-CN"');
    const md = deckOf(`${fixtures}/variants/essay.md`);
    const mdRead = await readPptx((await writePptx({ deck: md, theme: pptxTheme("essay"), creator: "t" })).bytes);
    expect(mdRead.slideText.join("")).not.toMatch(/\*\*/);
  });
});
