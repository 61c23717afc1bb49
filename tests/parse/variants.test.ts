import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outlineToJson, parseEssay } from "../../src/parse/index.js";
import { fixtures } from "../helpers/paths.js";

const read = (name: string) => readFileSync(path.join(fixtures, "variants", name), "utf8");
const parseFile = (name: string) => parseEssay(read(name), { format: name.endsWith(".md") ? "markdown" : "text" });
const shape = (name: string) =>
  outlineToJson(parseFile(name)).parts.map((p) => ({
    label: p.label,
    points: p.points.map((pt) => `${pt.label}:${pt.headline}`),
    intro: p.intro.length,
    closing: p.closing.length,
  }));

describe("essay variants", () => {
  it("reads Simplified Chinese with full-width punctuation", () => {
    const outline = parseFile("simplified.txt");
    expect(outline.lang).toBe("zh-Hans");
    expect(shape("simplified.txt")).toEqual([
      { label: "一", points: ["第一:技术进步", "第二:产业应用"], intro: 1, closing: 1 },
      { label: "二", points: ["第一:伦理问题", "第二:人才短缺"], intro: 1, closing: 0 },
    ]);
    expect(outline.references).toHaveLength(1);
    expect(outline.referencesHeading).toBe("参考文献：");
  });

  it("reads Markdown with front matter, ## parts, bold-wrapped points and a references heading", () => {
    const outline = parseFile("essay.md");
    expect(outline.title).toBe("人工智能的顛覆性創新");
    expect(outline.meta).toMatchObject({ subtitle: "一場關於彎道超車的討論", author: "王小明", lang: "zh-Hant" });
    expect(outline.meta.date).toBe("2026-11-29");
    expect(shape("essay.md")).toEqual([
      { label: "一", points: ["第一:顛覆性創新的重要性", "第二:技術平民化"], intro: 1, closing: 1 },
      { label: "二", points: ["第一:政策與市場的雙重驅動"], intro: 1, closing: 0 },
    ]);
    // The # heading the front matter's title replaced is kept verbatim, on the title slide's notes
    // (where it shows as its text: tests/render/render.test.ts).
    expect(outline.preface).toEqual(["# 這個標題被前言的 title 取代"]);
    expect(outline.references).toHaveLength(1);
  });

  it("reads an English essay with I./II. parts, First,/Finally, points and a title line", () => {
    const outline = parseFile("english.txt");
    expect(outline.lang).toBe("en");
    expect(outline.title).toBe("Disruptive Innovation in AI");
    expect(shape("english.txt")).toEqual([
      {
        label: "I",
        points: ["First:Disruptive innovation matters", "Second:Technology becomes common"],
        intro: 1,
        closing: 1,
      },
      { label: "II", points: ["First:Policy and markets work together", "Finally:Talent is the key"], intro: 1, closing: 0 },
    ]);
    expect(outline.referencesHeading).toBe("References:");
  });

  it("reads 第一部分 parts, （一） points and 首先/其次/最後 sequences", () => {
    const outline = parseFile("chinese-variants.txt");
    expect(outline.parts.map((p) => p.title)).toEqual(["第一部分：背景", "第二部分：展望"]);
    expect(shape("chinese-variants.txt")).toEqual([
      { label: "一", points: ["（一）:第一個要點", "（二）:第二個要點"], intro: 1, closing: 0 },
      { label: "二", points: ["首先:技術會繼續進步", "其次:應用會更廣泛", "最後:人才最重要"], intro: 0, closing: 0 },
    ]);
  });

  it("makes a part of paragraphs when there are no numbered points, and says so without a warning", () => {
    const outline = parseFile("no-points.txt");
    expect(outline.parts[0]?.points).toEqual([]);
    expect(outline.parts[0]?.intro).toHaveLength(3);
    expect(outline.structure).toMatchObject({ parts: { scheme: "一、", count: 1 }, points: [] });
    expect(outline.warnings).toEqual([]);
  });

  it("warns on gaps and duplicates, with the line, and still keeps every point", () => {
    const outline = parseFile("gaps.txt");
    expect(outline.parts[0]?.points.map((p) => p.label)).toEqual(["第一", "第三", "第三"]);
    const warnings = outline.warnings.map((w) => `${w.line}: ${w.message}`);
    expect(warnings).toEqual([
      expect.stringMatching(/^4: .*第一 is followed by 第三/),
      expect.stringMatching(/^5: .*第三 appears twice/),
      expect.stringMatching(/^6: parts: 一 is followed by 三/),
    ]);
  });

  it("treats an essay with no headings at all as one part", () => {
    const outline = parseEssay("第一,甲。說明。\n第二,乙。說明。\n");
    expect(outline.parts).toHaveLength(1);
    expect(outline.parts[0]?.points.map((p) => p.headline)).toEqual(["甲", "乙"]);
  });

  it("joins hard-wrapped lines of blank-line separated paragraphs", () => {
    const wrapped = "第一段的第一行寫到了接近行寬的地方，然後";
    const text = `一、標題\n\n${wrapped}\n接著第二行。\n\nSecond paragraph wraps\nonto a new line.\n`;
    const outline = parseEssay(text);
    expect(outline.parts[0]?.intro).toEqual([`${wrapped}接著第二行。`, "Second paragraph wraps onto a new line."]);
  });

  it("keeps the short lines of a header block apart: date, title, subtitle", () => {
    const text =
      "114年01月21日\n副總統捏陶 邀請國人體驗在地文化\n副總統出席手做陶土活動\n\n副總統今日下午參加活動。\n\n她表示，澎湖的文化非常豐富。\n";
    const outline = parseEssay(text);
    expect(outline.title).toBe("副總統捏陶 邀請國人體驗在地文化");
    expect(outline.preface).toEqual(["114年01月21日"]);
    expect(outline.parts[0]?.intro).toHaveLength(3);
  });
});
