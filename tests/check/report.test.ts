import { describe, expect, it } from "vitest";
import type { SlideMeasure } from "../../src/check/measure.js";
import { buildReport, formatTable, hasFitFailure } from "../../src/check/report.js";

const slide = (over: Partial<SlideMeasure> = {}): SlideMeasure => ({
  id: "part-1-point-1",
  kind: "point",
  number: "3",
  headlineScale: 1,
  bodyScale: 1,
  continued: false,
  overflowPx: 0,
  overflowing: [],
  smallText: [],
  missingGlyphs: [],
  ...over,
});
const context = { essay: "essay.txt", theme: "essay", size: { width: 1280, height: 720 }, floors: { text: 18, body: 24 } };

describe("the check report", () => {
  it("passes slides without problems and counts the scaled and continued ones", () => {
    const report = buildReport(
      [slide(), slide({ id: "b", headlineScale: 0.8 }), slide({ id: "c", continued: true, bodyScale: 0.9 })],
      context,
      1234.4,
    );
    expect(report.summary).toEqual({ slides: 3, failing: 0, scaled: 2, continued: 1, missingGlyphs: [], milliseconds: 1234 });
    expect(hasFitFailure(report)).toBe(false);
    expect(formatTable(report)).toMatch(/3 slides, 0 failing, 2 scaled to fit, 1 continuations \(1\.2s\)/);
  });

  it("names every problem of a failing slide, with details under the table", () => {
    const report = buildReport(
      [
        slide({ overflowPx: 40, overflowing: ['h2.point-headline "標題"'], smallText: [{ px: 12, text: "小字" }] }),
        slide({ id: "d", number: "4", missingGlyphs: ["\u{E000}"] }),
      ],
      context,
      10,
    );
    expect(report.slides.map((s) => s.problems)).toEqual([["overflow", "small-text"], ["missing-glyphs"]]);
    expect(hasFitFailure(report)).toBe(true);
    const table = formatTable(report);
    expect(table).toMatch(/^3\s+part-1-point-1\s+point\s+-\s+OVERFLOW,SMALL-TEXT$/m);
    expect(table).toContain('part-1-point-1: past the slide by 40px: h2.point-headline "標題"');
    expect(table).toContain('part-1-point-1: 12px text (floor 18px/24px body): "小字"');
    expect(table).toContain("d: no font for \u{E000} (U+E000)");
  });

  it("is not a fit failure when only a font is missing", () => {
    const report = buildReport([slide({ missingGlyphs: ["\u{E000}"] })], context, 1);
    expect(hasFitFailure(report)).toBe(false);
    expect(report.summary.missingGlyphs).toEqual(["\u{E000}"]);
  });
});
