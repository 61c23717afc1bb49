/** The presenter's planning, pure: listings, pacing, punctuation, statements, the mixed-script check. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mixedScriptWarning, otherScriptChars } from "../../src/convert/mixed.js";
import { loadConverter } from "../../src/convert/opencc.js";
import type { ListingItem } from "../../src/model/deck.js";
import { parseEssay } from "../../src/parse/index.js";
import { cutToLine, fitListing } from "../../src/plan/agenda.js";
import { planDeck } from "../../src/plan/index.js";
import { overDurationWarning } from "../../src/plan/pacing.js";
import { countConvertible, fullWidthPunctuation } from "../../src/plan/punctuation.js";
import { textWidth } from "../../src/text/width.js";
import { referenceEssay } from "../helpers/paths.js";

const reference = parseEssay(readFileSync(referenceEssay, "utf8"));

describe("full-width punctuation on slides", () => {
  it.each([
    ["春節期間,國產大模型", "春節期間，國產大模型"],
    ["方向:高性能計算", "方向：高性能計算"],
    ["是嗎?", "是嗎？"],
    ["的影響?DeepSeek作為", "的影響？DeepSeek作為"],
    ["美國車(費油車)與", "美國車（費油車）與"],
    ["人工智能(AI)領域", "人工智能（AI）領域"],
    ["美國AI(費芯片AI)與中國AI(省芯片AI)兩條路", "美國AI（費芯片AI）與中國AI（省芯片AI）兩條路"],
    ["不分享）,導致", "不分享），導致"],
    ["年份:2024", "年份:2024"],
    ["AI,讓", "AI,讓"],
    ["(Smith, 2020)", "(Smith, 2020)"],
    ["Hello, world: yes", "Hello, world: yes"],
  ])("%s → %s", (from, to) => {
    expect(fullWidthPunctuation(from)).toBe(to);
    expect(fullWidthPunctuation(from)).toHaveLength(from.length);
  });

  it("converts the reference essay's marks on the slides and keeps every note verbatim", () => {
    const converted = reference.paragraphs.reduce((n, p) => n + countConvertible(p), 0);
    expect(converted).toBeGreaterThan(70);
    const deck = planDeck(reference);
    const notes = deck.slides.flatMap((s) => s.notes);
    for (const n of notes) expect(reference.paragraphs).toContain(n);
    const headings = deck.slides.flatMap((s) => (s.kind === "section" ? [s.heading] : []));
    expect(headings[0]).toBe("一、DeepSeek改變潮流方向：高性能計算的崛起");
    const kept = planDeck(reference, { keepPunctuation: true });
    expect(kept.slides.find((s) => s.kind === "section")).toMatchObject({ heading: "一、DeepSeek改變潮流方向:高性能計算的崛起" });
    // An English deck is left as it is.
    expect(fullWidthPunctuation("No Chinese, here")).toBe("No Chinese, here");
  });
});

describe("listings", () => {
  const items = (n: number, text = "顛覆性創新的重要性與技術平民化的前景"): ListingItem[] =>
    Array.from({ length: n }, (_, i) => ({ label: `第${i + 1}`, text, target: `p${i}`, part: 1 }));

  it("cut a line at a phrase boundary, with an ellipsis, never wider than the line", () => {
    const cut = cutToLine("“杭州六小龍”的顛覆性創新提供的經驗：讓市場成為檢驗技術成敗的標準", 16, "zh-Hant");
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(16);
    expect(cutToLine("短句", 16, "zh-Hant")).toBe("短句");
  });

  it("take one column when they fit, two when they do not, and count what no layout holds", () => {
    const room = { width: 1200, height: 330 };
    expect(fitListing(items(4), room, "zh-Hant")).toMatchObject({ columns: 1, more: 0 });
    expect(fitListing(items(12), room, "zh-Hant")).toMatchObject({ columns: 2, more: 0 });
    const thirty = fitListing(items(30), room, "zh-Hant");
    expect(thirty.columns).toBe(2);
    expect(thirty.more).toBeGreaterThan(0);
    expect(thirty.items.length + thirty.more).toBe(30);
  });

  it("put an agenda after the title of an essay with two parts or more, and none with --no-agenda", () => {
    const deck = planDeck(reference);
    expect(deck.slides[1]).toMatchObject({ kind: "agenda", heading: "目錄" });
    expect(planDeck(reference, { agenda: false }).slides[1]?.kind).toBe("section");
    expect(planDeck(reference, { lang: "zh-Hans" }).slides[1]).toMatchObject({ heading: "目录" });
    const one = parseEssay("一、唯一的部分\n第一,標題。內容。\n");
    expect(planDeck(one).slides.some((s) => s.kind === "agenda")).toBe(false);
  });
});

describe("pacing", () => {
  it("times every slide, the timings adding up to the estimate, and splits a duration over the parts", () => {
    const deck = planDeck(reference, { duration: 20 });
    expect(deck.slides.every((s) => (s.timing ?? 0) > 0)).toBe(true);
    expect(deck.slides.reduce((n, s) => n + (s.timing ?? 0), 0)).toBe(deck.pacing.seconds);
    expect(deck.pacing.parts.map((p) => p.part)).toEqual([1, 2, 3, 0]);
    const budget = deck.pacing.parts.reduce((n, p) => n + (p.budget ?? 0), 0);
    expect(Math.abs(budget - 20 * 60)).toBeLessThanOrEqual(2);
    expect(deck.slides[0]?.pacingNotes?.[0]).toBe("時間分配：共 20 分");
    expect(overDurationWarning(deck.pacing)).toMatch(/exceeds --duration 20 min by \d+ min/);
    expect(overDurationWarning(planDeck(reference, { duration: 60 }).pacing)).toBeNull();
  });
});

describe("statements", () => {
  it("show a point that is only its headline as a statement, and a point with sentences as a point", () => {
    const deck = planDeck(parseEssay("一、部分\n第一,創新不是線性的。\n第二,小團隊也能挑戰巨頭。它的做法是優化架構。\n"));
    const points = deck.slides.filter((s) => s.kind === "point");
    expect(points.map((p) => p.kind === "point" && p.statement === true)).toEqual([true, false]);
  });
});

describe("characters of the other script", () => {
  it("are reported in a Traditional essay, with --script hant as the fix, and not after it", () => {
    const toHant = loadConverter("hant");
    const mixed = otherScriptChars(reference.paragraphs, toHant);
    expect(mixed.chars.map((c) => c.char)).toEqual(expect.arrayContaining(["于", "采"]));
    // 了 is Traditional too (證明了): never reported.
    expect(mixed.chars.map((c) => c.char)).not.toContain("了");
    expect(mixedScriptWarning(mixed, "essay.txt", "zh-Hant")).toMatch(
      /Simplified characters in a zh-Hant essay: .*pass --script hant/,
    );
    const fixed = reference.paragraphs.map(toHant);
    expect(otherScriptChars(fixed, toHant).total).toBe(0);
  });
});
