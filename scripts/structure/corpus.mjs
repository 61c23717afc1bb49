/**
 * The real-essay corpus on disk (tests/fixtures/real/<slug>/{essay.txt|essay.md, expected.json}) and
 * its floors (floors.json: the figures the parser reached, which may only go up). The parser comes in
 * as functions, so the script measures the built lib/ and the tests measure src/.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { scoreEssay } from "./score.mjs";

export const corpusDir = path.resolve(import.meta.dirname, "..", "..", "tests", "fixtures", "real");
export const floorsFile = path.join(corpusDir, "floors.json");

/** Every essay folder of the corpus, sorted by slug. */
export function listEssays(dir = corpusDir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "expected.json")))
    .map((d) => {
      const folder = path.join(dir, d.name);
      const file = readdirSync(folder).find((f) => /^essay\.(txt|md)$/.test(f));
      if (!file) throw new Error(`${folder} has expected.json but no essay.txt or essay.md`);
      return { slug: d.name, folder, file: path.join(folder, file) };
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** The essay's characters after a BOM and any Markdown front matter: what must all be kept. */
export function bodyText(file) {
  const text = readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
  if (!file.endsWith(".md")) return text;
  const fm = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  return fm ? text.slice(fm[0].length) : text;
}

/**
 * Parse, plan and score every essay with the given parser (lib/ or src/), as `essay-deck build` reads
 * it. When the build refuses the essay (front matter written for another tool, say), the structure is
 * still measured, from the parser and planner alone, and the refusal is kept in `refused`.
 */
export function scoreCorpus({ loadEssay, deckFromEssay, parseEssay, planDeck }, essays = listEssays()) {
  return essays.map(({ slug, folder, file }) => {
    const expected = JSON.parse(readFileSync(path.join(folder, "expected.json"), "utf8"));
    let outline;
    let deck;
    let refused = null;
    try {
      const loaded = loadEssay({ input: folder, cwd: folder });
      outline = loaded.outline;
      deck = deckFromEssay(loaded);
    } catch (error) {
      if (typeof error?.exitCode !== "number" || error.exitCode === 1) throw error;
      refused = error.message;
      outline = parseEssay(readFileSync(file, "utf8"), { format: file.endsWith(".md") ? "markdown" : "text" });
      deck = planDeck(outline);
    }
    return { ...scoreEssay({ slug, expected, outline, deck, bodyText: bodyText(file) }), refused };
  });
}

/**
 * Precision as a floor holds it: where nothing is expected and nothing was found, 1 (nothing was
 * claimed wrongly, and a part or point found there later must lower it); where something is expected
 * and nothing was found, null (no claim to hold).
 */
const heldPrecision = (list) => list.precision ?? (list.expected === 0 ? 1 : null);

/** The figures a floor holds for one essay. */
export function figures(row) {
  return {
    title: row.title.ok,
    partsRecall: row.parts.recall,
    partsPrecision: heldPrecision(row.parts),
    pointsRecall: row.points.recall,
    pointsPrecision: heldPrecision(row.points),
    signatureOutOfPoints: row.notInPoints === null ? null : row.notInPoints.strayed.length === 0,
  };
}

export function readFloors(file = floorsFile) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
}

const round = (x) => Math.floor(x * 1000) / 1000;

/** Where an essay falls below its floor: one line each. A floor of null or false asks nothing. */
export function belowFloors(rows, floors) {
  const out = [];
  for (const row of rows) {
    const floor = floors[row.slug];
    if (!floor) continue;
    const now = figures(row);
    for (const [key, min] of Object.entries(floor)) {
      const got = now[key];
      if (min === null || min === false) continue;
      if (min === true ? got !== true : got === null || round(got) < min) {
        out.push(`${row.slug}: ${key} is ${got} (floor ${min})`);
      }
    }
  }
  return out;
}

/** Floors raised to what the parser reaches now, never lowered; essays new to the corpus get theirs. */
export function raisedFloors(rows, floors) {
  const next = {};
  for (const row of rows) {
    const old = floors[row.slug] ?? {};
    const now = figures(row);
    const floor = {};
    for (const [key, got] of Object.entries(now)) {
      const min = old[key] ?? null;
      if (typeof got === "boolean") floor[key] = got || min === true;
      else floor[key] = got === null ? min : Math.max(round(got), min ?? 0);
    }
    next[row.slug] = floor;
  }
  return next;
}

export function writeFloors(floors, file = floorsFile) {
  writeFileSync(file, `${JSON.stringify(floors, null, 2)}\n`);
}
