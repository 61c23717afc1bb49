import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PointSlide } from "../../src/model/deck.js";
import { parseEssay } from "../../src/parse/index.js";
import { candidates, DEFAULT_BUDGET, isFragment, shareSlides } from "../../src/plan/bullets.js";
import { BODY_SCALES, HEADLINE_SCALES } from "../../src/plan/fit.js";
import { shownHeadline } from "../../src/plan/fit-slides.js";
import { planDeck } from "../../src/plan/index.js";
import { splitSentences } from "../../src/text/sentences.js";
import { charsPerLine, linesOfPhrases, textWidth } from "../../src/text/width.js";
import { fixtures, referenceEssay } from "../helpers/paths.js";

const long = (name: string) => readFileSync(path.join(fixtures, "long", name), "utf8");
const plan = (text: string, size?: { width: number; height: number }) => planDeck(parseEssay(text), { size });
const headline = { phrases: ["短標題"], label: "第一", context: true };
const sentence = (n: number, ch = "字") => `${ch.repeat(n - 1)}。`;

describe("the width model", () => {
  it("counts full-width characters as 1 and Latin as ½", () => {
    expect(textWidth("人工智能")).toBe(4);
    expect(textWidth("DeepSeek")).toBe(4);
    expect(textWidth("「AI」")).toBe(3);
  });

  it("fills lines with whole phrases, breaking a phrase only when it is wider than a line", () => {
    expect(linesOfPhrases(["一二三", "四五六", "七八"], 6)).toBe(2);
    expect(linesOfPhrases(["一二三四", "五六七八"], 6)).toBe(2);
    expect(linesOfPhrases(["一二三四五六七八九十"], 4)).toBe(3);
  });

  it("holds fewer characters a line on a narrower slide", () => {
    expect(charsPerLine(1207, 32.76)).toBeGreaterThan(charsPerLine(887, 32.76));
  });
});

describe("choosing bullets (sentence selection)", () => {
  it("shows the key sentences, verbatim and whole, in reading order", () => {
    const paragraphs = ["第一,標題。甲句在此。乙句在此。", "丙句開頭。丁句。", "戊句開頭。"];
    const [share, ...rest] = shareSlides({
      items: candidates(paragraphs, true),
      paragraphCount: 3,
      headline,
      continuation: "（續）",
      fillToMin: true,
    });
    expect(rest).toEqual([]);
    expect(share?.bullets).toEqual(["甲句在此。", "丙句開頭。", "戊句開頭。"]);
    const all = paragraphs.flatMap((p) => splitSentences(p));
    for (const b of share?.bullets ?? []) expect(all).toContain(b);
    expect(share?.paragraphs).toEqual([0, 3]);
  });

  it("fills up to two bullets with other sentences when a point has one key sentence", () => {
    const [share] = shareSlides({
      items: candidates(["第一,標題。甲句在這裡。乙句在這裡。丙句在這裡。"], true),
      paragraphCount: 1,
      headline,
      continuation: "",
      fillToMin: true,
    });
    expect(share?.bullets).toEqual(["甲句在這裡。", "乙句在這裡。"]);
  });

  it("leaves a sentence too long for a bullet in the notes rather than cutting it", () => {
    const tooLong = sentence(90);
    const [share] = shareSlides({
      items: candidates([`第一,標題。${tooLong}`, "短句開頭。"], true),
      paragraphCount: 2,
      headline,
      continuation: "",
    });
    expect(share?.bullets).toEqual(["短句開頭。"]);
  });

  it("shows at most four key sentences; the rest stay in the notes", () => {
    const paragraphs = ["第一,標題。甲句在此。", ...Array.from({ length: 6 }, (_, i) => `第${i}段開頭。`)];
    const shares = shareSlides({ items: candidates(paragraphs, true), paragraphCount: 7, headline, continuation: "" });
    expect(shares).toHaveLength(1);
    expect(shares[0]?.bullets).toEqual(["甲句在此。", "第0段開頭。", "第1段開頭。", "第2段開頭。"]);
  });

  it("scales the bullets down before it continues a point on another slide", () => {
    // Four keys of three lines each at full size do not fit at 960×700; at the floor they do.
    const paragraphs = [`第一,標題。${sentence(70)}`, ...Array.from({ length: 3 }, () => sentence(70, "文"))];
    const shares = shareSlides({
      items: candidates(paragraphs, true),
      paragraphCount: 4,
      headline,
      continuation: "（續）",
      size: { width: 960, height: 700 },
    });
    expect(shares).toHaveLength(1);
    expect(shares[0]?.bodyScale).toBeLessThan(1);
    expect(shares[0]?.bodyScale).toBeGreaterThanOrEqual(BODY_SCALES.at(-1) as number);
    expect(shares[0]?.bullets).toHaveLength(4);
  });
});

describe("continuation (split over slides)", () => {
  const paragraphs = [`第一,標題。${sentence(70)}`, ...Array.from({ length: 3 }, (_, i) => `${sentence(70 - i, "文")}補充。`)];
  const longHeadline = { ...headline, phrases: Array.from({ length: 30 }, () => "四字詞組") };
  const shares = shareSlides({
    items: candidates(paragraphs, true),
    paragraphCount: 4,
    headline: longHeadline,
    continuation: "（續）",
    size: { width: 960, height: 700 },
  });

  it("continues when the key sentences do not fit even at the floor, and shows every key once", () => {
    expect(shares.length).toBeGreaterThan(1);
    // Shared evenly, each slide at the largest size it holds.
    expect(shares.map((s) => s.bullets.length)).toEqual([2, 2]);
    for (const share of shares) expect(share.bodyScale).toBeGreaterThanOrEqual(BODY_SCALES.at(-1) as number);
    const bullets = shares.flatMap((s) => s.bullets);
    expect(bullets).toEqual([sentence(70), sentence(70, "文"), sentence(69, "文"), sentence(68, "文")]);
  });

  it("gives each slide the notes of the paragraphs it shows, every paragraph once, in order", () => {
    const ranges = shares.map((s) => s.paragraphs);
    expect(ranges[0]?.[0]).toBe(0);
    expect(ranges.at(-1)?.[1]).toBe(4);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.[0]).toBe(ranges[i - 1]?.[1]);
  });

  it("marks the follow-up slides, which hold the rest of the point's notes", () => {
    const text = long("long-headline.zh-Hant.txt");
    const deck = plan(text, { width: 960, height: 700 });
    const points = deck.slides.filter((s): s is PointSlide => s.kind === "point");
    const cont = points.filter((s) => s.continued);
    expect(cont.map((c) => c.id)).toEqual(["part-1-point-4-cont-1"]);
    const fourth = points.filter((s) => s.id.startsWith("part-1-point-4"));
    expect(new Set(fourth.map((s) => s.headline)).size).toBe(1);
    // The point's slides together hold all its paragraphs, verbatim, once, in order.
    expect(fourth.flatMap((s) => s.notes)).toEqual(parseEssay(text).parts[0]?.points[3]?.paragraphs);
  });
});

describe("planning the reference essay and the long essays", () => {
  it("keeps the reference essay one slide per point at full size", () => {
    for (const size of [undefined, { width: 960, height: 700 }]) {
      const deck = plan(readFileSync(referenceEssay, "utf8"), size);
      expect(deck.slides.filter((s) => s.kind === "point")).toHaveLength(16);
      expect(deck.slides.some((s) => s.continued)).toBe(false);
    }
    const deck = plan(readFileSync(referenceEssay, "utf8"));
    expect(deck.slides.filter((s) => s.fit)).toEqual([]);
    // Each section lists all its points, whole, in one column.
    for (const s of deck.slides) {
      if (s.kind !== "section") continue;
      expect(s.listing?.more).toBe(0);
      expect(s.listing?.columns).toBe(1);
      expect(s.listing?.items.every((i) => !i.text.endsWith("…"))).toBe(true);
    }
  });

  it("shrinks a 120-character headline, never below the floor", () => {
    const deck = plan(long("long-headline.zh-Hant.txt"), { width: 960, height: 700 });
    const first = deck.slides.find((s) => s.id === "part-1-point-1");
    expect(first?.fit?.headline).toBeLessThan(1);
    for (const s of deck.slides) {
      expect(s.fit?.headline ?? 1).toBeGreaterThanOrEqual(HEADLINE_SCALES.at(-1) as number);
      expect(s.fit?.body ?? 1).toBeGreaterThanOrEqual(BODY_SCALES.at(-1) as number);
    }
  });

  it("gives thirty points thirty slides", () => {
    const deck = plan(long("thirty-points.zh-Hant.txt"));
    expect(deck.slides.filter((s) => s.kind === "point" && !s.continued)).toHaveLength(30);
  });
});

describe("a headline too long for any slide", () => {
  const ctx = {
    size: { width: 960, height: 700 },
    budget: DEFAULT_BUDGET,
    lang: "zh-Hant",
    continuation: "（續）",
    clean: (s: string) => s,
  };

  it("is shown whole whenever it fits at the floor, as every sensible headline does", () => {
    const h120 = "人工智能的顛覆性創新，".repeat(12);
    expect(shownHeadline(h120, "第一", ctx)).toBe(h120);
  });

  it("is cut after a phrase with an ellipsis when it has no stop for thousands of characters", () => {
    const endless = "沒有句號的長段落，".repeat(300);
    const shown = shownHeadline(endless, "第一", ctx);
    expect(shown.endsWith("…")).toBe(true);
    expect(endless.startsWith(shown.slice(0, -1))).toBe(true);
    expect(shown.length).toBeGreaterThan(50);
    expect(shown.length).toBeLessThan(400);
  });
});

describe("slide text rules", () => {
  const headline = { phrases: ["標題"], label: "第一", context: true };

  it("shows no fragment: a marker alone, a word or two, a cut with unbalanced brackets", () => {
    for (const f of ["4-4.", "1.", "Yes.", "Standard Black English).", "對。", "）而已。"]) expect(isFragment(f), f).toBe(true);
    for (const s of ["人工智能正在改變世界。", "Open models lower the barrier.", "成本（推理）很低。"]) {
      expect(isFragment(s), s).toBe(false);
    }
    const items = candidates(["第一,標題。4-4. Open models lower the barrier for everyone. Yes."], true);
    expect(items.map((c) => c.text)).toEqual(["Open models lower the barrier for everyone."]);
    expect(items[0]?.priority).toBe(0);
  });

  it("shows a body of one sentence even when it is longer than a bullet should be", () => {
    const long = `${"這是一個很長的句子，".repeat(9)}到此為止。`;
    const [share] = shareSlides({
      items: candidates([`第一,標題。${long}`], true),
      paragraphCount: 1,
      headline,
      continuation: "",
    });
    expect(share?.bullets).toEqual([long]);
  });
});
