/** Markdown blocks planned onto slides and rendered: the Deck model, then the HTML by structure. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import type { PointSlide, Slide, SlideBlock } from "../../src/model/deck.js";
import { parseEssay } from "../../src/parse/index.js";
import { planBookmarks } from "../../src/pdf/bookmarks.js";
import { handoutMarkup } from "../../src/pdf/handout.js";
import { planDeck } from "../../src/plan/index.js";
import { tempDir } from "../helpers/browser.js";
import { fixtures } from "../helpers/paths.js";

const essay = path.join(fixtures, "markdown", "blocks.md");
const images = {
  "chart.png": { path: "assets/images/c-chart.png", width: 480, height: 270 },
  "photo.png": { path: "assets/images/p-photo.png", width: 300, height: 300 },
};
const deck = planDeck(parseEssay(readFileSync(essay, "utf8"), { format: "markdown" }), { images });
const blocksOf = (s: Slide): SlideBlock[] => ("blocks" in s ? (s.blocks ?? []) : []);
const slide = (id: string) => deck.slides.find((s) => s.id === id) as PointSlide;

async function build(file: string, ...flags: string[]) {
  const out = tempDir();
  let stderr = "";
  const code = await main(["build", file, "-o", out, ...flags], {
    stdout: () => {},
    stderr: (t) => (stderr += t),
    cwd: path.dirname(file),
  });
  const html = existsSync(path.join(out, "index.html")) ? readFileSync(path.join(out, "index.html"), "utf8") : "";
  return { code, stderr, out, html };
}

describe("planning Markdown blocks", () => {
  it("shows a point's image below its sentences, fitted to the room left", () => {
    const [image] = blocksOf(slide("part-1-point-1"));
    expect(image).toMatchObject({ kind: "image", src: "assets/images/c-chart.png", alt: "成長趨勢圖", width: 480, height: 270 });
    expect((image as { maxHeight: number }).maxHeight).toBeGreaterThanOrEqual(160);
    expect((image as { maxHeight: number }).maxHeight).toBeLessThanOrEqual(270);
  });

  it("makes a point's list its bullets, items verbatim and nesting kept, with the list in the notes", () => {
    const s = slide("part-1-point-2");
    expect(s.bullets).toEqual([]);
    expect(blocksOf(s)).toEqual([
      {
        kind: "list",
        ordered: false,
        items: [{ text: "收集資料與訪談" }, { text: "整理分析", items: ["量化指標", "質性回饋"] }, { text: "撰寫報告" }],
      },
    ]);
    expect(s.notes).toContain("- 收集資料與訪談\n- 整理分析\n  - 量化指標\n  - 質性回饋\n- 撰寫報告");
  });

  it("shows a remote or missing image as its alt text", () => {
    const s = slide("part-1-point-3");
    expect(s.headline).toBe("遠端與遺失的圖片只顯示替代文字");
    expect(blocksOf(s)).toEqual([{ kind: "image", alt: "遺失的圖" }]);
  });

  it("puts a table on a slide of its own, a quote and code below their points", () => {
    expect(blocksOf(slide("part-2-point-1")).map((b) => b.kind)).toEqual(["table"]);
    expect(blocksOf(slide("part-2-point-2")).map((b) => b.kind)).toEqual(["quote"]);
    expect(blocksOf(slide("part-2-point-3")).map((b) => b.kind)).toEqual(["code", "container"]);
  });

  it("gives an image-only paragraph an image slide without a headline", () => {
    const s = deck.slides.find((x) => x.id === "part-3-paragraph-1") as Slide & { headline: string };
    expect(s.kind).toBe("paragraph");
    expect(s.headline).toBe("");
    expect(blocksOf(s)).toMatchObject([{ kind: "image", src: "assets/images/p-photo.png", title: "照片說明" }]);
  });

  it("gives a block in a part's intro a slide after the section's, its notes with it", () => {
    const intro = planDeck(
      parseEssay("## 一、部分\n\n開場白。\n\n| a | b |\n|--|--|\n| 1 | 2 |\n\n第一,論點。\n\n第二,另一點。\n", {
        format: "markdown",
      }),
    );
    expect(intro.slides.map((s) => s.id).slice(0, 4)).toEqual(["title", "part-1", "part-1-intro-1", "part-1-point-1"]);
    expect(intro.slides[1]?.notes).toEqual(["開場白。"]);
    expect(intro.slides[2]?.notes).toEqual(["| a | b |\n|--|--|\n| 1 | 2 |"]);
    expect(blocksOf(intro.slides[2] as Slide).map((b) => b.kind)).toEqual(["table"]);
  });

  it("prints a block's notes in the handout in its shape, as the speaker view shows them", () => {
    const html = handoutMarkup(deck, { layout: "notes" });
    expect(html).toMatch(/<ul class="note-list"><li>收集資料與訪談<\/li><li>整理分析<ul><li>量化指標<\/li>/);
    expect(html).toContain('<p class="note-table">年份 | 營收 | 成長率<br>2022 | 100 | —');
    expect(html).toContain('<pre class="note-code"><code>function grow(x) {\n  return x * 1.3;\n}</code></pre>');
    expect(html).not.toContain("| 年份 |");
  });

  it("lists no empty bookmark for a figure's slide", () => {
    const titles = planBookmarks(deck).flatMap((b) => [b.title, ...b.children.map((c) => c.title)]);
    expect(titles.filter((t) => t.trim() === "")).toEqual([]);
    expect(titles).toContain("三、只有圖片的段落");
  });

  it("continues a table too long for one slide, its header repeated on each, at a scale no smaller than the floor", () => {
    const rows = Array.from({ length: 40 }, (_, i) => `| ${2000 + i} | ${i * 10} |`).join("\n");
    const long = planDeck(parseEssay(`## 一、表\n\n第一,長表。\n\n| 年 | 值 |\n|--|--|\n${rows}\n`, { format: "markdown" }));
    const tables = long.slides.flatMap(blocksOf).filter((b): b is Extract<SlideBlock, { kind: "table" }> => b.kind === "table");
    expect(tables.length).toBeGreaterThan(1);
    for (const t of tables) {
      expect(t.header).toEqual(["年", "值"]);
      expect(t.scale).toBeGreaterThanOrEqual(0.72);
    }
    expect(tables.flatMap((t) => t.rows)).toHaveLength(40);
    expect(long.slides.filter((s) => s.continued)).toHaveLength(tables.length - 1);
  });
});

describe("building a Markdown essay with blocks", () => {
  it("copies local images into the deck and warns, naming the file and line, for remote and missing ones", async () => {
    const { code, stderr, out, html } = await build(essay);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(
      'blocks.md:29: image https://example.com/remote.png is not fetched (the deck stays offline): its alt text "遠端圖" is shown',
    );
    expect(stderr).toContain(
      'blocks.md:31: image missing.png was not found (check the path, relative to the essay): its alt text "遺失的圖" is shown',
    );
    const srcs = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1] as string);
    expect(srcs).toHaveLength(2);
    for (const src of srcs) {
      expect(src).toMatch(/^assets\/images\/[0-9a-f]{10}-(chart|photo)\.png$/);
      expect(readFileSync(path.join(out, src))).toEqual(readFileSync(path.join(fixtures, "markdown", src.replace(/^.*-/, ""))));
    }
    expect(html).not.toContain("example.com/remote.png");
    expect(html).toContain('href="assets/essay-deck-blocks.css"');
  });

  it("renders each block by structure, on the slide and in the notes", async () => {
    const { html } = await build(essay);
    const section = (id: string) => new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? "";
    expect(section("part-1-point-2")).toMatch(
      /<ul class="block block-list"><li>收集資料與訪談<\/li><li>整理分析<ul><li>量化指標<\/li><li>質性回饋<\/li><\/ul><\/li><li>撰寫報告<\/li><\/ul>/,
    );
    expect(section("part-1-point-2")).toMatch(/<aside class="notes">[\s\S]*<ul class="note-list"><li>收集資料與訪談/);
    const table = section("part-2-point-1");
    expect(table.match(/<th[ >]/g)).toHaveLength(3);
    expect(table.match(/<tr>/g)).toHaveLength(4);
    expect(table).toContain('<td style="text-align: right">130</td>');
    expect(table).toMatch(/<p class="note-table">年份 \| 營收 \| 成長率<br>2022 \| 100 \| —/);
    expect(section("part-2-point-2")).toContain(
      '<blockquote class="block block-quote"><p>創新是區分領導者與追隨者的關鍵。</p></blockquote>',
    );
    expect(section("part-2-point-3")).toContain(
      '<pre class="block block-code"><code data-lang="js">function grow(x) {\n  return x * 1.3;\n}</code></pre>',
    );
    expect(section("part-2-point-3")).toContain(
      '<div class="block block-container" data-name="tip"><p>容器裡的內容照樣顯示。</p></div>',
    );
    expect(section("part-1-point-3")).toContain(
      '<figure class="block block-image" data-missing="true"><figcaption>遺失的圖</figcaption></figure>',
    );
    expect(section("part-3-paragraph-1")).toMatch(
      /<img src="assets\/images\/[0-9a-f]+-photo\.png" alt="一張照片" width="300" height="300" style="max-height: \d+px"><figcaption>照片說明<\/figcaption>/,
    );
  });

  it("names each point's blocks in the outline tree", async () => {
    let stdout = "";
    const code = await main(["outline", essay], { stdout: (t) => (stdout += t), stderr: () => {}, cwd: path.dirname(essay) });
    expect(code).toBe(0);
    expect(stdout).toContain("第二  計畫分為三個步驟  (2 ¶: list)");
    expect(stdout).toContain("第三  程式碼保留換行  (3 ¶: code, container)");
  });

  it("does not copy an image outside the essay's folder", async () => {
    const dir = tempDir();
    const { writeFileSync, mkdirSync, copyFileSync } = await import("node:fs");
    mkdirSync(path.join(dir, "talk"));
    copyFileSync(path.join(fixtures, "markdown", "chart.png"), path.join(dir, "secret.png"));
    writeFileSync(
      path.join(dir, "talk", "essay.md"),
      "## 一、部分\n\n第一,論點。\n\n![秘密](../secret.png)\n\n![絕對](/etc/passwd)\n",
    );
    const { code, stderr, out, html } = await build(path.join(dir, "talk", "essay.md"));
    expect(code).toBe(0);
    expect(stderr).toContain(
      "essay.md:5: image ../secret.png is outside the essay's folder, so it is not copied (put it beside the essay)",
    );
    expect(stderr).toContain("essay.md:7: image /etc/passwd is outside the essay's folder");
    expect(html).not.toContain("<img");
    expect(existsSync(path.join(out, "assets", "images"))).toBe(false);
  });
});
