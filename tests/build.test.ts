import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/build.js";
import { revealDist } from "../src/io/paths.js";
import { tempDir } from "./helpers/browser.js";
import { referenceEssay } from "./helpers/paths.js";

describe("build() says what it read", () => {
  it("returns the essay, the config it would read before one exists, and what it copied", () => {
    const dir = tempDir();
    const essay = path.join(dir, "essay.zh-Hant.txt");
    copyFileSync(referenceEssay, essay);
    const { sources } = build({ input: essay, cwd: dir, outDir: path.join(dir, "out") });
    expect(sources.essay).toBe(essay);
    expect(sources.config).toBe(path.join(dir, "essay-deck.config.json"));
    expect(sources.copied).toContain(path.join(revealDist(), "reveal.js"));
    expect(sources.templateDir).toBeUndefined();
  });

  it("returns the config --config names, its CSS and the template folder it names, resolved against it", () => {
    const dir = tempDir();
    const essay = path.join(dir, "essay.zh-Hant.txt");
    copyFileSync(referenceEssay, essay);
    const settings = path.join(dir, "settings");
    mkdirSync(path.join(settings, "tpl"), { recursive: true });
    writeFileSync(path.join(settings, "extra.css"), ".reveal h2 { color: red; }\n");
    writeFileSync(path.join(settings, "talk.json"), JSON.stringify({ css: "extra.css", templateDir: "tpl" }));
    const { sources } = build({ input: essay, cwd: dir, config: "settings/talk.json", outDir: path.join(dir, "out") });
    expect(sources.config).toBe(path.join(settings, "talk.json"));
    expect(sources.copied).toContain(path.join(settings, "extra.css"));
    expect(sources.templateDir).toBe(path.join(settings, "tpl"));
  });
});
