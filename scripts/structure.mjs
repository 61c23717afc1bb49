#!/usr/bin/env node
/**
 * npm run structure [-- options] [slug…]: how well the parser finds the structure of the real essays
 * in tests/fixtures/real/, against the outline a careful reader wrote for each (expected.json).
 * Measures the built lib/ (npm run build first).
 *
 *   (no option)        a Markdown table: per essay and in total, title found, part heading and point
 *                      headline recall and precision, signature kept out of points, nothing lost
 *   --json             the same figures as JSON, with what was missed and what was found in excess
 *   --verbose          the table, then each essay's misses and extras
 *   --update-floors    raise tests/fixtures/real/floors.json to the figures reached now (never lowers)
 *
 * Exits 1 when an essay loses text or falls below its floor.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { belowFloors, listEssays, raisedFloors, readFloors, scoreCorpus, writeFloors } from "./structure/corpus.mjs";
import { markdownTable, totals } from "./structure/score.mjs";

const root = path.resolve(import.meta.dirname, "..");
// Piped into head: stop quietly when the reader goes away.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
const { values: opts, positionals: slugs } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
    "update-floors": { type: "boolean", default: false },
  },
});

if (!existsSync(path.join(root, "lib", "index.js"))) {
  process.stderr.write("lib/ is not built: run npm run build first\n");
  process.exit(2);
}
const lib = await import(path.join(root, "lib", "index.js"));
const all = listEssays();
const unknown = slugs.filter((s) => !all.some((e) => e.slug === s));
if (unknown.length > 0) {
  process.stderr.write(
    `no essay ${unknown.join(", ")} in tests/fixtures/real/ (there are: ${all.map((e) => e.slug).join(", ")})\n`,
  );
  process.exit(2);
}
const essays = slugs.length > 0 ? all.filter((e) => slugs.includes(e.slug)) : all;
const rows = scoreCorpus(lib, essays);
const floors = readFloors();

if (opts["update-floors"]) {
  writeFloors({ ...floors, ...raisedFloors(rows, floors) });
  process.stderr.write(`floors raised for ${rows.length} essays: tests/fixtures/real/floors.json\n`);
}

if (opts.json) {
  process.stdout.write(`${JSON.stringify({ essays: rows, total: totals(rows) }, null, 2)}\n`);
} else {
  process.stdout.write(`${markdownTable(rows)}\n`);
  const refused = rows.filter((r) => r.refused);
  if (refused.length > 0) {
    process.stdout.write(`\n\`essay-deck build\` refuses ${refused.length} (measured from the parser alone):\n`);
    for (const r of refused) process.stdout.write(`- ${r.slug}: ${r.refused}\n`);
  }
  if (opts.verbose) {
    for (const r of rows) {
      const lines = [
        ...(r.title.ok ? [] : [`title: found ${JSON.stringify(r.title.found)}, expected ${JSON.stringify(r.title.expected)}`]),
        ...r.parts.missed.map((h) => `part missed: ${h}`),
        ...r.parts.extra.map((h) => `part extra: ${h}`),
        ...r.points.missed.map((h) => `point missed: ${h}`),
        ...r.points.extra.map((h) => `point extra: ${h}`),
        ...(r.notInPoints?.strayed ?? []).map((l) => `in a point: ${l}`),
        ...r.lost.map((p) => `lost from ${p.slice(0, 120)}`),
      ];
      if (lines.length > 0) process.stdout.write(`\n### ${r.slug}\n${lines.map((l) => `- ${l}`).join("\n")}\n`);
    }
  }
}

const failures = [
  ...rows.filter((r) => !r.nothingLost).map((r) => `${r.slug}: text lost (${r.lost.length} paragraphs)`),
  ...(opts["update-floors"] ? [] : belowFloors(rows, floors)),
];
for (const f of failures) process.stderr.write(`${f}\n`);
process.exitCode = failures.length > 0 ? 1 : 0;
