/** Essays with odd structure or odd size still make a deck: warnings, never a crash or a hang. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ReferencesSlide } from "../../src/model/deck.js";
import { parseEssay } from "../../src/parse/index.js";
import { planDeck } from "../../src/plan/index.js";
import { tempDir } from "../helpers/browser.js";
import { run } from "./helpers.js";

async function buildEssay(name: string, text: string) {
  const work = tempDir("essay-deck-shape-");
  writeFileSync(path.join(work, name), text);
  const result = await run(["build", name, "-o", "out"], work);
  const html = result.code === 0 ? readFileSync(path.join(work, "out", "index.html"), "utf8") : "";
  const warnings = result.stderr.split("\n").filter((l) => l.startsWith("warning: "));
  return { ...result, html, warnings };
}

describe("odd structure", () => {
  it("warns about a gap in point numbering and still builds every point", async () => {
    const r = await buildEssay("gap.txt", "一、標題\n第一,甲很重要。\n第三,乙也重要。\n二、第二部分\n第一,丙。\n");
    expect(r.code, r.stderr).toBe(0);
    expect(r.warnings.join("\n")).toMatch(/第一 is followed by 第三/);
    expect(r.html.match(/data-kind="point"/g)).toHaveLength(3);
  });

  it("warns about duplicate points and parts, and keeps both", async () => {
    const r = await buildEssay("dup.txt", "一、標題\n第一,甲。\n第一,乙。\n一、又一個一\n第一,丙。\n");
    expect(r.code, r.stderr).toBe(0);
    expect(r.warnings.join("\n")).toMatch(/第一/);
    expect(r.warnings.length).toBeGreaterThanOrEqual(2);
    for (const text of ["甲。", "乙。", "丙。"]) expect(r.html).toContain(text);
  });

  it("reads an essay with no structure at all as one part, one slide a paragraph", async () => {
    const r = await buildEssay("flat.txt", "這是一段沒有結構的文字。\n\n這是第二段，也沒有編號。\n");
    expect(r.code, r.stderr).toBe(0);
    expect(r.warnings.join("\n")).not.toMatch(/no part headings|numbered points/);
    expect(r.html.match(/data-kind="paragraph"/g)).toHaveLength(2);
  });

  it("builds a one-line essay, and one made only of headings", async () => {
    expect((await buildEssay("one.txt", "只有一句話")).code).toBe(0);
    const headings = await buildEssay("h.md", "# 一\n\n## 二\n\n## 三\n");
    expect(headings.code, headings.stderr).toBe(0);
  });
});

describe("many warnings", () => {
  it("shows the first 25 of an essay's warnings and counts the rest", async () => {
    const parts = Array.from({ length: 60 }, () => "一、又是第一部分\n第一,內容。\n").join("");
    const r = await buildEssay("repeated.txt", parts);
    expect(r.code, r.stderr).toBe(0);
    const essay = r.warnings.filter((w) => !/no title found/.test(w));
    expect(essay).toHaveLength(26);
    expect(essay.at(-1)).toMatch(/^warning: repeated\.txt: 34 more warnings not shown$/);
  });
});

describe("long reference lists", () => {
  it("shows all of 30 references over several slides, and keeps one too long for any slide in the notes", () => {
    const entries = Array.from({ length: 30 }, (_, i) => `作者${i + 1}，〈文章〉，2024。`);
    const huge = "很長的參考文獻。".repeat(600);
    const essay = `一、標題\n第一,內容。\n參考文獻:\n${[...entries.slice(0, 5), huge, ...entries.slice(5)].join("\n")}\n`;
    const deck = planDeck(parseEssay(essay));
    const slides = deck.slides.filter((s): s is ReferencesSlide => s.kind === "references");
    expect(slides.length).toBeGreaterThanOrEqual(3);
    expect(slides.flatMap((s) => s.entries)).toEqual(entries);
    expect(slides.flatMap((s) => s.notes)).toEqual([huge]);
    expect(slides.slice(1).every((s) => s.continued)).toBe(true);
  });
});

describe("odd size", () => {
  it("builds an essay that is a single 1 MB line", async () => {
    const r = await buildEssay("line.txt", `一、標題\n第一,${"人工智能很重要，".repeat(131_072)}`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.html.length).toBeGreaterThan(1_000_000);
  });

  it("renders 1 MB of unmatched Markdown emphasis markers literally instead of hanging", async () => {
    const r = await buildEssay("stars.md", `# 一、標題\n\n第一,${"**x_".repeat(262_144)}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.html).toContain("**x_**x_**x_");
  });

  it("joins a 2 MB hard-wrapped Markdown paragraph in linear time", async () => {
    const r = await buildEssay("wrapped.md", `${"_a".repeat(100)}\n`.repeat(10_000));
    expect(r.code, r.stderr).toBe(0);
    expect(r.html).toContain("_a_a_a");
  });
});
