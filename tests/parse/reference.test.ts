import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outlineToJson, parseEssay } from "../../src/parse/index.js";
import { fixtures, referenceEssay } from "../helpers/paths.js";

const expected = JSON.parse(readFileSync(path.join(fixtures, "reference", "expected-outline.json"), "utf8"));
const text = readFileSync(referenceEssay, "utf8");

/** The outline in expected-outline.json's own shape: counts instead of paragraphs. */
function summarize(source: string) {
  const outline = parseEssay(source);
  const json = outlineToJson(outline);
  return {
    title: json.title,
    lang: json.lang,
    paragraphsInSource: outline.paragraphs.length,
    parts: json.parts.map((p) => ({
      numeral: p.label,
      heading: p.heading,
      intro: p.intro.length,
      points: p.points.map((pt) => ({ label: pt.label, headline: pt.headline, paragraphs: pt.paragraphs.length })),
      closing: p.closing.length,
    })),
    references: json.references.length,
  };
}

describe("the reference essay", () => {
  it("parses to the expected outline", () => {
    expect(summarize(text)).toEqual(expected);
  });

  it("keeps every paragraph exactly once, verbatim", () => {
    const outline = parseEssay(text);
    const placed = [
      ...outline.preface,
      ...outline.parts.flatMap((p) => [p.title, ...p.intro, ...p.points.flatMap((pt) => pt.paragraphs), ...p.closing]),
      ...(outline.referencesHeading ? [outline.referencesHeading] : []),
      ...outline.references,
    ];
    const source = text
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    expect(placed).toEqual(source);
  });

  it("opens each point with the paragraph that carries its label", () => {
    for (const part of parseEssay(text).parts) {
      for (const point of part.points) expect(point.paragraphs[0]?.startsWith(`${point.label},`)).toBe(true);
    }
  });

  it("reads the same with CRLF line ends and a BOM", () => {
    expect(summarize(`\uFEFF${text.replace(/\n/g, "\r\n")}`)).toEqual(expected);
  });

  it("reads the same with full-width punctuation", () => {
    const fullWidth = text.replace(/,/g, "，").replace(/:/g, "：");
    const got = summarize(fullWidth);
    expect(got.parts.map((p) => p.points.length)).toEqual([6, 6, 4]);
    expect(got.parts.map((p) => p.closing)).toEqual([2, 0, 0]);
    expect(got.parts[0]?.points[0]?.headline).toBe("顛覆性創新的重要性");
  });

  it("warns about nothing", () => {
    expect(parseEssay(text).warnings).toEqual([]);
  });
});
