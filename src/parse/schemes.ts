/**
 * Which numbering schemes form the essay's hierarchy, decided from the evidence in the whole text:
 * a scheme is a sequence (一、二、三、; （一）（二）; 首先…其次…最後), a repeated heading shape or a
 * Markdown heading level, never a single ordinal. The highest scheme of heading lines numbers the
 * parts; within each part, the highest scheme that runs there numbers its points; lower ones stay
 * inside their point. Pure, and every choice is explained in words a writer understands.
 */
import type { SchemeUse, StructureReading } from "../model/outline.js";
import type { SchemeId, Shape } from "./shapes.js";

/** The usual order of levels, top first, when the text itself does not show which holds which. */
const RANK: Record<string, number> = {
  "chapter-部分": 10,
  "chapter-篇": 10,
  "chapter-編": 10,
  "chapter-编": 10,
  "chapter-部": 10,
  "chapter-章": 11,
  "chapter-講": 12,
  "chapter-讲": 12,
  "chapter-節": 12,
  "chapter-节": 12,
  daxie: 13,
  roman: 14,
  cjk: 15,
  "cjk-paren": 16,
  // 4.3.1 is a heading of the report's outline; a 1. 2. list sits inside it (1. / 1.1 shows its nesting).
  dash: 16.2,
  "decimal-2": 16.2,
  "decimal-3": 16.4,
  "decimal-4": 16.6,
  arabic: 17,
  keycap: 17,
  "arabic-paren": 20,
  circled: 21,
  article: 21.5,
  ordinal: 22,
  qi: 22,
  sequence: 23,
  english: 23,
  bold: 24,
};

const rankOf = (scheme: SchemeId): number | undefined => (scheme.startsWith("md") ? Number(scheme.slice(2)) : RANK[scheme]);

/** How a scheme is named to the writer: by a marker of its own. */
export function schemeName(scheme: SchemeId): string {
  if (scheme.startsWith("md")) return "#".repeat(Number(scheme.slice(2)));
  if (scheme.startsWith("chapter-")) return `第一${scheme.slice(8)}`;
  if (scheme.startsWith("decimal-")) return Array.from({ length: Number(scheme.slice(8)) }, () => "1").join(".");
  const names: Record<string, string> = {
    daxie: "壹、",
    cjk: "一、",
    "cjk-paren": "（一）",
    arabic: "1.",
    dash: "1-1",
    "arabic-paren": "（1）",
    roman: "I.",
    circled: "①",
    keycap: "1️⃣",
    article: "第一条",
    ordinal: "第一，",
    qi: "其一，",
    sequence: "首先/其次/最後",
    english: "First/Second/Finally",
    bare: "unnumbered heading lines",
    bold: "**bold run-in headlines**",
  };
  return names[scheme] ?? scheme;
}

interface Occurrence {
  index: number;
  shape: Shape;
}

export interface Structure {
  /** Paragraph indices that open a part, in order. */
  parts: number[];
  /** Paragraph index → the marker that opens a point there. */
  points: Map<number, Shape>;
  reading: Omit<StructureReading, "title">;
}

/** Schemes that number parts when they are the top level, even run-in (一、提高思想认识。各地要……). */
const PART_SHAPED = /^(?:md\d|bare|chapter-.*|daxie|cjk|roman|decimal-\d|dash)$/;
/** Schemes that open a point's prose and never head a part: 第一， First, **Run-in.** */
const POINT_SHAPED = /^(?:article|ordinal|qi|sequence|english|bold)$/;

const isSequenceWords = (scheme: SchemeId) => scheme === "sequence" || scheme === "english";
const isUnnumbered = (scheme: SchemeId) => scheme.startsWith("md") || scheme === "bare" || scheme === "bold";

/** A scheme is a run of markers, not one marker: at least two, starting at the start or counting up. */
function qualifies(scheme: SchemeId, list: readonly Occurrence[], paragraphs: number): boolean {
  if (scheme.startsWith("md")) return list.length >= 1;
  if (scheme === "bare") return list.length >= 2 && list.length * 3 <= paragraphs;
  if (scheme === "bold") return list.length >= 2;
  // One heading line numbered 1 (一、標題) is a part of its own: the essay's only one, or its first.
  if (list.length === 1) return list[0]?.shape.number === 1 && list[0]?.shape.line === true;
  if (isSequenceWords(scheme)) return isSequence(sequenceRun(list));
  const numbers = list.map((o) => o.shape.number);
  return numbers[0] === 1 || numbers.some((n, i) => i > 0 && n === (numbers[i - 1] as number) + 1);
}

/** A run is a sequence when something follows its start before the end: First, Finally is no list. */
const isSequence = (run: readonly Occurrence[]): boolean => run.filter((o) => !o.shape.terminal).length >= 2;

/** 首先 … 其次 … 最後: from the first starter to the first word that ends the run. */
function sequenceRun(list: readonly Occurrence[]): Occurrence[] {
  const from = list.findIndex((o) => o.shape.starter);
  if (from < 0) return [];
  const run: Occurrence[] = [];
  for (const o of list.slice(from)) {
    if (run.length > 0 && o.shape.starter) break;
    run.push(o);
    if (o.shape.terminal) break;
  }
  return run;
}

/** The first position in `list` (sorted by paragraph) at or after paragraph `index`: a binary search. */
function firstAtOrAfter(list: readonly Occurrence[], index: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Occurrence).index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The occurrences between paragraphs [from, to). */
const within = (list: readonly Occurrence[], from: number, to: number): Occurrence[] =>
  list.slice(firstAtOrAfter(list, from), firstAtOrAfter(list, to));

/** How often `inner` starts again from 1 with an `outer` marker since its last one: evidence it sits inside. */
function restartsUnder(inner: readonly Occurrence[], outer: readonly Occurrence[]): number {
  let n = 0;
  for (let i = 1; i < inner.length; i++) {
    const prev = inner[i - 1] as Occurrence;
    const cur = inner[i] as Occurrence;
    if (!(cur.shape.number <= prev.shape.number)) continue;
    if ((outer[firstAtOrAfter(outer, prev.index + 1)]?.index ?? Number.POSITIVE_INFINITY) < cur.index) n++;
  }
  return n;
}

/** Order the schemes top level first: by nesting seen in the text, else the usual order, else first use. */
function order(schemes: Map<SchemeId, Occurrence[]>): SchemeId[] {
  const above = (a: SchemeId, b: SchemeId): boolean => {
    const la = schemes.get(a) as Occurrence[];
    const lb = schemes.get(b) as Occurrence[];
    // A level holds another when the other starts again from 1 under it; a parent also comes first:
    // （一）（二） 1. 2. （一） restarts after 1. 2., yet 1. cannot hold （一）, which was there before it.
    const aFirst = (la[0] as Occurrence).index < (lb[0] as Occurrence).index;
    const evidence = (aFirst ? restartsUnder(lb, la) : 0) - (aFirst ? 0 : restartsUnder(la, lb));
    if (evidence !== 0) return evidence > 0;
    const ra = rankOf(a);
    const rb = rankOf(b);
    if (ra !== undefined && rb !== undefined && ra !== rb) return ra < rb;
    return (la[0] as Occurrence).index < (lb[0] as Occurrence).index;
  };
  const out: SchemeId[] = [];
  for (const s of schemes.keys()) {
    const at = out.findIndex((o) => above(s, o));
    if (at < 0) out.push(s);
    else out.splice(at, 0, s);
  }
  return out;
}

/** The markers of `scheme` that number points between paragraphs [from, to): its run there, if it has one. */
function pointsIn(scheme: SchemeId, list: readonly Occurrence[], from: number, to: number): Occurrence[] {
  const here = within(list, from, to);
  if (here.length === 0) return [];
  if (scheme === "bold") return here.length >= 2 ? here : [];
  if (isUnnumbered(scheme)) return here;
  if (isSequenceWords(scheme)) {
    // The essay has a true sequence somewhere (qualifies): here a start and an end are enough.
    const run = sequenceRun(here);
    return run.length >= 2 ? run : [];
  }
  if (here.length === 1) return here[0]?.shape.number === 1 ? here : [];
  const numbers = here.map((o) => o.shape.number);
  // 1 2 3 4 … 1 2 3 4 in one part, nothing above between them: two lists of steps, not its points.
  const restarts = numbers.filter((n, i) => i > 0 && n === 1 && (numbers[i - 1] as number) >= 2).length;
  if (restarts > 0 && numbers[0] === 1 && numbers[1] === 2) return [];
  const runs = numbers[0] === 1 || numbers.some((n, i) => i > 0 && n === (numbers[i - 1] as number) + 1);
  return runs ? here : [];
}

/** Decide the essay's structure from the shape of each paragraph (null: prose). */
export function readStructure(shapes: ReadonlyArray<Shape | null>, lines: readonly number[]): Structure {
  const all = new Map<SchemeId, Occurrence[]>();
  shapes.forEach((shape, index) => {
    if (!shape) return;
    const list = all.get(shape.scheme) ?? [];
    list.push({ index, shape });
    all.set(shape.scheme, list);
  });
  const schemes = new Map([...all].filter(([s, list]) => qualifies(s, list, shapes.length)));
  const ranked = order(schemes);
  const notes: string[] = [];
  const top = ranked[0];
  const headingScheme = (s: SchemeId) => {
    if (PART_SHAPED.test(s)) return true;
    if (POINT_SHAPED.test(s)) return false;
    const list = schemes.get(s) as Occurrence[];
    return list.filter((o) => o.shape.line).length * 2 >= list.length;
  };
  const partScheme = top !== undefined && headingScheme(top) ? top : null;
  const parts = partScheme ? (schemes.get(partScheme) as Occurrence[]).map((o) => o.index) : [];
  const below = ranked.filter((s) => s !== partScheme);
  // What comes before the first part is read too: it may hold points of its own (其一，… 其二，…).
  const starts = parts.length > 0 ? [-1, ...parts] : [-1];
  const bounds = starts.map((p, i) => [p + 1, starts[i + 1] ?? shapes.length]);

  const points = new Map<number, Shape>();
  const used = new Map<SchemeId, number>();
  for (const [from, to] of bounds as Array<[number, number]>) {
    for (const scheme of below) {
      const found = pointsIn(scheme, schemes.get(scheme) as Occurrence[], from, to);
      if (found.length === 0) continue;
      for (const o of found) points.set(o.index, o.shape);
      used.set(scheme, (used.get(scheme) ?? 0) + found.length);
      break;
    }
  }

  // What was not taken, and why: a marker alone, or a level below the points.
  for (const [scheme, list] of all) {
    if (scheme === partScheme || scheme === "bare") continue;
    const taken = list.filter((o) => points.has(o.index)).length;
    if (!schemes.has(scheme)) {
      const where = list.map((o) => `line ${lines[o.index]}`).join(", ");
      notes.push(`${list.map((o) => o.shape.label).join(", ")} (${where}): not a numbering, read as text`);
    } else if (taken < list.length && !used.has(scheme)) {
      notes.push(`${schemeName(scheme)} (${list.length}): a level below the points, kept inside them`);
    }
  }
  const parted: SchemeUse | null = partScheme ? { scheme: schemeName(partScheme), count: parts.length } : null;
  const reading: Structure["reading"] = {
    parts: parted,
    points: [...used].map(([scheme, count]) => ({ scheme: schemeName(scheme), count })),
    notes,
  };
  return { parts, points, reading };
}
