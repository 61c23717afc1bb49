#!/usr/bin/env node
/**
 * A synthetic essay with N numbered points in the reference essay's shape, for scaling runs.
 *
 *   node bench/make-essay.mjs N [--out FILE]      (default: stdout)
 *
 * Parts of 6 points (the last holds the rest); part k takes the heading, intro and closing
 * paragraphs of reference part (k mod 3) and reuses the 16 reference points cyclically,
 * relabelled 第一..第六 inside each part; the reference list closes it. Part numerals run
 * 一 … 二百六十七. With N = 16 the result is the reference essay itself, paragraph for
 * paragraph — the same recipe as ../shared/bench-peers/make-synthetic.py, so both write the same
 * essay for the same N.
 *
 * Needs lib/ (npm run build): it parses the reference with essay-deck's own parser.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { numberToCjk } from "../lib/parse/numerals.js";

export const POINTS_PER_PART = 6;
export const referenceEssayPath = path.resolve(import.meta.dirname, "..", "content", "essay.zh-Hant.txt");

/**
 * Essay text with `n` points, built from a parsed reference outline (pure).
 * @param {import("../lib/model/outline.js").Outline} reference
 * @param {number} n
 * @returns {string}
 */
export function makeEssay(reference, n) {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`the number of points must be a whole number ≥ 1 (got ${n})`);
  const refParts = reference.parts;
  const refPoints = refParts.flatMap((part) => part.points);
  if (refPoints.length === 0) throw new Error("the reference essay has no numbered points");
  const lines = [];
  const nParts = Math.ceil(n / POINTS_PER_PART);
  for (let p = 0; p < nParts; p++) {
    const src = refParts[p % refParts.length];
    // title is the heading line verbatim ("一、…"): swap its numeral, keep its separator.
    lines.push(numberToCjk(p + 1) + src.title.slice(src.label.length));
    lines.push(...src.intro);
    const last = Math.min((p + 1) * POINTS_PER_PART, n);
    for (let k = p * POINTS_PER_PART; k < last; k++) {
      const point = refPoints[k % refPoints.length];
      const [opening, ...supporting] = point.paragraphs;
      lines.push(`第${numberToCjk(k - p * POINTS_PER_PART + 1)}${opening.slice(point.label.length)}`);
      lines.push(...supporting);
    }
    lines.push(...src.closing);
  }
  if (reference.referencesHeading !== null) lines.push(reference.referencesHeading);
  lines.push(...reference.references);
  return `${lines.join("\n")}\n`;
}

/** The reference essay's outline, parsed by the built parser. */
export async function referenceOutline() {
  const { parseEssay } = await import("../lib/parse/index.js");
  return parseEssay(readFileSync(referenceEssayPath, "utf8"));
}

async function cli(argv) {
  const n = Number(argv[0]);
  const outAt = argv.indexOf("--out");
  if (!Number.isInteger(n) || n < 1 || (outAt >= 0 && !argv[outAt + 1])) {
    process.stderr.write("usage: node bench/make-essay.mjs N [--out FILE]   (N: number of points, ≥ 1)\n");
    return 2;
  }
  const text = makeEssay(await referenceOutline(), n);
  if (outAt >= 0) writeFileSync(argv[outAt + 1], text);
  else process.stdout.write(text);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await cli(process.argv.slice(2));
}
