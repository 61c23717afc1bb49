/** The corpus scorer itself (scripts/structure/): its matching rule, its lost-text check, its floors. */
import { describe, expect, it } from "vitest";
import { belowFloors, figures, raisedFloors } from "../../scripts/structure/corpus.mjs";
import { markdownTable, matches, normalise, orderedMatches, scoreEssay, unplaced } from "../../scripts/structure/score.mjs";
import { parseEssay } from "../../src/parse/index.js";
import { planDeck } from "../../src/plan/index.js";

describe("the structure scorer", () => {
  it("compares texts without their labels, decoration, Markdown marks and final stop, keeping ? and !", () => {
    expect(normalise("（一）加强组织领导。")).toBe("加强组织领导");
    expect(normalise("## 1. **Cloud deployment**")).toBe("clouddeployment");
    expect(normalise("💻 第一章 緒論")).toBe("緒論");
    expect(normalise("4-1. 研究方法")).toBe("研究方法");
    expect(normalise("1.2 Scope")).toBe("scope");
    expect(normalise("壹、前言")).toBe("前言");
    expect(normalise("1️⃣ First things")).toBe("firstthings");
    expect(normalise("2019年1月24日")).toBe("2019年1月24日");
    expect(normalise("為什麼要改變？")).toBe("為什麼要改變?");
    expect(normalise("Engagement Doesn&#8217;t End")).toBe(normalise("Engagement Doesn’t End"));
    expect(normalise("Q&amp;A &#x2014; &bogus; end")).toBe("q&a—&bogus;end");
  });

  it("matches a found headline that equals or runs on from the expected one, never a shorter one", () => {
    expect(matches("Memi and Navin defined the requirements in an API-centric, test-driven way", "Memi and Navin defined")).toBe(
      true,
    );
    expect(matches("Memi and Navin", "Memi and Navin defined the requirements")).toBe(false);
    expect(matches("為什麼要改變", "為什麼要改變？")).toBe(false);
    expect(matches("anything", "")).toBe(false);
  });

  it("matches in order: a heading found out of place does not count twice", () => {
    expect(orderedMatches(["a", "b", "c"], ["a", "c"])).toEqual([
      [0, 0],
      [2, 1],
    ]);
    expect(orderedMatches(["c", "a"], ["a", "c"])).toHaveLength(1);
  });

  it("scores recall and precision, and sees a signature inside a point", () => {
    const essay = "标题\n一、总体要求\n（一）加强领导。要加强。\n（二）落实责任。要落实。\n国务院\n2019年1月24日";
    const parsed = parseEssay(essay);
    expect(parsed.signature).toEqual(["国务院", "2019年1月24日"]);
    // The parser keeps the signature apart; put it in the last point, as a careless reader would.
    const parts = parsed.parts.map((p) => ({
      ...p,
      points: p.points.map((pt, i) =>
        i === p.points.length - 1 ? { ...pt, paragraphs: [...pt.paragraphs, ...parsed.signature] } : pt,
      ),
    }));
    const outline = { ...parsed, parts, signature: [] };
    const row = scoreEssay({
      slug: "t",
      expected: {
        title: "标题",
        parts: [{ heading: "总体要求", points: ["加强领导", "落实责任", "强化监督"] }],
        notInPoints: ["国务院", "2019年1月24日"],
      },
      outline,
      deck: planDeck(outline),
      bodyText: essay,
    });
    expect(row.title.ok).toBe(true);
    expect([row.parts.recall, row.parts.precision]).toEqual([1, 1]);
    expect(row.points).toMatchObject({ expected: 3, found: 2, matched: 2, missed: ["强化监督"] });
    expect(row.notInPoints?.strayed).toEqual(["国务院", "2019年1月24日"]);
    expect(row.nothingLost).toBe(true);
    expect(markdownTable([row])).toContain("| t | yes | 100 % (1/1) | 100 % (1/1) | 67 % (2/3) | 100 % (2/2) | no | yes |");
  });

  it("finds a paragraph the outline or the deck dropped, and characters the outline lost", () => {
    const essay = "一、Heading\n第一，one.\n第二，two.";
    const outline = parseEssay(essay);
    const dropped = { ...outline, parts: outline.parts.map((p) => ({ ...p, points: p.points.slice(0, 1) })) };
    expect(unplaced(outline.paragraphs, { ...dropped, paragraphs: undefined })).toEqual(["第二，two."]);
    const deck = planDeck(outline);
    expect(unplaced(outline.paragraphs, { ...deck, slides: deck.slides.slice(0, -1) })).toContain("第二，two.");
    const row = scoreEssay({ slug: "t", expected: { title: "x", parts: [] }, outline, bodyText: `${essay}\nmore` });
    expect(row.charactersKept).toBe(false);
    expect(row.nothingLost).toBe(false);
  });

  it("holds floors that only go up", () => {
    const row = scoreEssay({
      slug: "t",
      expected: { title: "Heading", parts: [{ heading: "Heading", points: ["one", "three"] }] },
      outline: parseEssay("一、Heading\n第一，one.\n第二，two."),
    });
    expect(row.points.recall).toBe(0.5);
    expect(belowFloors([row], { t: { pointsRecall: 0.5, title: false } })).toEqual([]);
    expect(belowFloors([row], { t: { pointsRecall: 0.75 } })).toEqual(["t: pointsRecall is 0.5 (floor 0.75)"]);
    expect(raisedFloors([row], { t: { pointsRecall: 0.75, pointsPrecision: 0.2 } }).t).toMatchObject({
      pointsRecall: 0.75,
      pointsPrecision: 0.5,
    });
  });

  it("holds an essay with no structure to finding none", () => {
    const flat = parseEssay("Title line\n\nJust prose, one paragraph.\n\nAnother paragraph of prose.");
    const row = scoreEssay({ slug: "t", expected: { title: "Title line", parts: [] }, outline: flat });
    expect(figures(row)).toMatchObject({ partsPrecision: 1, pointsPrecision: 1 });
    const headed = parseEssay("Title line\n\n一、Heading\n\nJust prose.");
    const wrong = scoreEssay({ slug: "t", expected: { title: "Title line", parts: [] }, outline: headed });
    expect(belowFloors([wrong], { t: figures(row) })).toEqual(["t: partsPrecision is 0 (floor 1)"]);
  });
});
