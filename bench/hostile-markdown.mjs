#!/usr/bin/env node
/**
 * node bench/hostile-markdown.mjs [--sizes 100,200,400] [--runs 3]: whole `essay-deck build` processes
 * on Markdown essays whose one point is a run of a construct that makes a regex-driven Markdown
 * parser scan ahead from every position (`![`, `[`, `\`, `<!--`, `www.a/(`…), at each size in KB.
 * Linear time shows as CPU time that doubles (plus Node's start) when the size doubles; the last
 * column is the 400 KB time over the 100 KB one, 4 for linear, 16 for quadratic.
 *
 * Prints a Markdown table; the figures in bench/results.md come from it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureGnuTime, fmt, machine, median, timeProcess } from "./measure.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "lib", "bin.js");
const { values: opts } = parseArgs({ options: { sizes: { type: "string" }, runs: { type: "string" } } });
const sizes = (opts.sizes ?? "100,200,400").split(",").map(Number);
const runs = Number(opts.runs ?? 3);

/** Each a run that once cost time growing with its square (measured before the parser was bounded). */
const HOSTILE = ["![", "[", "\\[", "[!", "<", "<!--", "<?", "<![CDATA[", "[a][", "[a](<", "`[", "www.a.b/(", "a  \n", "_a"];

const work = mkdtempSync(path.join(os.tmpdir(), "essay-deck-hostile-"));
const gnuTime = ensureGnuTime((l) => process.stderr.write(`${l}\n`));
const rows = [];
try {
  for (const run of HOSTILE) {
    const cells = [];
    for (const kb of sizes) {
      const body = run.repeat(Math.ceil((kb * 1000) / Buffer.byteLength(run)));
      const essay = path.join(work, "essay.md");
      writeFileSync(essay, `# 一、T\n\n**第一,要點。** ${body}\n`);
      const times = [];
      for (let i = 0; i <= runs; i++) {
        const r = timeProcess(process.execPath, [bin, "build", essay, "-o", path.join(work, "out"), "-q"], { gnuTime });
        if (r.status !== 0) throw new Error(`build failed on ${JSON.stringify(run)} at ${kb} KB: ${r.stderr}`);
        if (i > 0) times.push(r.cpu ?? r.wall);
      }
      cells.push(median(times));
    }
    rows.push({ run, cells });
    process.stderr.write(`${JSON.stringify(run)}: ${cells.map((c) => fmt.s(c)).join(" ")}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const head = `| run | ${sizes.map((s) => `${s} KB`).join(" | ")} | ${sizes.at(-1)}/${sizes[0]} KB |`;
console.log(`CPU seconds (median of ${runs}) of a whole build; ${machine()}; load ${os.loadavg()[0].toFixed(1)}\n`);
console.log(head);
console.log(head.replace(/[^|]+/g, " --- "));
for (const { run, cells } of rows) {
  const ratio = (cells.at(-1) / cells[0]).toFixed(1);
  console.log(`| \`${JSON.stringify(run).slice(1, -1)}\` | ${cells.map((c) => fmt.s(c)).join(" | ")} | ×${ratio} |`);
}
