/**
 * Chinese punctuation on slides: an essay typed with ASCII `,` `:` `;` `?` `!` `(` `)` between
 * Chinese characters (出現,讓) looks cramped on a slide, where full-width marks (出現，讓) are the
 * norm. The slides show the full-width forms; the speaker notes and the handout's notes keep the
 * essay verbatim. Each mark is replaced by exactly one character, so a text's length and the
 * positions in it stay the same. Pure.
 */
import type { Outline, Part, Point } from "../model/outline.js";

const HAN_CLASS = "\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef";
const HAN = new RegExp(`[${HAN_CLASS}]`, "u");
/** Full-width forms of the marks converted. */
const FULL: Record<string, string> = { ",": "，", ":": "：", ";": "；", "?": "？", "!": "！" };
/** What may stand before a converted mark: a Chinese character or a closing mark (」』》〉】）”’). */
const BEFORE = `[${HAN_CLASS}」』》〉】）”’]`;
/**
 * `, : ;` after Chinese text and before Chinese text, a space, a closing mark or the end (a digit
 * or Latin letter after it, 年份:2024, 比例:1:2, keeps it ASCII); `? !` after Chinese text, which end
 * its sentence whatever follows (影響?DeepSeek), except a `!` before `[`, Markdown's image (字![圖](a.png)).
 */
const MARK = new RegExp(`(?<=${BEFORE})(?:[,:;](?=${BEFORE}|[${HAN_CLASS}]| |$)|[?!](?!\\[))`, "gu");
/** A bracket pair with nothing bracketed inside it. */
const PAIR = /\(([^()]*)\)/g;

/**
 * `text` with the ASCII marks that sit in Chinese text in full width: `, : ; ? !` as MARK says;
 * a `( … )` pair between Chinese characters (人工智能(AI)領域), or holding Chinese text and
 * touching Chinese text on one side (美國AI(費芯片AI)與). One character for one, so lengths and positions stay.
 */
export function fullWidthPunctuation(text: string): string {
  if (!/[,:;?!()]/.test(text) || !HAN.test(text)) return text;
  const marks = text.replace(MARK, (m) => FULL[m] as string);
  return marks.replace(PAIR, (whole, inside: string, at: number) => {
    const before = HAN.test(marks.charAt(at - 1));
    const after = HAN.test(marks.charAt(at + whole.length));
    return (before && after) || ((before || after) && HAN.test(inside)) ? `（${inside}）` : whole;
  });
}

/** How many marks fullWidthPunctuation would change in `text`. */
export function countConvertible(text: string): number {
  const out = fullWidthPunctuation(text);
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== out[i]) n++;
  return n;
}

/**
 * fullWidthPunctuation, remembered for one plan: a paragraph is listed twice in an outline (in
 * `paragraphs` and in its part) and converted once more for the notes.
 */
export function convertOnce(): (text: string) => string {
  const converted = new Map<string, string>();
  return (text) => {
    let out = converted.get(text);
    if (out === undefined) {
      out = fullWidthPunctuation(text);
      converted.set(text, out);
    }
    return out;
  };
}

/** The outline as the slides show it: every text but the references with full-width marks (pure). */
export function slideOutline(outline: Outline, convert: (text: string) => string = fullWidthPunctuation): Outline {
  // A Markdown block (a table, code, a list) is shown as written, and is looked up by its text.
  const blocks = new Set((outline.blocks ?? []).map((b) => b.source));
  const fw = (text: string) => (blocks.has(text) ? text : convert(text));
  const point = (p: Point): Point => ({ ...p, headline: convert(p.headline), paragraphs: p.paragraphs.map(fw) });
  const part = (p: Part): Part => ({
    ...p,
    heading: convert(p.heading),
    title: convert(p.title),
    intro: p.intro.map(fw),
    points: p.points.map(point),
    closing: p.closing.map(fw),
  });
  return {
    ...outline,
    title: outline.title === null ? null : convert(outline.title),
    paragraphs: outline.paragraphs.map(fw),
    preface: outline.preface.map(fw),
    parts: outline.parts.map(part),
    // References keep the punctuation of their citation style (段毅才,王偉,譯.北京:商務印書館):
    // converting only some of its marks would mix two styles in one entry.
  };
}

/**
 * Puts the essay's own paragraphs back into notes planned from `slideOutline`: each converted
 * paragraph maps to its original, in essay order when two originals convert to the same text.
 */
export function verbatimNotes(
  original: Outline,
  convert: (text: string) => string = fullWidthPunctuation,
): (notes: readonly string[]) => string[] {
  const queues = new Map<string, string[]>();
  const add = (text: string) => {
    const key = convert(text);
    const q = queues.get(key);
    if (q) q.push(text);
    else queues.set(key, [text]);
  };
  original.preface.forEach(add);
  for (const p of original.parts) {
    p.intro.forEach(add);
    for (const pt of p.points) pt.paragraphs.forEach(add);
    p.closing.forEach(add);
  }
  return (notes) =>
    notes.map((n) => {
      const q = queues.get(n);
      if (!q || q.length === 0) return n;
      // The last of a queue stays for later slides that show the same paragraph again.
      return q.length > 1 ? (q.shift() as string) : (q[0] as string);
    });
}
