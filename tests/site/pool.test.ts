import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DeckError } from "../../src/errors.js";
import { buildSiteDecks } from "../../src/site/build.js";
import { writeSiteIndex } from "../../src/site/index-page.js";
import { buildSiteDecksInPool } from "../../src/site/pool.js";
import { snapshot } from "../hardening/helpers.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay } from "../helpers/paths.js";

/** A dozen essays (enough for two workers), one of them broken. */
function folder(): string {
  const dir = tempDir("essay-deck-pool-");
  const text = readFileSync(referenceEssay, "utf8");
  for (let i = 1; i <= 12; i++) writeFileSync(path.join(dir, `essay-${String(i).padStart(2, "0")}.txt`), `標題之${i}\n\n${text}`);
  writeFileSync(path.join(dir, "essay-07.txt"), "");
  copyFileSync(referenceEssay, path.join(dir, "reference.txt"));
  return dir;
}

describe("the folder build's worker pool", () => {
  it("writes what a build on one thread writes, reports every essay once, and keeps a failure's exit code", async () => {
    const dir = folder();
    const pooled = path.join(tempDir(), "site");
    const lines: string[] = [];
    const result = await buildSiteDecksInPool({ input: dir, cwd: dir, outDir: pooled, progress: (l) => lines.push(l) }, 2);
    const single = path.join(tempDir(), "site");
    buildSiteDecks({ input: dir, cwd: dir, outDir: single });
    expect(snapshot(pooled)).toEqual(snapshot(single));
    expect(lines).toHaveLength(13);
    expect(lines.map((l) => /^\[(\d+)\/13\]/.exec(l)?.[1])).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));
    expect(result.decks.map((d) => d.name)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `essay-${String(i + 1).padStart(2, "0")}`),
      "reference",
    ]);
    const failed = result.decks.filter((d) => d.status === "failed");
    expect(failed.map((d) => d.name)).toEqual(["essay-07"]);
    const error = failed[0]?.error;
    expect(error).toBeInstanceOf(DeckError);
    expect(error instanceof DeckError && error.exitCode).toBe(4);
    expect(result.decks.find((d) => d.name === "reference")?.deck?.slides).toHaveLength(23);
  });

  it("sends only the changed essays to the pool: the others are known unchanged by their hashes", async () => {
    const dir = folder();
    const out = path.join(tempDir(), "site");
    writeSiteIndex(await buildSiteDecksInPool({ input: dir, cwd: dir, outDir: out }, 2), {});
    writeFileSync(path.join(dir, "essay-03.txt"), `${readFileSync(path.join(dir, "essay-03.txt"), "utf8")}\n補充一句。\n`);
    const again = await buildSiteDecksInPool({ input: dir, cwd: dir, outDir: out }, 2);
    expect(again.decks.filter((d) => d.status === "built").map((d) => d.name)).toEqual(["essay-03"]);
    expect(again.decks.filter((d) => d.status === "unchanged")).toHaveLength(11);
  });
});
