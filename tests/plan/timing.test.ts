import { describe, expect, it } from "vitest";
import { parseEssay } from "../../src/parse/index.js";
import { planDeck } from "../../src/plan/index.js";
import { formatDuration, speakingSeconds } from "../../src/plan/timing.js";

describe("speaking time", () => {
  it("reads CJK characters at 240 a minute and English words at 140", () => {
    expect(speakingSeconds(["字".repeat(240)])).toBe(60);
    expect(speakingSeconds([Array.from({ length: 140 }, () => "word").join(" ")])).toBe(60);
    expect(speakingSeconds(["字".repeat(120)], { cpm: 120, wpm: 140 })).toBe(60);
    // Mixed text counts both: 4 characters and the word DeepSeek.
    expect(speakingSeconds(["人工智能DeepSeek"], { cpm: 60, wpm: 60 })).toBe(5);
  });

  it("says durations as people do", () => {
    expect(formatDuration(83, "zh-Hant")).toBe("1 分 20 秒");
    expect(formatDuration(12, "en")).toBe("10 s");
    expect(formatDuration(120, "en")).toBe("2 min");
  });

  it("puts the time at the top of each slide's notes and the total on the title slide", () => {
    const essay = `一、部分\n引言。\n第一,標題。${"字".repeat(239)}\n第二,另一個。${"字".repeat(116)}`;
    const deck = planDeck(parseEssay(essay), { speaking: { cpm: 240 } });
    const points = deck.slides.filter((s) => s.kind === "point");
    expect(points.map((s) => s.speaking?.seconds)).toEqual([61, 30]);
    expect(points[0]?.speaking?.label).toBe("預估講述時間：約 1 分");
    expect(deck.slides[0]?.speaking?.label).toMatch(/^全場預估講述時間：約 1 分 30 秒（\d+ 張投影片）$/);
    // The notes themselves stay the paragraphs, verbatim.
    expect(points[0]?.notes).toEqual([`第一,標題。${"字".repeat(239)}`]);
  });
});
