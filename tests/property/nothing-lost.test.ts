/**
 * Nothing lost, proven on random essays: parsing never throws; every source paragraph is in the
 * Outline exactly once, verbatim, and in the planned Deck exactly once (slides or notes); the
 * `outline --json` paragraphs, in order, are the source's paragraphs less its headings.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Deck } from "../../src/model/deck.js";
import type { Outline } from "../../src/model/outline.js";
import { outlineToJson, parseEssay } from "../../src/parse/index.js";
import { matchMarkdownHeading } from "../../src/parse/markers.js";
import { planDeck } from "../../src/plan/index.js";
import { fullWidthPunctuation } from "../../src/plan/punctuation.js";
import { randomEssay } from "./essays.js";

/** 200 keeps the fast suite fast; ESSAY_DECK_PROPERTY_RUNS=20000 searches harder. */
const RUNS = { numRuns: Number(process.env.ESSAY_DECK_PROPERTY_RUNS) || 200 };

/** A bag of paragraphs: taking one that is not there (or is there no more) is a failure. */
class Bag {
  private readonly counts = new Map<string, number>();
  constructor(items: readonly string[]) {
    for (const i of items) this.counts.set(i, (this.counts.get(i) ?? 0) + 1);
  }
  take(item: string, where: string): void {
    const n = this.counts.get(item) ?? 0;
    if (n === 0) throw new Error(`${where} holds a paragraph that is not (or no more) in the source: ${JSON.stringify(item)}`);
    this.counts.set(item, n - 1);
  }
  /** Take the one paragraph whose heading text is `text` (a heading line shows without its # marks). */
  takeHeading(text: string, where: string, optional = false): void {
    // A slide shows a heading with full-width marks between Chinese characters (出現，讓).
    const as = (t: string) => t === text || fullWidthPunctuation(t) === text;
    // A heading line (`# #` shows as "#") before a paragraph that merely reads the same ("#"): the
    // plain paragraph is a body paragraph, to be taken where the outline places it.
    const rules = [
      (p: string) => as(matchMarkdownHeading(p)?.text ?? ""),
      (p: string) => as(strip(matchMarkdownHeading(p)?.text ?? p)),
      (p: string) => as(p),
    ];
    for (const rule of rules) {
      for (const [p, n] of this.counts) {
        if (n > 0 && rule(p)) {
          this.counts.set(p, n - 1);
          return;
        }
      }
    }
    if (!optional) throw new Error(`${where} ${JSON.stringify(text)} is no source paragraph`);
  }
  left(): string[] {
    return [...this.counts].flatMap(([p, n]) => Array<string>(n).fill(p));
  }
}

const strip = (t: string): string => t.replace(/\*\*|__/g, "").trim();

/** Take every paragraph the outline places, but its title; what is left is the title line, if any. */
function claimAllButTitle(outline: Outline): Bag {
  const bag = new Bag(outline.paragraphs);
  for (const p of outline.preface) bag.take(p, "preface");
  for (const part of outline.parts) {
    if (part.title !== "") bag.takeHeading(part.title, "part heading");
    for (const p of part.intro) bag.take(p, "intro");
    for (const point of part.points) for (const p of point.paragraphs) bag.take(p, `point ${point.label}`);
    for (const p of part.closing) bag.take(p, "closing");
  }
  for (const p of outline.signature) bag.take(p, "signature");
  if (outline.referencesHeading !== null) bag.take(outline.referencesHeading, "references heading");
  for (const p of outline.references) bag.take(p, "references");
  return bag;
}

function accountOutline(outline: Outline): string[] {
  const bag = claimAllButTitle(outline);
  // A title from front matter is no paragraph, unless the essay repeats it as its title line.
  if (outline.title !== null)
    bag.takeHeading(outline.title, "title", outline.meta.title !== undefined || outline.structure.title === "first lines");
  return bag.left();
}

function accountDeck(outline: Outline, deck: Deck): string[] {
  const bag = new Bag(outline.paragraphs);
  let referencesHeading = outline.referencesHeading;
  for (const slide of deck.slides) {
    for (const p of slide.notes) bag.take(p, `notes of ${slide.id}`);
    if (slide.kind === "section" && !slide.continued) bag.takeHeading(slide.heading, "section slide");
    if (slide.kind === "references") {
      for (const e of slide.entries) bag.take(e, "references slide");
      if (referencesHeading !== null) {
        expect(slide.heading).toBe(referencesHeading);
        bag.take(referencesHeading, "references slide heading");
        referencesHeading = null;
      }
    }
  }
  if (outline.title !== null)
    bag.takeHeading(deck.title, "deck title", outline.meta.title !== undefined || outline.structure.title === "first lines");
  return bag.left();
}

/** The outline --json paragraphs in document order. */
function jsonParagraphs(outline: Outline): string[] {
  const json = outlineToJson(outline);
  return [
    ...(json.preface ?? []),
    ...json.parts.flatMap((p) => [...p.intro, ...p.points.flatMap((pt) => pt.paragraphs), ...p.closing]),
    ...(json.signature ?? []),
    ...json.references,
  ];
}

function isSubsequence(sub: string[], of: string[]): boolean {
  let i = 0;
  for (const p of of) if (i < sub.length && sub[i] === p) i++;
  return i === sub.length;
}

const noSpace = (t: string): string => t.replace(/\s/g, "");

describe("nothing lost, on random essays", () => {
  it("parses without throwing, and keeps every character of the source", () => {
    fc.assert(
      fc.property(randomEssay, (essay) => {
        const outline = parseEssay(essay.source, { format: essay.format });
        expect(noSpace(outline.paragraphs.join(""))).toBe(noSpace(essay.body));
        if (essay.oneLinePerParagraph) expect(outline.paragraphs).toEqual(essay.lines.filter(Boolean));
      }),
      RUNS,
    );
  });

  it("puts every paragraph in the outline exactly once, verbatim", () => {
    fc.assert(
      fc.property(randomEssay, (essay) => {
        const outline = parseEssay(essay.source, { format: essay.format });
        expect(accountOutline(outline)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("puts every paragraph in the deck exactly once, on a slide or in its notes", () => {
    fc.assert(
      fc.property(randomEssay, (essay) => {
        const outline = parseEssay(essay.source, { format: essay.format });
        expect(accountDeck(outline, planDeck(outline))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("lists in outline --json every paragraph but the headings, in the source's order", () => {
    fc.assert(
      fc.property(randomEssay, (essay) => {
        const outline = parseEssay(essay.source, { format: essay.format });
        const listed = jsonParagraphs(outline);
        const titleLine = claimAllButTitle(outline).left().length;
        const headings =
          outline.parts.filter((p) => p.title !== "").length + (outline.referencesHeading === null ? 0 : 1) + titleLine;
        expect(listed.length).toBe(outline.paragraphs.length - headings);
        expect(isSubsequence(listed, outline.paragraphs)).toBe(true);
      }),
      RUNS,
    );
  });
});
