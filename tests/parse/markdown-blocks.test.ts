/** A Markdown essay's blocks in the Outline: lists, tables, quotes, code, containers, images. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEssay } from "../../src/parse/index.js";
import { fixtures } from "../helpers/paths.js";

const source = readFileSync(path.join(fixtures, "markdown", "blocks.md"), "utf8");
const outline = parseEssay(source, { format: "markdown" });
const md = (text: string) => parseEssay(text, { format: "markdown" });

describe("the Markdown blocks of an essay", () => {
  it("keeps the structure: parts, points, and each block as a paragraph of its point, verbatim", () => {
    expect(outline.parts.map((p) => p.heading)).toEqual(["圖片與列表", "表格、引文與程式碼", "只有圖片的段落", "長表格"]);
    expect(outline.parts[0]?.points.map((p) => p.label)).toEqual(["第一", "第二", "第三"]);
    expect(outline.parts[0]?.points[1]?.paragraphs).toEqual([
      "第二,計畫分為三個步驟。每一步都有負責人。",
      "- 收集資料與訪談\n- 整理分析\n  - 量化指標\n  - 質性回饋\n- 撰寫報告",
    ]);
    expect(outline.parts[0]?.points[2]?.headline).toBe("遠端與遺失的圖片只顯示替代文字![遠端圖](https://example.com/remote.png)");
    expect(outline.parts[1]?.points[2]?.paragraphs.at(-1)).toBe("::: tip\n容器裡的內容照樣顯示。\n:::");
  });

  it("describes each block as plain data, with the line it is on", () => {
    const blocks = (outline.blocks ?? []).filter((b) => b.block);
    const byKind = Object.fromEntries([...blocks].reverse().map((b) => [b.block?.kind, b]));
    expect(blocks.map((b) => [b.line, b.block?.kind])).toEqual([
      [19, "image"],
      [23, "list"],
      [31, "image"],
      [37, "table"],
      [45, "quote"],
      [49, "code"],
      [55, "container"],
      [61, "image"],
      [68, "table"],
    ]);
    expect(byKind.image?.block).toEqual({ kind: "image", images: [{ src: "chart.png", alt: "成長趨勢圖", line: 19 }] });
    expect(byKind.list?.block).toEqual({
      kind: "list",
      ordered: false,
      items: [{ text: "收集資料與訪談" }, { text: "整理分析", items: ["量化指標", "質性回饋"] }, { text: "撰寫報告" }],
    });
    expect(byKind.table?.block).toEqual({
      kind: "table",
      header: ["年份", "營收", "成長率"],
      align: ["left", "right", "center"],
      rows: [
        ["2022", "100", "—"],
        ["2023", "130", "30%"],
        ["2024", "169", "30%"],
      ],
    });
    expect(byKind.quote?.block).toEqual({ kind: "quote", paragraphs: ["創新是區分領導者與追隨者的關鍵。"] });
    expect(byKind.code?.block).toEqual({ kind: "code", lang: "js", text: "function grow(x) {\n  return x * 1.3;\n}" });
    expect(byKind.container?.block).toEqual({ kind: "container", name: "tip", paragraphs: ["容器裡的內容照樣顯示。"] });
    const prose = (outline.blocks ?? []).find((b) => !b.block);
    expect(prose?.images).toEqual([{ src: "https://example.com/remote.png", alt: "遠端圖", line: 29 }]);
  });

  it("reads every image's line, and a title after its path", () => {
    const photo = (outline.blocks ?? []).find((b) => b.block?.kind === "image" && b.line === 61);
    expect(photo?.images).toEqual([{ src: "photo.png", alt: "一張照片", title: "照片說明", line: 61 }]);
  });

  it("reads a 1. 2. list whose items open like points as numbered points, and a bulleted list as a list", () => {
    const points = md("## 一、部分\n\n1. 第一個論點。\n2. 第二個論點。\n");
    expect(points.parts[0]?.points.map((p) => p.label)).toEqual(["1", "2"]);
    expect(points.blocks).toBeUndefined();
    const steps = md("## 一、部分\n\n第一,步驟如下：\n\n- 安裝。\n- 設定。\n\n第二,完成。\n");
    expect(steps.parts[0]?.points.map((p) => p.label)).toEqual(["第一", "第二"]);
    expect(steps.blocks?.[0]?.block).toEqual({ kind: "list", ordered: false, items: [{ text: "安裝。" }, { text: "設定。" }] });
  });

  it("makes a numbered list of phrases a list, not points", () => {
    const steps = md("## 一、部分\n\n第一,步驟如下\n\n1. 安裝套件\n2. 設定主題\n\n第二,完成。\n");
    expect(steps.parts[0]?.points.map((p) => p.label)).toEqual(["第一", "第二"]);
    expect(steps.blocks?.[0]?.block).toEqual({
      kind: "list",
      ordered: true,
      items: [{ text: "安裝套件" }, { text: "設定主題" }],
    });
  });

  it("keeps a task item's box as written", () => {
    const tasks = md("## 一、部分\n\n第一,待辦。\n\n- [ ] 待辦\n- [x] 完成\n");
    expect(tasks.blocks?.[0]?.block).toEqual({
      kind: "list",
      ordered: false,
      items: [{ text: "[ ] 待辦" }, { text: "[x] 完成" }],
    });
  });

  it("reads an indented paragraph as prose, and an unclosed fence as text with a warning", () => {
    const indented = md("## 一、部分\n\n第一,論點。\n\n    縮排的段落。\n");
    expect(indented.parts[0]?.points[0]?.paragraphs).toEqual(["第一,論點。", "縮排的段落。"]);
    expect(indented.blocks).toBeUndefined();
    const open = md("## 一、部分\n\n第一,論點。\n\n```\n程式\n\n第二,另一點。\n");
    expect(open.parts[0]?.points.map((p) => p.label)).toEqual(["第一", "第二"]);
    expect(open.warnings).toContainEqual({ line: 5, message: "``` opens a code block that is never closed: read as text" });
  });

  it("keeps a reference list as one entry an item", () => {
    const refs = md("## 一、部分\n\n第一,論點。\n\n## 參考文獻\n\n- 甲，2020。\n- 乙，2021。\n");
    expect(refs.references).toEqual(["- 甲，2020。", "- 乙，2021。"]);
  });

  it("does not split a sentence at the ! of an image", () => {
    const text = md("## 一、部分\n\n第一,如圖![圖](a.png)所示。後文。\n\n第二,另一點。\n");
    expect(text.parts[0]?.points[0]?.headline).toBe("如圖![圖](a.png)所示");
  });
});
