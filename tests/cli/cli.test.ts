import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/errors.js";
import { tempDir } from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import { fixtures, root } from "../helpers/paths.js";

const run = (args: string[], cwd = root) => runCli(args, cwd);

describe("essay-deck build", () => {
  it("builds the essay in content/ by default, with the title from its config", async () => {
    const out = tempDir();
    const { code, stderr } = await run(["build", "-o", out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/23 slides \(3 parts, 16 points\)/);
    const html = readFileSync(path.join(out, "index.html"), "utf8");
    expect(html).toContain("<title>人工智能的顛覆性創新</title>");
    expect(existsSync(path.join(out, "assets", "reveal", "reveal.js"))).toBe(true);
  });

  it("lets flags win over the config file", async () => {
    const out = tempDir();
    await run(["build", "-o", out, "--title", "Flag <title>", "-q"]);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("<title>Flag &lt;title&gt;</title>");
  });

  it("builds a Markdown essay with its front matter", async () => {
    const out = tempDir();
    const { code } = await run(["build", path.join(fixtures, "variants", "essay.md"), "-o", out, "-q"]);
    expect(code).toBe(0);
    const html = readFileSync(path.join(out, "index.html"), "utf8");
    expect(html).toContain('<p class="deck-author">王小明</p>');
  });

  it("fails with one line and exit 3 when the essay does not exist", async () => {
    const { code, stderr } = await run(["build", "nope.txt", "-o", tempDir()]);
    expect(code).toBe(ExitCode.inputMissing);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^essay-deck: essay not found: .*nope\.txt/);
  });

  it("fails with exit 2 on an unknown flag and exit 5 on an unknown theme", async () => {
    expect((await run(["build", "--nope"])).code).toBe(ExitCode.usage);
    const theme = await run(["build", "-o", tempDir(), "--theme", "nope"]);
    expect(theme.code).toBe(ExitCode.config);
    expect(theme.stderr).toMatch(/unknown theme "nope": use one of essay, /);
  });

  it("refuses front matter whose title is not text, naming the key", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "essay.md"), "---\ntitle: true\n---\n\n## 一、標題\n\n第一,要點。說明。\n");
    const { code, stderr } = await run(["build", path.join(dir, "essay.md"), "-o", path.join(dir, "out")]);
    expect(code).toBe(ExitCode.config);
    expect(stderr).toMatch(/essay\.md front matter: "title" must be a non-empty string \(got true\)/);
  });

  it("refuses a --lang that is not a language tag, as it does in a config file", async () => {
    const { code, stderr } = await run(["build", "-o", tempDir(), "--lang", "not a tag"]);
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toContain(`--lang must be a language tag such as zh-Hant, zh-Hans or en (got "not a tag")`);
  });

  it("writes a zh-MY deck in Simplified words (one rule says which script a tag is in)", async () => {
    const out = tempDir();
    expect((await run(["build", "-o", out, "-q", "--script", "hans", "--lang", "zh-MY"])).code).toBe(0);
    const html = readFileSync(path.join(out, "index.html"), "utf8");
    expect(html).toContain("小结");
    expect(html).not.toMatch(/小結|預估/);
  });

  it("never overwrites a file it did not write", async () => {
    const out = tempDir();
    writeFileSync(path.join(out, "index.html"), "mine");
    const { code, stderr } = await run(["build", "-o", out]);
    expect(code).toBe(ExitCode.output);
    expect(stderr).toMatch(/was not written by essay-deck/);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe("mine");
  });

  it("rebuilds over its own output, leaving the user's other files alone", async () => {
    const out = tempDir();
    writeFileSync(path.join(out, "notes.txt"), "mine");
    expect((await run(["build", "-o", out, "-q"])).code).toBe(0);
    expect((await run(["build", "-o", out, "-q", "--theme", "black"])).code).toBe(0);
    expect(readFileSync(path.join(out, "notes.txt"), "utf8")).toBe("mine");
    expect(existsSync(path.join(out, "assets", "theme", "black.css"))).toBe(true);
    expect(existsSync(path.join(out, "assets", "theme", "essay.css"))).toBe(false);
  });

  it("reads a folder holding exactly one essay", async () => {
    const dir = tempDir();
    cpSync(path.join(fixtures, "variants", "simplified.txt"), path.join(dir, "a.txt"));
    const { code } = await run(["build", dir, "-o", path.join(dir, "out"), "-q"]);
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, "out", "index.html"), "utf8")).toContain('lang="zh-Hans"');
  });
});

describe("essay-deck outline", () => {
  it("prints the outline as JSON in the documented shape", async () => {
    const { code, stdout } = await run(["outline", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["title", "lang", "parts", "references", "structure"]);
    expect(json.structure).toEqual({
      parts: { scheme: "一、", count: 3 },
      points: [{ scheme: "第一，", count: 16 }],
      notes: [],
      title: null,
    });
    expect(json.title).toBe("人工智能的顛覆性創新");
    expect(json.parts).toHaveLength(3);
    expect(Object.keys(json.parts[0])).toEqual(["label", "heading", "intro", "points", "closing"]);
    expect(Object.keys(json.parts[0].points[0])).toEqual(["label", "headline", "paragraphs"]);
    expect(json.parts[0].points[0].paragraphs[0]).toMatch(/^第一,顛覆性創新的重要性。/);
  });

  it("prints a tree and warnings on stderr", async () => {
    const { code, stdout, stderr } = await run(["outline", path.join(fixtures, "variants", "gaps.txt")]);
    expect(code).toBe(0);
    expect(stdout).toContain("├─ 一、編號有缺口");
    expect(stderr).toMatch(/warning: gaps\.txt:4: .*第一 is followed by 第三/);
  });
});

describe("help and version", () => {
  it("exits 0 for --help and --version", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
    const version = await run(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version);
  });
});
