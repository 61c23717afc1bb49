import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { makeEssay, POINTS_PER_PART } from "../../bench/make-essay.mjs";
import { parseEssay } from "../../src/parse/index.js";
import { referenceEssay } from "../helpers/paths.js";

const referenceText = readFileSync(referenceEssay, "utf8");
const reference = parseEssay(referenceText);
const paragraphsOf = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

describe("the synthetic essay generator (bench/make-essay.mjs)", () => {
  it("reproduces the reference essay paragraph for paragraph at 16 points", () => {
    expect(paragraphsOf(makeEssay(reference, 16))).toEqual(paragraphsOf(referenceText));
  });

  it("makes an essay of 1 point whose lone 第一 is no numbering: a single ordinal is not a scheme", () => {
    const outline = parseEssay(makeEssay(reference, 1));
    expect(outline.warnings).toEqual([]);
    expect(outline.parts.map((p) => p.points.length)).toEqual([0]);
    expect(outline.structure.notes.join("\n")).toMatch(/第一 \(line \d+\): not a numbering/);
  });

  it.each([
    [2, "一"],
    [7, "二"],
    [160, "二十七"],
    [1600, "二百六十七"],
  ])("makes a valid essay of %i points, in parts of six, the last part %s", (n, lastPart) => {
    const outline = parseEssay(makeEssay(reference, n));
    expect(outline.warnings).toEqual([]);
    const parts = Math.ceil(n / POINTS_PER_PART);
    expect(outline.parts).toHaveLength(parts);
    expect(outline.parts.map((p) => p.points.length)).toEqual(
      Array.from({ length: parts }, (_, i) => Math.min(POINTS_PER_PART, n - i * POINTS_PER_PART)),
    );
    expect(outline.parts.at(-1)?.label).toBe(lastPart);
    expect(outline.parts[0]?.points.map((p) => p.label)).toEqual(
      ["第一", "第二", "第三", "第四", "第五", "第六"].slice(0, Math.min(n, POINTS_PER_PART)),
    );
    expect(outline.references).toEqual(reference.references);
  });

  it("reuses the reference paragraphs cyclically", () => {
    const outline = parseEssay(makeEssay(reference, 40));
    const refPoints = reference.parts.flatMap((p) => p.points);
    const points = outline.parts.flatMap((p) => p.points);
    expect(points[16]?.headline).toBe(refPoints[0]?.headline);
    expect(points[16]?.paragraphs.slice(1)).toEqual(refPoints[0]?.paragraphs.slice(1));
    expect(outline.parts[3]?.heading).toBe(reference.parts[0]?.heading);
    expect(outline.parts[3]?.closing).toEqual(reference.parts[0]?.closing);
  });

  it("refuses a count that is not a whole number of at least 1", () => {
    expect(() => makeEssay(reference, 0)).toThrow(RangeError);
    expect(() => makeEssay(reference, 2.5)).toThrow(RangeError);
  });
});
