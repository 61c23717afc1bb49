/** YAML front matter: every YAML form a writer uses, read by a real YAML parser, against expected values. */
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/parse/frontmatter.js";
import { parseEssay } from "../../src/parse/index.js";

const essay = (yaml: string) => parseEssay(`---\n${yaml}\n---\n\n## 一、部分\n\n第一,內容。\n`, { format: "markdown" });

describe("front matter", () => {
  it("reads quoted strings, folded and literal blocks, dates and numbers as their text", () => {
    const { meta, warnings } = essay(
      [
        'title: "引號: 裡的冒號 # 不是註解"',
        "subtitle: >",
        "  folded text",
        "  on two lines",
        "date: 2024-05-01",
        "cpm: 260",
        "notes: |",
        "  line one",
        "  line two",
        "theme: 'paper'",
      ].join("\n"),
    );
    expect(warnings).toEqual([]);
    expect(meta.title).toBe("引號: 裡的冒號 # 不是註解");
    expect(meta.subtitle).toBe("folded text on two lines");
    expect(meta.date).toBe("2024-05-01");
    expect(meta.theme).toBe("paper");
    expect(meta.extra.cpm).toBe(260);
    expect(meta.extra.notes).toBe("line one\nline two\n");
  });

  it("reads a quoted title continued on an unindented line, as Jekyll and Hugo do", () => {
    const fm = splitFrontMatter(
      '---\ntitle: "Two exercises for improving\npractice"\ndate: 2018-10-23\nauthors:\n- andrewmaier\n---\n\nText.\n',
    );
    expect(fm.errors).toEqual([]);
    expect(fm.data.title).toBe("Two exercises for improving practice");
    expect(fm.data.authors).toEqual(["andrewmaier"]);
    expect(splitFrontMatter('---\ntitle: "never closed\n---\n').errors).toHaveLength(1);
  });

  it("joins a list of authors as the essay's language does", () => {
    expect(essay("author:\n  - 王小明\n  - 李四\n  - 張三").meta.author).toBe("王小明、李四和張三");
    expect(essay("lang: en\nauthor: [Ada Lovelace, Alan Turing]").meta.author).toBe("Ada Lovelace and Alan Turing");
    expect(essay("author: [王小明]").meta.author).toBe("王小明");
  });

  it("keeps a title YAML reads as a number as the text written", () => {
    expect(essay("title: 1984").meta.title).toBe("1984");
  });

  it("leaves a value of the wrong type to the validator, which names the key", () => {
    const { meta } = essay("title: [a, b]\nauthor:\n  - name: x");
    expect(meta.title).toBeUndefined();
    expect(meta.extra.title).toEqual(["a", "b"]);
    expect(meta.extra.author).toEqual([{ name: "x" }]);
  });

  it("drops __proto__, constructor and prototype keys at any depth", () => {
    const { meta } = essay(
      "__proto__: {polluted: yes}\nconstructor: x\nreveal:\n  __proto__: {polluted: yes}\n  controls: false",
    );
    expect(Object.keys(meta.extra)).toEqual(["reveal"]);
    expect(Object.keys(meta.extra.reveal as object)).toEqual(["controls"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports a YAML syntax error, duplicate keys and an alias bomb as a warning, and ignores the settings", () => {
    expect(essay("title: [unclosed").warnings[0]?.message).toMatch(
      /^front matter line \d+: .+ \(fix the YAML; its settings were ignored\)$/,
    );
    expect(essay("title: a\ntitle: b").warnings[0]?.message).toMatch(/Map keys must be unique/);
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [${Array(9).fill("*a").join(",")}]\nc: [${Array(60).fill("*b").join(",")}]`;
    const parsed = essay(bomb);
    expect(parsed.warnings[0]?.message).toMatch(/front matter: .*alias/i);
    expect(parsed.meta.extra).toEqual({});
  });

  it("is no front matter when it is not YAML key: value lines", () => {
    expect(essay("- just\n- a list").warnings[0]?.message).toMatch(/must be "key: value" lines/);
  });
});

describe("front matter in a build", () => {
  it("refuses Reveal.js options from an essay, which may come from someone else", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { main } = await import("../../src/cli/index.js");
    const dir = mkdtempSync(path.join(os.tmpdir(), "essay-deck-fm-"));
    writeFileSync(path.join(dir, "essay.md"), "---\nreveal:\n  autoSlide: 1\n---\n\n## 一、部分\n\n第一,內容。\n");
    let stderr = "";
    const code = await main(["build", "essay.md", "-o", "out"], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: dir });
    expect(code).toBe(5);
    expect(stderr).toContain('essay.md front matter: "reveal" is taken only from essay-deck.config.json');
  });
});
