/** Settings through the CLI: config file, front matter and flags, their precedence and their errors. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/errors.js";
import { tempDir } from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";

const ESSAY = `一、第一部分

第一,甲乙丙是重要的。這是支持的內容。

第二,丁戊己很好。更多內容在這裡。
`;
const FRONT = "---\ntitle: 前言標題\ntheme: paper\nauthor: 前言作者\ndate: 2024\n---\n\n";

const run = (cwd: string, ...argv: string[]) => runCli(argv, cwd);

/** A folder with essay.md (front matter) and optionally essay-deck.config.json. */
function project(config?: unknown, front = FRONT): string {
  const dir = tempDir("essay-deck-config-");
  writeFileSync(path.join(dir, "essay.md"), front + ESSAY);
  if (config !== undefined) {
    writeFileSync(path.join(dir, "essay-deck.config.json"), typeof config === "string" ? config : JSON.stringify(config));
  }
  return dir;
}

const page = (dir: string, out = "dist") => readFileSync(path.join(dir, out, "index.html"), "utf8");
const revealConfig = (html: string) =>
  JSON.parse(/Reveal\.initialize\(Object\.assign\((\{.*?\}), \{ plugins/.exec(html)?.[1] ?? "{}") as Record<string, unknown>;
const titleOf = (html: string) => /<title>(.*?)<\/title>/.exec(html)?.[1];
const themeOf = (html: string) => /data-theme="([^"]*)"/.exec(html)?.[1];

describe("settings precedence: flags > config file > front matter > defaults", () => {
  it("uses front matter when nothing else is given", async () => {
    const dir = project();
    expect((await run(dir, "build", "essay.md", "-q")).code).toBe(0);
    const html = page(dir);
    expect(titleOf(html)).toBe("前言標題");
    expect(themeOf(html)).toBe("paper");
    expect(html).toContain('class="deck-author">前言作者');
  });

  it("lets the config file beside the essay win over front matter, and flags over both", async () => {
    const dir = project({ title: "設定標題", theme: "stage", transition: "fade" });
    expect((await run(dir, "build", "essay.md", "-q")).code).toBe(0);
    let html = page(dir);
    expect(titleOf(html)).toBe("設定標題");
    expect(themeOf(html)).toBe("stage");
    expect(html).toContain('class="deck-author">前言作者');
    expect(revealConfig(html).transition).toBe("fade");

    const flagged = await run(
      dir,
      "build",
      "essay.md",
      "-q",
      "--title",
      "旗標標題",
      "--transition",
      "zoom",
      "--theme",
      "projector",
    );
    expect(flagged.code).toBe(0);
    html = page(dir);
    expect(titleOf(html)).toBe("旗標標題");
    expect(themeOf(html)).toBe("projector");
    expect(revealConfig(html).transition).toBe("zoom");
  });

  it("falls back to the defaults: theme essay, 1280x720, slide numbers c/t", async () => {
    const dir = project(undefined, "");
    expect((await run(dir, "build", "essay.md", "-q")).code).toBe(0);
    const html = page(dir);
    expect(themeOf(html)).toBe("essay");
    expect(revealConfig(html)).toMatchObject({ width: 1280, height: 720, slideNumber: "c/t", transition: "slide" });
  });

  it("passes size, slide numbers, transition and reveal options through to Reveal.initialize", async () => {
    const dir = project({ size: "1920x1080", slideNumber: false, reveal: { controls: false, hash: false } });
    expect((await run(dir, "build", "essay.md", "-q")).code).toBe(0);
    expect(revealConfig(page(dir))).toMatchObject({
      width: 1920,
      height: 1080,
      slideNumber: false,
      controls: false,
      hash: false,
    });
    expect((await run(dir, "build", "essay.md", "-q", "--slide-number", "--size", "4:3")).code).toBe(0);
    expect(revealConfig(page(dir))).toMatchObject({ width: 960, height: 720, slideNumber: true });
    expect((await run(dir, "build", "essay.md", "-q", "--slide-number", "h/v")).code).toBe(0);
    expect(revealConfig(page(dir)).slideNumber).toBe("h/v");
    expect((await run(dir, "build", "essay.md", "-q", "--no-slide-number")).code).toBe(0);
    expect(revealConfig(page(dir)).slideNumber).toBe(false);
  });

  it("reads --config from anywhere and resolves its paths against its own folder", async () => {
    const dir = project(undefined, "");
    const settingsDir = path.join(dir, "settings");
    mkdirSync(settingsDir);
    writeFileSync(path.join(settingsDir, "extra.css"), ".reveal h2 { color: rgb(1, 2, 3); }\n");
    writeFileSync(path.join(settingsDir, "talk.json"), JSON.stringify({ css: "extra.css", theme: "black" }));
    const elsewhere = tempDir("essay-deck-cwd-");
    const essay = path.join(dir, "essay.md");
    const r = await run(elsewhere, "build", essay, "-q", "--title", "T", "--config", path.join(settingsDir, "talk.json"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(elsewhere, "dist", "assets", "extra", "extra.css"), "utf8")).toContain("rgb(1, 2, 3)");
    expect(themeOf(page(elsewhere))).toBe("black");
  });
});

describe("front matter paths", () => {
  it("resolves a css file named in front matter against the essay's folder", async () => {
    const dir = project(undefined, "---\ntitle: T\ncss: look/talk.css\n---\n\n");
    mkdirSync(path.join(dir, "look"));
    writeFileSync(path.join(dir, "look", "talk.css"), ".reveal h2 { color: rgb(4, 5, 6); }\n");
    const elsewhere = tempDir("essay-deck-cwd-");
    const r = await run(elsewhere, "build", path.join(dir, "essay.md"), "-q");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(elsewhere, "dist", "assets", "extra", "talk.css"), "utf8")).toContain("rgb(4, 5, 6)");
  });
});

describe("bad settings", () => {
  it("fails on broken JSON naming the file and the place", async () => {
    const dir = project('{\n  "title": "x",\n}\n');
    const r = await run(dir, "build", "essay.md", "-q");
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toMatch(/essay-deck\.config\.json:3:1 is not valid JSON/);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("fails on a wrong value naming the file, the key and what is allowed", async () => {
    const dir = project({ layout: "grid", size: "huge" });
    const r = await run(dir, "build", "essay.md", "-q");
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toContain('essay-deck.config.json: "layout" must be "flat" or "stacked" (got "grid")');
    expect(r.stderr).toContain('essay-deck.config.json: "size" must be "16:9", "4:3" or WIDTHxHEIGHT');
  });

  it("fails on a wrong value in front matter naming the essay", async () => {
    const dir = project(undefined, "---\ntransition: spin\n---\n\n");
    const r = await run(dir, "build", "essay.md", "-q");
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toContain('essay.md front matter: "transition" must be one of none, fade');
  });

  it("ignores a blog's front matter layout (Jekyll, Hugo: layout: post) with a warning, and builds", async () => {
    const dir = project(undefined, "---\ntitle: A post\nlayout: post\n---\n\n");
    const r = await run(dir, "build", "essay.md");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/essay\.md front matter: "layout: "post"" is not essay-deck's layout .*: ignored/);
    expect(page(dir)).not.toContain("part-stack");
    // A config file is the user's own: there the same value is still an error.
    const strict = await run(project({ layout: "post" }), "build", "essay.md", "-q");
    expect(strict.code).toBe(ExitCode.config);
  });

  it("warns on an unknown key and builds anyway", async () => {
    const dir = project({ titel: "typo" });
    const r = await run(dir, "build", "essay.md");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/essay-deck\.config\.json: unknown key "titel" ignored/);
  });

  it("fails when --config names a missing file", async () => {
    const dir = project();
    const r = await run(dir, "build", "essay.md", "-q", "--config", "nope.json");
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toMatch(/config file not found: .*nope\.json/);
  });

  it("keeps __proto__ out of the settings and the page", async () => {
    const dir = project('{"__proto__": {"theme": "black"}, "reveal": {"__proto__": {"hash": false}, "controls": false}}');
    const r = await run(dir, "build", "essay.md");
    expect(r.code).toBe(0);
    const html = page(dir);
    expect(html).not.toContain("__proto__");
    expect(themeOf(html)).toBe("paper");
    expect(revealConfig(html)).toMatchObject({ hash: true, controls: false });
    expect(({} as Record<string, unknown>).theme).toBeUndefined();
  });

  it("rejects bad flag values as usage errors", async () => {
    const dir = project();
    expect((await run(dir, "build", "essay.md", "-q", "--transition", "spin")).code).toBe(ExitCode.usage);
    expect((await run(dir, "build", "essay.md", "-q", "--slide-number", "x")).code).toBe(ExitCode.usage);
    expect((await run(dir, "build", "essay.md", "-q", "--script", "zh")).code).toBe(ExitCode.usage);
  });
});
