import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { validateSettings } from "../../src/config/validate.js";
import { parseEssay } from "../../src/parse/index.js";
import { planDeck } from "../../src/plan/index.js";
import { formatDuration, speakingSeconds } from "../../src/plan/timing.js";
import { root } from "../helpers/paths.js";

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
    // The whole talk: the points' 91 s, and a glance at the title (10 s) and the section (5 s).
    expect(deck.slides[0]?.speaking?.label).toMatch(/^全場預估講述時間：約 1 分 50 秒（\d+ 張投影片）$/);
    expect(deck.slides.reduce((sum, s) => sum + (s.timing ?? 0), 0)).toBe(deck.pacing.seconds);
    // The notes themselves stay the paragraphs, verbatim.
    expect(points[0]?.notes).toEqual([`第一,標題。${"字".repeat(239)}`]);
  });
});

describe("the speaking pace setting", () => {
  it("takes cpm and wpm from a config file, within sensible bounds", () => {
    const ok = validateSettings({ cpm: 300, wpm: "160" }, "essay-deck.config.json");
    expect(ok.settings).toEqual({ cpm: 300, wpm: 160 });
    const bad = validateSettings({ cpm: 5, wpm: "fast" }, "essay-deck.config.json");
    expect(bad.errors).toHaveLength(2);
    expect(bad.errors[0]).toMatch(/^essay-deck.config.json: "cpm" must be a number of characters per minute/);
  });

  it("takes --cpm on the command line: a faster pace, a shorter talk", async () => {
    const times: string[] = [];
    for (const cpm of ["240", "480"]) {
      const out = mkdtempSync(path.join(os.tmpdir(), "essay-deck-"));
      const code = await main(["build", "-o", out, "-q", "--cpm", cpm], { stdout: () => {}, stderr: () => {}, cwd: root });
      expect(code).toBe(0);
      const html = readFileSync(path.join(out, "index.html"), "utf8");
      times.push(/notes-timing">全場預估講述時間：約 (\d+) 分/.exec(html)?.[1] ?? "");
    }
    expect(Number(times[0])).toBeGreaterThan(20);
    expect(Number(times[1])).toBeCloseTo(Number(times[0]) / 2, -1);
  });
});
