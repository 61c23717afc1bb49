import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { ExitCode } from "../../src/errors.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay, root } from "../helpers/paths.js";
import { readPptx, slideXml } from "../helpers/pptx.js";

async function run(args: string[], cwd = root) {
  let stderr = "";
  const code = await main(args, { stdout: () => {}, stderr: (t) => (stderr += t), cwd });
  return { code, stderr };
}

const manifest = (dir: string): string[] => JSON.parse(readFileSync(path.join(dir, ".essay-deck-manifest.json"), "utf8")).files;

describe("build --pptx", () => {
  it("writes <essay>.pptx beside index.html, records it, and a later build without --pptx keeps it", async () => {
    const out = tempDir();
    const { code, stderr } = await run(["build", "-o", out, "--pptx"]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/wrote .*essay\.zh-Hant\.pptx: 23 slides, 5 sections, \d+ KiB/);
    const file = path.join(out, "essay.zh-Hant.pptx");
    expect((await readPptx(readFileSync(file))).slides).toHaveLength(23);
    expect(manifest(out)).toContain("essay.zh-Hant.pptx");
    expect((await run(["build", "-o", out, "-q"])).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(manifest(out)).toContain("essay.zh-Hant.pptx");
  });

  it("writes the file named, and never replaces a .pptx in the output folder it did not write", async () => {
    const dir = tempDir();
    expect((await run(["build", referenceEssay, "-o", "out", "--pptx", "talk.pptx", "-q"], dir)).code).toBe(0);
    expect(existsSync(path.join(dir, "talk.pptx"))).toBe(true);
    const out = tempDir();
    writeFileSync(path.join(out, "essay.zh-Hant.pptx"), "mine");
    const refused = await run(["build", "-o", out, "--pptx"]);
    expect(refused.code).toBe(ExitCode.output);
    expect(refused.stderr).toMatch(/essay\.zh-Hant\.pptx exists and was not written by essay-deck/);
    expect(readFileSync(path.join(out, "essay.zh-Hant.pptx"), "utf8")).toBe("mine");
  });

  it("refuses bad export flags before building, with exit 2 and one line", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["--pptx", "talk.ppt"], /must end in \.pptx/],
      [["--png-scale", "2"], /--png-scale needs --png/],
      [["--png", "x", "--png-scale", "huge"], /--png-scale takes a factor/],
      [["--png", "x", "--png-scale", "100000"], /--png-scale takes a factor/],
      [["--pdf", "a.pdf", "--handout", "a.pdf"], /same file/],
      [["--watch", "--pptx"], /--watch rebuilds the HTML deck only: drop --pptx/],
      [["--watch", "--png"], /drop --png/],
    ];
    for (const [flags, message] of cases) {
      const out = tempDir();
      const { code, stderr } = await run(["build", "-o", out, ...flags]);
      expect(code, flags.join(" ")).toBe(ExitCode.usage);
      expect(stderr.trim().split("\n"), flags.join(" ")).toHaveLength(1);
      expect(stderr).toMatch(message);
      expect(existsSync(path.join(out, "index.html"))).toBe(false);
    }
    const out = tempDir();
    expect((await run(["build", "-o", out, "--png", out])).stderr).toMatch(/--png needs a folder of its own/);
  });

  it("refuses PPTX, PNG and single-file exports for a folder of essays, which builds a site", async () => {
    const dir = tempDir();
    for (const name of ["a.txt", "b.txt"]) writeFileSync(path.join(dir, name), "一、標題\n\n第一,要點。說明。\n");
    const { code, stderr } = await run(["build", dir, "-o", path.join(dir, "site"), "--pptx", "--single-file"]);
    expect(code).toBe(ExitCode.usage);
    expect(stderr).toMatch(/a folder build makes a site of HTML decks \(and their PDFs\): drop --pptx, --single-file/);
  });
});

describe("build --pptx of a Markdown essay with blocks", () => {
  it("draws its images as pictures, its tables as tables and its code in a monospaced face", async () => {
    const out = tempDir();
    const essay = path.join(root, "tests", "fixtures", "markdown", "blocks.md");
    expect((await run(["build", essay, "-o", out, "-q", "--pptx"])).code).toBe(0);
    const bytes = readFileSync(path.join(out, "blocks.pptx"));
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((f) => f.startsWith("ppt/media/")).length).toBeGreaterThanOrEqual(2);
    const xml = (await slideXml(bytes)).join("");
    expect(xml).toContain("<a:tbl>");
    expect(xml).toContain('typeface="Noto Sans Mono CJK TC"');
    const text = (await readPptx(bytes)).slideText.join("\n");
    expect(text).toContain("return x * 1.3;");
    expect(text).toContain("2024");
  });
});

describe("build --single-file", () => {
  it("writes index.html alone, reveal.js, notes plugin and theme inside, and removes the assets of an earlier build", async () => {
    const out = tempDir();
    expect((await run(["build", "-o", out, "-q"])).code).toBe(0);
    expect(existsSync(path.join(out, "assets"))).toBe(true);
    const { code, stderr } = await run(["build", "-o", out, "--single-file"]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/index\.html holds the whole deck: \d+ KiB/);
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.map((f) => f.name).sort()).toEqual([".essay-deck-manifest.json", "index.html"]);
    const html = readFileSync(path.join(out, "index.html"), "utf8");
    expect(html).not.toMatch(/<link rel="stylesheet"|<script src=/);
    expect(html).toContain('<script data-src="assets/reveal/plugin/notes.js">');
    expect(html).toContain('<style data-href="assets/theme/essay.css">');
    expect(manifest(out)).toEqual(["index.html"]);
  });
});
