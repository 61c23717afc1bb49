import { readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { revealDist } from "../../src/io/paths.js";
import { type BuildOutcome, watchBuild } from "../../src/serve/rebuild.js";
import { watchTargets } from "../../src/serve/sources.js";
import { tempDir } from "../helpers/browser.js";
import { essayFolder } from "./helpers.js";

function collect(): { outcomes: BuildOutcome[]; next: () => Promise<BuildOutcome> } {
  const outcomes: BuildOutcome[] = [];
  const next = async () => {
    const seen = outcomes.length;
    const end = Date.now() + 10_000;
    while (outcomes.length === seen) {
      if (Date.now() > end) throw new Error("no rebuild");
      await new Promise((r) => setTimeout(r, 10));
    }
    return outcomes[outcomes.length - 1] as BuildOutcome;
  };
  return { outcomes, next };
}

describe("watchBuild", () => {
  it("follows an essay renamed inside the folder given as input", async () => {
    const { dir, essay } = essayFolder();
    const out = tempDir();
    const { outcomes, next } = collect();
    const watched = watchBuild({ input: dir, cwd: dir, outDir: out, debounceMs: 20 }, (o) => outcomes.push(o));
    try {
      expect(watched.first.ok).toBe(true);
      const renamed = path.join(dir, "talk.txt");
      const rebuilt = next();
      renameSync(essay, renamed);
      const outcome = await rebuilt;
      expect(outcome.ok && outcome.result.essayPath).toBe(renamed);
      // The renamed essay is now the one watched.
      const again = next();
      writeFileSync(renamed, readFileSync(renamed, "utf8").replace("顛覆性創新的重要性", "顛覆性創新的意義"));
      expect((await again).ok).toBe(true);
      expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("顛覆性創新的意義");
    } finally {
      watched.close();
    }
  });

  it("watches the theme and extra CSS a config names, once a build has read them", async () => {
    const { dir, essay } = essayFolder();
    writeFileSync(path.join(dir, "talk.css"), ".reveal { color: #123; }");
    writeFileSync(path.join(dir, "essay-deck.config.json"), JSON.stringify({ css: "talk.css" }));
    const out = tempDir();
    const { outcomes, next } = collect();
    const watched = watchBuild({ input: essay, cwd: dir, outDir: out, debounceMs: 20 }, (o) => outcomes.push(o));
    try {
      expect(watched.first.ok).toBe(true);
      const rebuilt = next();
      writeFileSync(path.join(dir, "talk.css"), ".reveal { color: #456; }");
      const outcome = await rebuilt;
      expect(outcome.changed).toEqual([path.join(dir, "talk.css")]);
    } finally {
      watched.close();
    }
  });

  it("follows a symlinked essay to the file it points to", async () => {
    const { dir, essay } = essayFolder();
    const elsewhere = tempDir();
    const link = path.join(elsewhere, "linked.txt");
    symlinkSync(essay, link);
    const { outcomes, next } = collect();
    const watched = watchBuild({ input: link, cwd: elsewhere, outDir: tempDir(), debounceMs: 20 }, (o) => outcomes.push(o));
    try {
      const rebuilt = next();
      writeFileSync(essay, readFileSync(essay, "utf8").replace("顛覆性創新的重要性", "顛覆性創新的意義"));
      expect((await rebuilt).changed).toEqual([essay]);
    } finally {
      watched.close();
    }
    expect(dir).not.toBe(elsewhere);
  });

  it("lists the essay, its config even before it exists, and the templates, but not reveal.js", () => {
    const essay = "/work/talk/essay.txt";
    const targets = watchTargets({
      essay,
      config: "/work/talk/essay-deck.config.json",
      copied: [path.join(revealDist(), "reveal.js"), "/work/talk/a.css"],
      templateDir: "/work/tpl",
    });
    expect(targets.files).toContain(essay);
    expect(targets.files).toContain("/work/talk/essay-deck.config.json");
    expect(targets.files).toContain("/work/talk/a.css");
    expect(targets.files).not.toContain(path.join(revealDist(), "reveal.js"));
    expect(targets.files.some((f) => f.endsWith("deck.hbs"))).toBe(true);
    expect(targets.folders.map((f) => f.dir)).toEqual(expect.arrayContaining(["/work/tpl", "/work/tpl/partials"]));
    expect(watchTargets({ essay, config: "/work/cfg/deck.json", copied: [] }, "/work/talk").folders).toContainEqual({
      dir: "/work/talk",
      suffixes: expect.arrayContaining([".txt", ".md"]),
    });
  });
});
