/**
 * Kill a build at a random one of its disk-changing calls (SIGKILL, as the out-of-memory killer
 * would), many times over in one folder, alternating themes so that files come and go; after each,
 * the next build must succeed, leave no temporary file, no journal, no lock, a manifest every file
 * of which has its hash, and the user's file beside the deck untouched.
 * ESSAY_DECK_FAULT_SECONDS sets the time spent (default 12).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../hardening/helpers.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay } from "../helpers/paths.js";
import { expectSound, killedRun } from "./helpers.js";

const budget = Number(process.env.ESSAY_DECK_FAULT_SECONDS ?? 12) * 1000;
const THEMES = ["essay", "paper", "white", "stage"];

describe("a build killed at any of its writes", () => {
  it("leaves a folder the next build repairs, with no leftovers and the user's files untouched", {
    timeout: budget + 60_000,
  }, async () => {
    const work = tempDir("essay-deck-fault-");
    const out = path.join(work, "out");
    expect((await run(["build", referenceEssay, "-o", out, "-q"], work)).code).toBe(0);
    writeFileSync(path.join(out, "diary.txt"), "mine");
    const tried = new Set<number>();
    let killed = 0;
    const started = Date.now();
    for (let i = 0; Date.now() - started < budget; i++) {
      const killAt = 1 + Math.floor(Math.random() * 90);
      tried.add(killAt);
      const theme = THEMES[i % THEMES.length] as string;
      const how = await killedRun(["build", referenceEssay, "-o", out, "-q", "--theme", theme], work, killAt);
      if (how === "SIGKILL") killed += 1;
      else expect(how, `kill point ${killAt}`).toBe(0);
      const next = THEMES[(i + 1) % THEMES.length] as string;
      const clean = await run(["build", referenceEssay, "-o", out, "-q", "--theme", next], work);
      expect(clean.code, `after a kill at write ${killAt}: ${clean.stderr}`).toBe(0);
      expectSound(out);
      expect(readFileSync(path.join(out, "diary.txt"), "utf8")).toBe("mine");
    }
    console.log(`build: ${killed} kills at ${tried.size} distinct kill points`);
    expect(killed).toBeGreaterThan(3);
  });
});
