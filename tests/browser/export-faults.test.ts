/**
 * Exports under faults: `build --pdf --handout` killed (SIGKILL, as the out-of-memory killer would)
 * at random instants leaves no browser process and a folder that builds cleanly; two builds of
 * different essays with --pdf into one folder each print their own essay.
 * ESSAY_DECK_FAULT_SECONDS sets the time spent killing exports (default 40).
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectSound } from "../fault/helpers.js";
import { run } from "../hardening/helpers.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay, root } from "../helpers/paths.js";
import { poppler } from "../helpers/pdf.js";

const budget = Number(process.env.ESSAY_DECK_FAULT_SECONDS ?? 40) * 1000;

/** Processes whose environment carries the marker: the build and every browser process it started. */
function carrying(marker: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, "latin1").includes(`ESSAY_DECK_PROBE=${marker}`)) out.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return out;
}

function start(args: string[], cwd: string, marker: string) {
  const child = spawn(process.execPath, [path.join(root, "lib", "bin.js"), "build", ...args], {
    cwd,
    env: { ...process.env, ESSAY_DECK_PROBE: marker },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | string | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  return { child, exited, stderr: () => stderr };
}

describe("an export killed at a random instant", () => {
  it("leaves no browser process, no temporary file, and a folder that builds cleanly", {
    timeout: budget + 120_000,
  }, async () => {
    const work = tempDir("essay-deck-export-fault-");
    const args = [referenceEssay, "-o", "out", "--pdf", "--handout"];
    // How long a whole export takes here, to kill within it.
    const whole = performance.now();
    const first = start(args, work, `probe-${process.pid}-0`);
    expect(await first.exited, first.stderr()).toBe(0);
    const span = performance.now() - whole;
    let kills = 0;
    const started = Date.now();
    for (let i = 1; Date.now() - started < budget; i++) {
      const marker = `probe-${process.pid}-${i}`;
      const build = start(args, work, marker);
      await new Promise((r) => setTimeout(r, Math.random() * span));
      build.child.kill("SIGKILL");
      await build.exited;
      kills += 1;
      // Chromium reads end-of-file on its pipe and quits: give it a moment, never more than 10 s.
      for (let waited = 0; carrying(marker).length > 0 && waited < 10_000; waited += 100)
        await new Promise((r) => setTimeout(r, 100));
      expect(carrying(marker), `browser processes left after kill ${i}`).toEqual([]);
      const clean = await run(["build", referenceEssay, "-o", "out", "-q"], work);
      expect(clean.code, clean.stderr).toBe(0);
      expectSound(path.join(work, "out"));
    }
    console.log(`export: ${kills} kills at random instants of a ${Math.round(span)} ms export`);
    expect(kills).toBeGreaterThan(2);
  });
});

describe("two exports of different essays into one folder at once", () => {
  it("each PDF shows its own essay", async () => {
    const work = tempDir("essay-deck-export-pair-");
    writeFileSync(path.join(work, "other.txt"), "一、別的題目\n第一,另一篇文章的要點。這是它的內容。\n");
    for (let i = 0; i < 2; i++) {
      const a = start([referenceEssay, "-o", "out", "--pdf", "--handout", "-q"], work, `pair-a-${process.pid}-${i}`);
      const b = start(["other.txt", "-o", "out", "--pdf", "-q"], work, `pair-b-${process.pid}-${i}`);
      expect(await a.exited, a.stderr()).toBe(0);
      expect(await b.exited, b.stderr()).toBe(0);
      const ref = poppler("pdftotext", path.join(work, "out", "essay.zh-Hant.pdf"), "-");
      const other = poppler("pdftotext", path.join(work, "out", "other.pdf"), "-");
      expect(ref).not.toContain("另一篇文章的要點");
      expect(other).toContain("另一篇文章的要點");
      expect(poppler("pdftotext", path.join(work, "out", "essay.zh-Hant-handout.pdf"), "-")).not.toContain("另一篇文章的要點");
      expectSound(path.join(work, "out"));
    }
  });
});

describe("an export stopped by SIGHUP (the terminal closed) over an earlier one", () => {
  it("exits 130, keeps the earlier PDF whole, says it is from an earlier build, and leaves no browser", async () => {
    const work = tempDir("essay-deck-export-hup-");
    const args = [referenceEssay, "-o", "out", "--pdf"];
    const first = start(args, work, `hup-${process.pid}-0`);
    expect(await first.exited, first.stderr()).toBe(0);
    const pdf = path.join(work, "out", "essay.zh-Hant.pdf");
    const before = readFileSync(pdf);
    const marker = `hup-${process.pid}-1`;
    const second = start([...args, "--theme", "paper"], work, marker);
    for (let waited = 0; !second.stderr().includes("loading") && waited < 60_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
    }
    second.child.kill("SIGHUP");
    expect(await second.exited).toBe(130);
    expect(second.stderr()).toContain(
      "interrupted: no PDF written; index.html is new, but out/essay.zh-Hant.pdf is from an earlier build",
    );
    expect(readFileSync(pdf).equals(before)).toBe(true);
    for (let waited = 0; carrying(marker).length > 0 && waited < 10_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    expect(carrying(marker)).toEqual([]);
    expectSound(path.join(work, "out"));
  });
});
