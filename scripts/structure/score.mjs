/**
 * Scores the structure the parser found in an essay against the outline a careful reader wrote down
 * (tests/fixtures/real/<slug>/expected.json). Pure: values in, figures out. Used by
 * scripts/structure.mjs (against the built lib/) and by tests/parse/real.test.ts (against src/).
 * The matching rule is documented in tests/fixtures/real/README.md.
 */

/** Leading numbering a heading or headline may carry: the label is not part of the text compared. */
const LABEL = new RegExp(
  [
    "^[（(][一二三四五六七八九十百〇零两\\d]+[）)]",
    "^[一二三四五六七八九十百]+[、，,．.]",
    "^[壹貳贰參叁肆伍陸陆柒捌玖拾]+[、，,．.]",
    "^第[一二三四五六七八九十百〇零两\\d]+[章節节部分篇條条]+[、，,．.：:\\s]*",
    "^\\d+(?:[-.．]\\d+)*[.．、)）]?(?=\\s|[^\\d\\s.．%年月日])",
    "^[IVXLC]+[.．、]\\s",
  ].join("|"),
  "u",
);
/** Bullets, emoji and keycaps that decorate a heading or point. */
const DECORATION = /^(?:[-*+•·▪■□●○◆◇►▶➤✓✔☑→]|\p{Extended_Pictographic}|\d?\uFE0F?\u20E3|\uFE0F|\u200D)+/u;
/** Stops that end a heading or a headline without changing it (? and ! do change it: they stay). */
const FINAL_STOPS = /[.。:：;；,，、…]+$/u;

const NAMED_ENTITIES = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};
/** A Markdown essay may spell a character as an HTML entity (`Doesn&#8217;t`): it is that character. */
const decodeEntities = (t) =>
  t.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });

/** The text a heading, headline or title is compared by. */
export function normalise(text) {
  let t = decodeEntities(String(text ?? "")).normalize("NFKC");
  t = t.replace(/^#{1,6}\s+/, "").replace(/\s+#+\s*$/, "");
  t = t.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\*\*|__|`/g, "");
  t = t.replace(/^[*_]+|[*_]+$/g, "");
  t = t.trim();
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(DECORATION, "").trim();
    t = t.replace(LABEL, "").trim();
    if (t === before) break;
  }
  t = t.replace(/\s+/g, "").replace(FINAL_STOPS, "");
  return t.toLowerCase();
}

/** A found heading or headline matches an expected one when it equals it or starts with it. */
export function matches(found, expected) {
  const e = normalise(expected);
  const f = normalise(found);
  return e.length > 0 && (f === e || f.startsWith(e));
}

/** The longest run of in-order matches between what was found and what was expected. */
export function orderedMatches(found, expected) {
  const rows = found.length + 1;
  const cols = expected.length + 1;
  const table = Array.from({ length: rows }, () => new Array(cols).fill(0));
  for (let i = found.length - 1; i >= 0; i--) {
    for (let j = expected.length - 1; j >= 0; j--) {
      table[i][j] = matches(found[i], expected[j]) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const pairs = [];
  let i = 0;
  let j = 0;
  while (i < found.length && j < expected.length) {
    if (matches(found[i], expected[j]) && table[i][j] === table[i + 1][j + 1] + 1) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** Recall and precision of an ordered list; null where there is nothing to divide by. */
function measure(found, expected) {
  const pairs = orderedMatches(found, expected);
  const missed = expected.filter((_, j) => !pairs.some(([, pj]) => pj === j));
  const extra = found.filter((_, i) => !pairs.some(([pi]) => pi === i));
  return {
    expected: expected.length,
    found: found.length,
    matched: pairs.length,
    recall: expected.length === 0 ? null : pairs.length / expected.length,
    precision: found.length === 0 ? null : pairs.length / found.length,
    missed,
    extra,
  };
}

/**
 * What the parser found, in the terms of expected.json: the deck's title, the headings of the parts
 * that have one (an essay read as one untitled part has none), every point's headline in order.
 */
export function foundStructure(outline, deckTitle) {
  const parts = outline.parts.filter((p) => p.heading.trim() !== "" || p.title.trim() !== "");
  return {
    title: deckTitle ?? outline.title ?? null,
    headings: parts.map((p) => p.heading || p.title),
    points: outline.parts.flatMap((p) => p.points.map((pt) => pt.headline)),
  };
}

const HEADING_LINE = /^#{1,6}\s+(.*?)(?:\s+#+)?\s*$/s;
/** A setext heading: its text, underlined with === or ---. */
const SETEXT_LINE = /^([^\n]*\S[^\n]*)\n {0,3}(?:=+|-+)[ \t]*$/;
const bare = (t) => t.replace(/\*\*|__/g, "").trim();

/** A multiset of strings: taking one that is not (or no more) there fails. */
function bagOf(items) {
  const counts = new Map();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return {
    has: (item) => (counts.get(item) ?? 0) > 0,
    take(item) {
      const n = counts.get(item) ?? 0;
      if (n === 0) return false;
      counts.set(item, n - 1);
      return true;
    },
  };
}

/** Every string anywhere in a value, but under the keys that are no placement of the essay's text. */
function stringsIn(value, skip, out = []) {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, skip, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (!skip.has(k)) stringsIn(v, skip, out);
  }
  return out;
}

/**
 * The source paragraphs that `holder` does not place anywhere, verbatim (a heading line may show as
 * its text without # marks or emphasis). `holder` is an Outline (less its own paragraph list) or a Deck.
 */
export function unplaced(paragraphs, holder) {
  const skip = new Set(["warnings", "meta", "lang", "format", "label", "phrases", "speaking", "fit"]);
  // The holder's own list of every paragraph is what is checked, not a placement (a point's is).
  const { paragraphs: _all, ...placements } = holder;
  const bag = bagOf(stringsIn(placements, skip));
  const left = [];
  for (const p of paragraphs) {
    const heading = HEADING_LINE.exec(p)?.[1] ?? SETEXT_LINE.exec(p)?.[1];
    const forms = [p, heading, heading && bare(heading), bare(p)].filter((f) => typeof f === "string" && f !== "");
    if (!forms.some((f) => bag.take(f))) left.push(p);
  }
  return left;
}

/** Whether a source line sits in any point's paragraphs (a signature or dateline must not). */
function inPoints(outline, line) {
  const want = normalise(line);
  return outline.parts.some((part) =>
    part.points.some((pt) => pt.paragraphs.some((p) => p.split("\n").some((l) => normalise(l).startsWith(want)))),
  );
}

/**
 * One essay's figures. `outline` is the parser's Outline, `deck` the planned Deck, `expected` the
 * expected.json, `sourceText` the essay's characters after any front matter.
 */
export function scoreEssay({ slug, expected, outline, deck, bodyText }) {
  const found = foundStructure(outline, deck?.title);
  const expectedHeadings = expected.parts.map((p) => p.heading).filter((h) => h !== null && h !== "");
  const expectedPoints = expected.parts.flatMap((p) => p.points);
  const parts = measure(found.headings, expectedHeadings);
  const points = measure(found.points, expectedPoints);
  const lostFromOutline = unplaced(outline.paragraphs, outline);
  const lostFromDeck = deck ? unplaced(outline.paragraphs, deck) : [];
  const noSpace = (t) => t.replace(/\s/g, "");
  const charactersKept = bodyText === undefined || noSpace(outline.paragraphs.join("")) === noSpace(bodyText);
  const outside = expected.notInPoints ?? [];
  const strayed = outside.filter((line) => inPoints(outline, line));
  return {
    slug,
    title: { expected: expected.title, found: found.title, ok: found.title !== null && matches(found.title, expected.title) },
    parts,
    points,
    notInPoints: outside.length === 0 ? null : { expected: outside.length, strayed },
    lost: [...lostFromOutline.map((p) => `outline: ${p}`), ...lostFromDeck.map((p) => `deck: ${p}`)],
    charactersKept,
    nothingLost: charactersKept && lostFromOutline.length === 0 && lostFromDeck.length === 0,
  };
}

/** The corpus's totals: figures summed over every essay (micro average), then divided. */
export function totals(rows) {
  const sum = (pick) => rows.reduce((n, r) => n + pick(r), 0);
  const ratio = (a, b) => (b === 0 ? null : a / b);
  /** Recall and precision of one level ("parts" or "points"), summed over the essays. */
  const rates = (level) => {
    const matched = sum((r) => r[level].matched);
    return {
      recall: ratio(
        matched,
        sum((r) => r[level].expected),
      ),
      precision: ratio(
        matched,
        sum((r) => r[level].found),
      ),
    };
  };
  return {
    essays: rows.length,
    titles: sum((r) => (r.title.ok ? 1 : 0)),
    parts: rates("parts"),
    points: rates("points"),
    signaturesKeptOut: sum((r) => (r.notInPoints && r.notInPoints.strayed.length === 0 ? 1 : 0)),
    signatureEssays: sum((r) => (r.notInPoints ? 1 : 0)),
    nothingLost: sum((r) => (r.nothingLost ? 1 : 0)),
  };
}

const pct = (x) => (x === null ? "—" : `${Math.round(x * 100)} %`);

/** The per-essay table and the total line, as Markdown. */
export function markdownTable(rows) {
  const t = totals(rows);
  const lines = [
    "| essay | title | parts recall | parts precision | points recall | points precision | signature out of points | nothing lost |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    const sig = r.notInPoints === null ? "—" : r.notInPoints.strayed.length === 0 ? "yes" : "no";
    lines.push(
      `| ${r.slug} | ${r.title.ok ? "yes" : "no"} | ${pct(r.parts.recall)} (${r.parts.matched}/${r.parts.expected}) | ${pct(r.parts.precision)} (${r.parts.matched}/${r.parts.found}) | ${pct(r.points.recall)} (${r.points.matched}/${r.points.expected}) | ${pct(r.points.precision)} (${r.points.matched}/${r.points.found}) | ${sig} | ${r.nothingLost ? "yes" : "no"} |`,
    );
  }
  lines.push(
    `| **total** (${t.essays}) | ${t.titles}/${t.essays} | ${pct(t.parts.recall)} | ${pct(t.parts.precision)} | ${pct(t.points.recall)} | ${pct(t.points.precision)} | ${t.signaturesKeptOut}/${t.signatureEssays} | ${t.nothingLost}/${t.essays} |`,
  );
  return lines.join("\n");
}
