import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectUserError, run, snapshot } from "../hardening/helpers.js";
import { tempDir } from "../helpers/browser.js";
import { fixtures, referenceEssay } from "../helpers/paths.js";

/** A folder of essays of several shapes and languages, one of them broken. */
function essays(): string {
  const dir = tempDir("essay-deck-folder-");
  copyFileSync(referenceEssay, path.join(dir, "reference.txt"));
  copyFileSync(path.join(fixtures, "variants", "english.txt"), path.join(dir, "english.txt"));
  copyFileSync(path.join(fixtures, "variants", "essay.md"), path.join(dir, "markdown.md"));
  mkdirSync(path.join(dir, "2026"));
  copyFileSync(path.join(fixtures, "variants", "simplified.txt"), path.join(dir, "2026", "simplified.txt"));
  return dir;
}

const lines = (stderr: string) => stderr.trimEnd().split("\n");

describe("build FOLDER: a deck per essay and an index page", () => {
  it("builds every essay into its own folder, shares reveal.js and the theme, and lists the decks", async () => {
    const dir = essays();
    const out = path.join(tempDir(), "site");
    const r = await run(["build", dir, "-o", out], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stderr)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[1\/3\] english: \d+ slides$/),
        expect.stringMatching(/^\[2\/3\] markdown: \d+ slides$/),
        "[3/3] reference: 23 slides",
        expect.stringMatching(/index\.html: 3 essays \(3 built, 0 unchanged\)$/),
      ]),
    );
    for (const name of ["english", "markdown", "reference"]) {
      const html = readFileSync(path.join(out, name, "index.html"), "utf8");
      expect(html).toContain('<script src="../assets/reveal/reveal.js">');
      expect(html).toContain('href="../assets/theme/essay.css"');
      expect(existsSync(path.join(out, name, "assets", "reveal"))).toBe(false);
    }
    expect(existsSync(path.join(out, "assets", "reveal", "reveal.js"))).toBe(true);
    // Not recursive: the subfolder's essay is not built.
    expect(existsSync(path.join(out, "2026"))).toBe(false);
    const index = readFileSync(path.join(out, "index.html"), "utf8");
    expect(index).toContain('<a class="site-deck-link" href="reference/">');
    expect(index).toContain("23 張投影片");
    expect(index).toContain("Disruptive Innovation in AI");
    expect(index).toMatch(/<li class="site-deck" lang="en" data-slides="\d+">/);
  });

  it("--recursive builds subfolders too, keeping their layout, with links up to the shared assets", async () => {
    const dir = essays();
    const out = path.join(tempDir(), "site");
    const r = await run(["build", dir, "-o", out, "--recursive"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\[4\/4\] 2026\/simplified: \d+ slides/);
    const html = readFileSync(path.join(out, "2026", "simplified", "index.html"), "utf8");
    expect(html).toContain('<script src="../../assets/reveal/reveal.js">');
    expect(html).toContain('<html lang="zh-Hans">');
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain('href="2026/simplified/"');
  });

  it("an essay that fails is named with its reason; the others build; the exit code is its own", async () => {
    const dir = essays();
    writeFileSync(path.join(dir, "broken.txt"), Buffer.from([0, 1, 2, 3, 0, 0, 9]));
    writeFileSync(path.join(dir, "blank.md"), "   \n\n");
    const out = path.join(tempDir(), "site");
    const r = await run(["build", dir, "-o", out], dir);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^\[1\/5\] blank: failed: .*blank\.md holds only blank lines/m);
    expect(r.stderr).toMatch(/^\[2\/5\] broken: failed: .*binary/m);
    expect(lines(r.stderr).at(-1)).toMatch(/^essay-deck: 2 of 5 essays failed \(blank, broken\)/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    for (const name of ["english", "markdown", "reference"]) expect(existsSync(path.join(out, name, "index.html"))).toBe(true);
    expect(existsSync(path.join(out, "broken"))).toBe(false);
  });

  it("a second build skips every essay that did not change, and rebuilds only the one edited", async () => {
    const dir = essays();
    const out = path.join(tempDir(), "site");
    expect((await run(["build", dir, "-o", out], dir)).code).toBe(0);
    const before = snapshot(out);
    const mtime = (f: string) => statSync(path.join(out, f)).mtimeMs;
    const times = { english: mtime("english/index.html"), reference: mtime("reference/index.html") };
    const again = await run(["build", dir, "-o", out], dir);
    expect(again.stderr).toMatch(/3 essays \(0 built, 3 unchanged\)/);
    expect(snapshot(out)).toEqual(before);
    writeFileSync(
      path.join(dir, "english.txt"),
      `${readFileSync(path.join(dir, "english.txt"), "utf8")}\nOne more closing line.\n`,
    );
    const edited = await run(["build", dir, "-o", out], dir);
    expect(edited.stderr).toMatch(/\[\d\/3\] english: \d+ slides/);
    expect(edited.stderr).toMatch(/\[\d\/3\] reference: unchanged \(23 slides\)/);
    expect(mtime("reference/index.html")).toBe(times.reference);
    expect(mtime("english/index.html")).not.toBe(times.english);
    const after = snapshot(out);
    expect(after["reference/index.html"]).toBe(before["reference/index.html"]);
    expect(after["english/index.html"]).not.toBe(before["english/index.html"]);
  });

  it("a flag that changes the decks builds them all again", async () => {
    const dir = essays();
    const out = path.join(tempDir(), "site");
    expect((await run(["build", dir, "-o", out], dir)).code).toBe(0);
    const themed = await run(["build", dir, "-o", out, "--theme", "stage"], dir);
    expect(themed.stderr).toMatch(/3 essays \(3 built, 0 unchanged\)/);
    expect(readFileSync(path.join(out, "reference", "index.html"), "utf8")).toContain("../assets/theme/stage.css");
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain('href="assets/theme/stage.css"');
  });

  it("a deck changed by hand is neither trusted as unchanged nor overwritten", async () => {
    const dir = essays();
    const out = path.join(tempDir(), "site");
    expect((await run(["build", dir, "-o", out], dir)).code).toBe(0);
    const edited = path.join(out, "english", "index.html");
    writeFileSync(edited, `${readFileSync(edited, "utf8")}<!-- my edit -->`);
    const r = await run(["build", dir, "-o", out], dir);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/\[\d\/3\] english: failed: .*english\/index\.html was changed since essay-deck wrote it/);
    expect(r.stderr).toMatch(/\[\d\/3\] reference: unchanged/);
    expect(readFileSync(edited, "utf8")).toContain("<!-- my edit -->");
  });

  it("two essays with one name keep their extensions; a deck never takes the shared assets folder", async () => {
    const dir = tempDir("essay-deck-folder-");
    copyFileSync(referenceEssay, path.join(dir, "talk.txt"));
    copyFileSync(path.join(fixtures, "variants", "essay.md"), path.join(dir, "talk.md"));
    copyFileSync(path.join(fixtures, "variants", "english.txt"), path.join(dir, "assets.txt"));
    const out = path.join(tempDir(), "site");
    const r = await run(["build", dir, "-o", out], dir);
    expect(r.code, r.stderr).toBe(0);
    for (const name of ["talk-txt", "talk-md", "assets-deck"]) expect(existsSync(path.join(out, name, "index.html"))).toBe(true);
  });

  it("an index state file from elsewhere cannot make the build copy files from the disk", async () => {
    const dir = essays();
    const out = path.join(tempDir(), "site");
    expect((await run(["build", dir, "-o", out], dir)).code).toBe(0);
    const statePath = path.join(out, ".essay-deck-site.json");
    const state = JSON.parse(readFileSync(statePath, "utf8"));
    state.decks.english.shared = { "assets/passwd": "/etc/passwd", "../escape": path.join(out, "index.html") };
    writeFileSync(statePath, JSON.stringify(state));
    await run(["build", dir, "-o", out], dir);
    expect(existsSync(path.join(out, "assets", "passwd"))).toBe(false);
  });

  it("a single essay's deck is not written over a site, nor a site over a single deck", async () => {
    const dir = essays();
    const out = path.join(tempDir(), "site");
    expect((await run(["build", dir, "-o", out], dir)).code).toBe(0);
    const site = snapshot(out);
    expectUserError(await run(["build", referenceEssay, "-o", out], dir), 6, /holds the decks of a folder of essays/);
    expect(snapshot(out)).toEqual(site);
  });

  it("a folder config that titles every essay alike is built, with a warning", async () => {
    const dir = essays();
    writeFileSync(path.join(dir, "essay-deck.config.json"), JSON.stringify({ title: "Same", theme: "paper" }));
    const out = path.join(tempDir(), "site");
    const r = await run(["build", dir, "-o", out], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: essay-deck\.config\.json sets "title" for every essay of the folder/);
    expect(readFileSync(path.join(out, "english", "index.html"), "utf8")).toContain("../assets/theme/paper.css");
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain('href="assets/theme/paper.css"');
  });

  it("--pdf with a file name is refused for a folder: each deck's PDF is named after its essay", async () => {
    const dir = essays();
    const r = await run(["build", dir, "-o", path.join(tempDir(), "site"), "--pdf", "all.pdf"], dir);
    expectUserError(r, 2, /--pdf all\.pdf: a folder build names each deck's PDF after its essay/);
  });

  it("a folder with no essay says so", async () => {
    const dir = tempDir("essay-deck-folder-");
    mkdirSync(path.join(dir, "sub"));
    const r = await run(["build", dir, "-o", path.join(tempDir(), "site"), "--recursive"], dir);
    expectUserError(r, 3, /no essay \(\.txt or \.md\) in folder/);
  });
});

describe("outline FOLDER", () => {
  it("--json prints one outline per essay, named by its path in the folder", async () => {
    const dir = essays();
    const r = await run(["outline", dir, "--json", "--recursive"], dir);
    expect(r.code, r.stderr).toBe(0);
    const outlines = JSON.parse(r.stdout) as Array<{ essay: string; lang: string; parts: unknown[] }>;
    expect(outlines.map((o) => o.essay)).toEqual(["english.txt", "markdown.md", "reference.txt", "2026/simplified.txt"]);
    expect(outlines.map((o) => o.lang)).toEqual(["en", "zh-Hant", "zh-Hant", "zh-Hans"]);
    expect(outlines[2]?.parts).toHaveLength(3);
  });

  it("draws each essay's tree under its name, and names an essay it cannot read", async () => {
    const dir = essays();
    writeFileSync(path.join(dir, "empty.txt"), "");
    const r = await run(["outline", dir], dir);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/^reference\.txt\n.*\[zh-Hant, 51 paragraphs\]/m);
    expect(r.stderr).toMatch(/^essay-deck: empty\.txt: .*empty\.txt is empty/m);
    expect(lines(r.stderr).at(-1)).toMatch(/^essay-deck: 1 of 4 essays could not be read \(empty\.txt\)/);
  });
});
