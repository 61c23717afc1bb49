/**
 * The shape of one paragraph: which numbering marker (if any) opens it, and whether the whole
 * paragraph is a heading line rather than prose. Which shapes form the essay's hierarchy is decided
 * later, from the whole text (schemes.ts): a shape alone proves nothing.
 */

import { endsWithStop } from "../text/sentences.js";
import { CJK_NUMERAL_CHARS, cjkToNumber, DAXIE_CHARS, englishOrdinalToNumber, romanToNumber } from "./numerals.js";

export { matchMarkdownHeading } from "./markers.js";

/** A family of markers that number one level: 一、 / （一） / 1. / 1.2 / 第一章 / ## / First, … */
export type SchemeId = string;

export interface Shape {
  scheme: SchemeId;
  /** The marker as a point's label: 第一, （一）, 1, 1.2, First, 首先; "" for a heading without one. */
  label: string;
  /** The bare numeral, for a part's label: 一, I, 3, 壹; "" when unnumbered. */
  numeral: string;
  /** Place in its sequence (第三 → 3); NaN for words with no fixed place (最後, Finally) and bare headings. */
  number: number;
  /** The whole paragraph is a heading line: short, one phrase or question, no closing stop. */
  line: boolean;
  /** The text after the marker: a heading's words, or the rest of the paragraph a point opens. */
  rest: string;
  /** A word that starts a run of sequence words (首先, First). */
  starter?: boolean;
  /** A word that ends such a run (最後, Finally). */
  terminal?: boolean;
}

/** Schemes of words that open a point's prose (第一， First,): never a heading, and fine as list items. */
export const OPENS_PROSE: ReadonlySet<SchemeId> = new Set(["article", "ordinal", "qi", "sequence", "english"]);

const N = `[${CJK_NUMERAL_CHARS}]+`;
const D = `[${DAXIE_CHARS}]+`;
/** Emphasis that may wrap a marker: **第一，** or **First**, … */
const E = "(?:\\*\\*|__)?";
const SEP = "[,，、:：.．]";

interface Pattern {
  scheme: SchemeId;
  re: RegExp;
  /** Only a heading line, never a paragraph opener (1.2 and 第一章 open prose too often: "1.2 million…"). */
  lineOnly?: boolean;
  label?: (m: RegExpExecArray) => string;
  numeral?: (m: RegExpExecArray) => string;
  number: (m: RegExpExecArray) => number;
}

const cjkOrArabic = (s: string): number => (/^\d+$/.test(s) ? Number(s) : cjkToNumber(s));
const last = (s: string): number => Number(s.split(/[.-]/).at(-1));

const SEQUENCE: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 再者: 3 };
const STARTERS = /^(?:首先|First(?:ly)?)$/;
const TERMINALS = /^(?:最後|最后|Finally|Lastly)$/;

/** Tried in order; the first that matches names the shape. Group 1 is the label, the last group the rest. */
const PATTERNS: Pattern[] = [
  {
    scheme: "chapter",
    re: new RegExp(`^第(${N}|\\d{1,3})\\s*(部分|章|節|节|篇|編|编|講|讲|部)(?:[\\s,，、:：.．]+|$)([\\s\\S]*)$`, "u"),
    lineOnly: true,
    label: (m) => `第${m[1]}${m[2]}`,
    number: (m) => cjkOrArabic(m[1] as string),
  },
  { scheme: "daxie", re: new RegExp(`^(${D})[、.．]\\s*([\\s\\S]+)$`, "u"), number: (m) => cjkToNumber(m[1] as string) },
  { scheme: "cjk", re: new RegExp(`^(${N})[、.．]\\s*([\\s\\S]+)$`, "u"), number: (m) => cjkToNumber(m[1] as string) },
  {
    scheme: "cjk-paren",
    re: new RegExp(`^([（(]${N}[)）])${E}${SEP}?\\s*([\\s\\S]+)$`, "u"),
    numeral: (m) => (m[1] as string).slice(1, -1),
    number: (m) => cjkToNumber((m[1] as string).slice(1, -1)),
  },
  {
    scheme: "decimal",
    re: /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+|(?=[^\d\s.]))([\s\S]+)$/u,
    lineOnly: true,
    number: (m) => last(m[1] as string),
  },
  { scheme: "dash", re: /^(\d{1,2}-\d{1,2})[.．、]?\s*([\s\S]+)$/u, lineOnly: true, number: (m) => last(m[1] as string) },
  { scheme: "arabic", re: /^(\d{1,3})(?:[.．、](?!\d)|[)）])\s*([\s\S]+)$/u, number: (m) => Number(m[1]) },
  {
    scheme: "arabic-paren",
    re: /^([（(]\d{1,3}[)）])\s*([\s\S]+)$/u,
    numeral: (m) => (m[1] as string).slice(1, -1),
    number: (m) => Number((m[1] as string).slice(1, -1)),
  },
  { scheme: "roman", re: /^([IVXLC]+)\.\s+([\s\S]+)$/u, number: (m) => romanToNumber(m[1] as string) },
  { scheme: "circled", re: /^([①-⑳])\s*([\s\S]+)$/u, number: (m) => (m[1] as string).charCodeAt(0) - 0x2460 + 1 },
  { scheme: "keycap", re: /^([0-9])\uFE0F?\u20E3\s*([\s\S]+)$/u, number: (m) => Number(m[1]) },
  {
    scheme: "ordinal",
    re: new RegExp(`^${E}(第${N})(?:點|点|個|个|條|条|步)?${E}${SEP}${E}\\s*([\\s\\S]+)$`, "u"),
    number: (m) => cjkToNumber((m[1] as string).slice(1)),
  },
  {
    // 第一条 为动员社会力量…: the articles of rules and regulations.
    scheme: "article",
    re: new RegExp(`^${E}(第(?:${N}|\\d{1,3})[条條款])${E}(?:${SEP}|\\s)\\s*([\\s\\S]+)$`, "u"),
    number: (m) => cjkOrArabic((m[1] as string).slice(1, -1)),
  },
  {
    scheme: "qi",
    re: new RegExp(`^${E}(其${N})${E}${SEP}${E}\\s*([\\s\\S]+)$`, "u"),
    number: (m) => cjkToNumber((m[1] as string).slice(1)),
  },
  {
    scheme: "sequence",
    re: new RegExp(
      `^${E}(首先|其次|再次|再者|然後|然后|之後|之后|接下來|接下来|接著|接着|再來|再来|最後|最后)${E}[,，、:：]${E}\\s*([\\s\\S]+)$`,
      "u",
    ),
    number: (m) => SEQUENCE[m[1] as string] ?? Number.NaN,
  },
  {
    scheme: "english",
    re: new RegExp(
      `^${E}(First(?:ly)?|Second(?:ly)?|Third(?:ly)?|Fourth(?:ly)?|Fifth(?:ly)?|Sixth(?:ly)?|Seventh(?:ly)?|Eighth(?:ly)?|Ninth(?:ly)?|Tenth(?:ly)?|Next|Finally|Lastly)${E}[,:]${E}\\s+([\\s\\S]+)$`,
      "u",
    ),
    number: (m) => englishOrdinalToNumber(m[1] as string),
  },
];

/**
 * What may stand before a marker without changing it: a list bullet, an emoji, a keycap's own
 * emoji form is a marker itself. `- 第一,` `💻 第一，` `• First,` open points as `第一,` does.
 */
const DECORATION =
  /^(?:\*\*|__)(?=\S)|^(?:[-*+](?=\s)|[•·▪▸►▶➤➢✓✔☑■□◆◇●○◎★☆※→])\s*|^\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*\s*/u;

/** The paragraph without its leading decorations (bullets and emoji), as far as they go. */
export function undecorated(text: string): string {
  let core = text;
  for (let i = 0; i < 3; i++) {
    const m = DECORATION.exec(core);
    if (!m || m[0].length === 0) break;
    core = core.slice(m[0].length);
  }
  return core;
}

/** A numbering marker opening `text` (decorations and a Markdown heading's # already removed). */
export function readMarker(text: string): Shape | null {
  const core = undecorated(text);
  for (const p of PATTERNS) {
    const m = p.re.exec(core);
    if (!m) continue;
    const rest = (m[m.length - 1] as string).trim();
    // 1️⃣ 第三， and ① First, number their point twice: the words are the marker, the sign decoration.
    if (p.scheme === "keycap" || p.scheme === "circled") {
      const inner = readMarker(rest);
      if (inner) return inner;
    }
    // （一）发展成就。 alone in its paragraph is a heading written with a stop.
    const line = isHeadingText(rest) || isShortSentence(rest);
    if (p.lineOnly && !line) continue;
    if (!rest && p.scheme !== "chapter") continue;
    const number = p.number(m);
    if (p.scheme === "roman" && Number.isNaN(number)) continue;
    const label = p.label ? p.label(m) : (m[1] as string);
    // 第一章 and 第一節 are two levels: the unit word is part of the scheme.
    const scheme =
      p.scheme === "chapter" ? `chapter-${m[2]}` : p.scheme === "decimal" ? `decimal-${label.split(".").length}` : p.scheme;
    const word = m[1] as string;
    return {
      scheme,
      label,
      numeral: p.numeral ? p.numeral(m) : word,
      number,
      line,
      rest,
      ...(STARTERS.test(word) ? { starter: true } : {}),
      ...(TERMINALS.test(word) ? { terminal: true } : {}),
    };
  }
  return null;
}

/** Width of a text in half-width units: a Chinese character counts twice. */
export function weight(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) as number) >= 0x2e80 ? 2 : 1;
  return w;
}

/**
 * A heading is a line, not prose: short, with no sentence stop inside it and none closing it
 * (a question or an exclamation may end it: 為什麼要改變？).
 */
export function isHeadingText(text: string, max = 100): boolean {
  const t = text.replace(/\*\*|__/g, "").trim();
  if (!t || t.length > max || weight(t) > max) return false;
  if (/[。！？!?][^。！？!?”’」』）)\]】》"'*]/.test(t.slice(0, -1)) || /[.;]\s+\S/.test(t)) return false;
  if (/[。．.，,；;、：:]$/.test(t)) return false;
  return !endsWithStop(t) || /[？！?!…”」』）)]$/.test(t);
}

/** One short sentence and nothing after it. */
function isShortSentence(text: string): boolean {
  return weight(text) <= 40 && /[。.]$/.test(text) && isHeadingText(text.slice(0, -1), 40);
}

/**
 * A paragraph that opens with a bold run-in headline (**關係優先。** …, **→ 負責力：** …): the bold
 * words, or null. A bulleted list item is not one: a list is shown together.
 */
export function boldLead(text: string): string | null {
  const m = /^(\*\*|__)([^*_\n]{1,80}?)\1\s*(\S[\s\S]*)?$/u.exec(text);
  if (!m?.[3]) return null;
  return (m[2] as string).trim() || null;
}

/** A line that reads as a heading with no number: short, one phrase, followed by prose. */
export function isBareHeading(text: string, markdown: boolean): boolean {
  let t = text.trim();
  if (markdown) {
    // In Markdown a heading is written with #; a whole-bold short line is the other way people write one.
    const bold = /^(\*\*|__)([^*_].*?)\1$/.exec(t);
    if (!bold) return false;
    t = bold[2] as string;
  }
  t = undecorated(t);
  if (!isHeadingText(t, 70)) return false;
  if (/^[-–—(（[【<>|]/.test(t) || /^[a-z]/.test(t)) return false;
  // Headings are phrases: more than a dozen words is a sentence without its stop.
  return t.split(/\s+/).length <= 12;
}
