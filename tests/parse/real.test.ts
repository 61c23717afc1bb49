/**
 * The real-essay corpus (tests/fixtures/real/): every essay keeps all its text, and the structure the
 * parser finds is at least as good as its floor (floors.json), which only ever goes up
 * (`npm run structure -- --update-floors` after the parser improves).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { belowFloors, corpusDir, listEssays, readFloors, scoreCorpus } from "../../scripts/structure/corpus.mjs";
import type { ExpectedOutline } from "../../scripts/structure/score.mjs";
import { deckFromEssay, loadEssay } from "../../src/build.js";
import { parseEssay } from "../../src/parse/index.js";
import { planDeck } from "../../src/plan/index.js";

const essays = listEssays();
const rows = scoreCorpus({ loadEssay, deckFromEssay, parseEssay, planDeck }, essays);
const floors = readFloors();
const readme = readFileSync(path.join(corpusDir, "README.md"), "utf8");

describe("the real-essay corpus", () => {
  it("holds essays, each listed in the README with its source and licence", () => {
    expect(essays.length).toBeGreaterThanOrEqual(15);
    for (const { slug } of essays) expect(readme, `${slug} in README.md`).toMatch(new RegExp(`\\| \`${slug}\` \\|`));
  });

  it.each(essays)("$slug: expected.json is a title and parts of headed points", ({ folder }) => {
    const expected = JSON.parse(readFileSync(path.join(folder, "expected.json"), "utf8")) as ExpectedOutline;
    expect(typeof expected.title).toBe("string");
    expect(expected.title.trim()).not.toBe("");
    expect(Array.isArray(expected.parts)).toBe(true);
    for (const part of expected.parts) {
      expect(part.heading === null || (typeof part.heading === "string" && part.heading.trim() !== "")).toBe(true);
      expect(part.points.every((p) => typeof p === "string" && p.trim() !== "")).toBe(true);
    }
    // Only the first part can be the essay's unheaded opening.
    expect(expected.parts.slice(1).every((p) => p.heading !== null)).toBe(true);
  });

  it.each(rows)("$slug: nothing is lost, in the outline or in the deck", (row) => {
    expect(row.lost).toEqual([]);
    expect(row.charactersKept).toBe(true);
  });

  it("has a floor for every essay", () => {
    expect(Object.keys(floors).sort()).toEqual(essays.map((e) => e.slug).sort());
  });

  it("finds each essay's title, parts and points at least as well as its floor", () => {
    expect(belowFloors(rows, floors)).toEqual([]);
  });
});
