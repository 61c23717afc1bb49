/**
 * Two builds of different essays and themes into one folder at once: one waits for the other, and
 * the folder ends whole, as one of the two decks with a manifest every file of which has its hash,
 * and builds again. ESSAY_DECK_FAULT_PAIRS sets how many pairs (default 6).
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../hardening/helpers.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay, root } from "../helpers/paths.js";
import { expectSound } from "./helpers.js";

const pairs = Number(process.env.ESSAY_DECK_FAULT_PAIRS ?? 6);

function build(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(root, "lib", "bin.js"), "build", ...args], {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stderr })));
}

describe("concurrent builds into one folder", () => {
  it("serialise: both succeed, the folder is one whole deck, and builds again", { timeout: pairs * 20_000 }, async () => {
    const work = tempDir("essay-deck-pairs-");
    writeFileSync(path.join(work, "other.txt"), "一、別的題目\n第一,另一篇文章的要點。這是它的內容。\n");
    const a = [referenceEssay, "-o", "out", "--theme", "essay", "--title", "Deck A"];
    const b = ["other.txt", "-o", "out", "--theme", "paper", "--title", "Deck B"];
    for (let i = 0; i < pairs; i++) {
      const [first, second] = await Promise.all([build(i % 2 ? a : b, work), build(i % 2 ? b : a, work)]);
      expect(first.code, first.stderr).toBe(0);
      expect(second.code, second.stderr).toBe(0);
      expectSound(path.join(work, "out"));
      const html = readFileSync(path.join(work, "out", "index.html"), "utf8");
      const theme = html.includes("<title>Deck A</title>") ? "essay" : "paper";
      expect(html).toContain(`assets/theme/${theme}.css`);
      expect(readFileSync(path.join(work, "out", "assets", "theme", `${theme}.css`), "utf8").length).toBeGreaterThan(0);
    }
    expect((await run(["build", referenceEssay, "-o", "out", "-q"], work)).code).toBe(0);
  });
});
