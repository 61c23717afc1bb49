/** The structure a careful reader finds, one essay shape at a time (tests/fixtures/shapes/). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEssay } from "../../src/parse/index.js";
import { fixtures } from "../helpers/paths.js";

const parse = (name: string) =>
  parseEssay(readFileSync(path.join(fixtures, "shapes", name), "utf8"), { format: name.endsWith(".md") ? "markdown" : "text" });

/** Title, part headings and point headlines: what a reader writes down when outlining an essay. */
function outlineOf(name: string) {
  const o = parse(name);
  return {
    title: o.title,
    parts: o.parts.map((p) => p.heading),
    points: o.parts.map((p) => p.points.map((pt) => pt.headline)),
  };
}

describe("essay shapes", () => {
  it("a government notice: title line, 一、 parts, （一） points, 1. items inside them, signature apart", () => {
    const o = parse("gov-notice.zh-Hans.txt");
    expect(outlineOf("gov-notice.zh-Hans.txt")).toEqual({
      title: "国务院关于推进职业教育改革的实施方案",
      parts: ["总体要求", "具体措施", "保障措施"],
      points: [
        ["指导思想", "主要目标"],
        ["完善国家职业教育制度体系", "构建职业教育国家标准", "促进产教融合校企“双元”育人"],
        ["加强党的领导", "完善政策保障"],
      ],
    });
    expect(o.parts[0]?.points[1]?.paragraphs).toHaveLength(3);
    expect(o.signature).toEqual(["国务院", "2019年1月24日", "（此件公开发布）"]);
    expect(o.preface[0]).toBe("国发〔2019〕4号");
    expect(o.structure).toMatchObject({ title: "first line", parts: { scheme: "一、", count: 3 } });
    expect(o.structure.points).toEqual([{ scheme: "（一）", count: 7 }]);
    expect(o.structure.notes).toEqual(["1. (2): a level below the points, kept inside them"]);
    expect(o.warnings).toEqual([]);
  });

  it("a blog post with unnumbered heading lines, a question among them, and a byline", () => {
    const o = parse("blog-unnumbered.zh-Hant.txt");
    expect(outlineOf("blog-unnumbered.zh-Hant.txt")).toEqual({
      title: "遠距工作的下一步",
      parts: ["為什麼要改變？", "怎麼開始？", "結語"],
      points: [[], [], []],
    });
    expect(o.preface[0]).toBe("文／王小明　2024年3月1日");
    // A lone 最後， in a part with no sequence stays text: no part turns into "points only".
    expect(o.parts[1]?.intro).toHaveLength(2);
    expect(o.structure.notes.join("\n")).toMatch(/最後 \(line 17\): not a numbering/);
  });

  it("a report chapter: 第四章 titles it, 4-1. numbers its parts", () => {
    expect(outlineOf("report-numbered.zh-Hant.txt")).toEqual({
      title: "第四章 數位轉型的現況",
      parts: ["調查方法", "主要發現", "政策建議"],
      points: [[], [], []],
    });
  });

  it("1.1 / 1.2 / 2.1 headings, in order across the level above, without a warning", () => {
    const o = parse("decimal-headings.en.txt");
    expect(o.parts.map((p) => p.label)).toEqual(["1.1", "1.2", "2.1", "2.2"]);
    expect(o.warnings).toEqual([]);
  });

  it("壹、 parts above 一、 points", () => {
    expect(outlineOf("daxie.zh-Hant.txt")).toEqual({
      title: null,
      parts: ["計畫緣起", "執行策略", "預期效益"],
      points: [["現況分析", "問題說明"], ["設備更新", "師資培訓"], []],
    });
  });

  it("a single Second, or Finally, is no numbering", () => {
    const o = parse("stray-ordinals.en.txt");
    expect(o.parts).toHaveLength(1);
    expect(o.parts[0]?.points).toEqual([]);
    expect(o.parts[0]?.intro).toHaveLength(7);
    expect(o.warnings).toEqual([]);
  });

  it("首先 … 再者 … 接下来 … 最后 is one run; a second 最后 closes the essay, with no gap warning", () => {
    const o = parse("sequence-runs.zh-Hans.txt");
    expect(o.parts[0]?.points.map((p) => p.label)).toEqual(["首先", "再者", "接下来", "最后"]);
    expect(o.parts[0]?.closing).toEqual(["最后，别忘了给文章起一个好标题。"]);
    expect(o.warnings).toEqual([]);
  });

  it("points decorated with an emoji, a list dash, a keycap or bold", () => {
    expect(outlineOf("decorated-points.md")).toEqual({
      title: "三個習慣",
      parts: ["為什麼是習慣", "Habits in English"],
      points: [
        ["每天寫下明天的三件事", "每週整理一次桌面", "睡前不看螢幕"],
        ["Write down three things for tomorrow", "Clear your desk once a week", "Keep screens out of the bedroom"],
      ],
    });
  });

  it("Markdown: # titles, ## parts, ### points", () => {
    expect(outlineOf("md-levels.md")).toEqual({
      title: "Remote Work After the Pandemic",
      parts: ["Key Findings", "What Firms Should Do"],
      points: [
        ["Productivity held up", "People moved"],
        ["Measure results, not hours", "Meet on purpose"],
      ],
    });
  });

  it("Markdown: a # title above plain 一、 parts", () => {
    expect(outlineOf("md-title-cjk-parts.md")).toEqual({
      title: "城市的樹",
      parts: ["為什麼要種樹", "怎麼種"],
      points: [
        ["樹讓街道涼快", "樹讓人安心"],
        ["選對樹種", "照顧幼樹"],
      ],
    });
  });

  it("a byline under the title and a signature with a date at the end", () => {
    const o = parse("posted-by.en.txt");
    expect(o.title).toBe("On Slow Reading");
    expect(o.preface).toEqual(["Posted by Jane Doe on March 3, 2024"]);
    expect(o.signature).toEqual(["— Jane Doe", "March 3, 2024"]);
    expect(o.parts[0]?.intro).toHaveLength(4);
  });

  it("no structure at all: one untitled part, no title, no warning", () => {
    const o = parse("flat.zh-Hant.txt");
    expect(o.title).toBeNull();
    expect(o.parts.map((p) => p.intro.length)).toEqual([3]);
    expect(o.warnings).toEqual([]);
  });
});
