/** The markers an essay uses for its structure: part headings, numbered points, closings, references. */

import { endsWithStop } from "../text/sentences.js";
import { CJK_NUMERAL_CHARS, cjkToNumber, englishOrdinalToNumber, romanToNumber } from "./numerals.js";

const N = `[${CJK_NUMERAL_CHARS}]+`;

export type PartScheme = "cjk" | "cjk-part" | "roman" | "arabic" | "markdown";

export interface PartHeading {
  scheme: PartScheme;
  /** The numeral as written, or "" when the heading has none (a bare Markdown heading). */
  label: string;
  heading: string;
  /** Text between the numeral and the heading (、 . 部分), kept so the line can be shown verbatim. */
  separator: string;
  /** Text before the numeral (第 of 第一部分). */
  prefix?: string;
  level?: number;
}

const CJK_PART = new RegExp(`^(${N})(、\\s*)(.+)$`, "u");
const CJK_PART_WORD = new RegExp(`^第(${N})(部分|部|章|篇|節|节)([\\s,，、:：.．]*)(.*)$`, "u");
const ROMAN_PART = /^([IVXLC]+)(\.\s+)(.+)$/;
const ARABIC_PART = /^(\d{1,3})([.．、]\s*)(.+)$/;
const MD_HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;

/** A heading written without Markdown: 一、…, 第一部分…, I. …, 1. … (short, not a sentence). */
export function matchPlainHeading(line: string): PartHeading | null {
  let m = CJK_PART.exec(line);
  if (m && !isSentence(m[3] as string)) {
    return { scheme: "cjk", label: m[1] as string, separator: m[2] as string, heading: m[3] as string };
  }
  m = CJK_PART_WORD.exec(line);
  if (m) {
    // 第一部分：背景 → numeral 一; the line is kept whole as the part's title.
    return {
      scheme: "cjk-part",
      label: m[1] as string,
      prefix: "第",
      separator: `${m[2]}${m[3]}`,
      heading: m[4] as string,
    };
  }
  m = ROMAN_PART.exec(line);
  if (m && !Number.isNaN(romanToNumber(m[1] as string)) && !isSentence(m[3] as string)) {
    return { scheme: "roman", label: m[1] as string, separator: m[2] as string, heading: m[3] as string };
  }
  m = ARABIC_PART.exec(line);
  if (m && !isSentence(m[3] as string) && (m[3] as string).length <= 80) {
    return { scheme: "arabic", label: m[1] as string, separator: m[2] as string, heading: m[3] as string };
  }
  return null;
}

/** A heading is a line, not prose: it has no sentence stop inside it or at its end. */
function isSentence(text: string): boolean {
  if (endsWithStop(text) && !/[”」』）)]$/.test(text)) return true;
  return /[。！？]./.test(text) || /[.!?]\s+\S/.test(text);
}

export function matchMarkdownHeading(line: string): { level: number; text: string } | null {
  const m = MD_HEADING.exec(line);
  return m ? { level: (m[1] as string).length, text: (m[2] as string).trim() } : null;
}

export type PointScheme = "ordinal" | "qi" | "sequence" | "paren" | "arabic" | "english";

export interface PointMarker {
  scheme: PointScheme;
  label: string;
  /** Position in its sequence (第三 → 3), NaN for words with no fixed place (最後, Finally). */
  number: number;
  /** The paragraph after the label and its punctuation. */
  rest: string;
}

const SEP = "[,，、:：.．]";
const POINT_PATTERNS: Array<{ scheme: PointScheme; re: RegExp; number: (label: string) => number }> = [
  {
    scheme: "ordinal",
    re: new RegExp(`^(第${N})(?:點|点)?${SEP}\\s*`, "u"),
    number: (l) => cjkToNumber(l.slice(1)),
  },
  { scheme: "qi", re: new RegExp(`^(其${N})${SEP}\\s*`, "u"), number: (l) => cjkToNumber(l.slice(1)) },
  {
    scheme: "sequence",
    re: /^(首先|其次|再次|再者|然後|然后|最後|最后)[,，、:：]\s*/u,
    number: (l) => ({ 首先: 1, 其次: 2, 再次: 3, 再者: 3 })[l] ?? Number.NaN,
  },
  {
    scheme: "paren",
    re: new RegExp(`^([（(]${N}[)）])${SEP}?\\s*`, "u"),
    number: (l) => cjkToNumber(l.slice(1, -1)),
  },
  { scheme: "arabic", re: /^(\d{1,3})[.．、)）](?!\d)\s*/u, number: (l) => Number(l) },
  {
    scheme: "english",
    re: /^(First(?:ly)?|Second(?:ly)?|Third(?:ly)?|Fourth(?:ly)?|Fifth(?:ly)?|Sixth(?:ly)?|Seventh(?:ly)?|Eighth(?:ly)?|Ninth(?:ly)?|Tenth(?:ly)?|Finally|Lastly)[,:]\s+/u,
    number: englishOrdinalToNumber,
  },
];

/** Markdown emphasis or a heading mark around the start of a point: **第一,…。** or ### 第一,… */
const LEADING_MARKUP = /^(?:#{1,6}\s+)?(?:\*\*|__|\*|_)?/;

export function matchPoint(paragraph: string): PointMarker | null {
  const text = paragraph.replace(LEADING_MARKUP, "");
  for (const { scheme, re, number } of POINT_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    if (!rest.trim()) continue;
    const label = m[1] as string;
    return { scheme, label, number: number(label), rest };
  }
  return null;
}

const CLOSING =
  /^(?:\*\*|__)?(?:此外|另外|總之|总之|綜上|综上|總而言之|总而言之|總的來說|总的来说|最後|最后|In conclusion|To conclude|In summary|In sum|To sum up|Overall|In short)(?:[,，、:：\s]|$)/iu;

export const isClosing = (paragraph: string): boolean => CLOSING.test(paragraph);

const REFERENCES =
  /^(?:#{1,6}\s+)?(?:\*\*|__)?(參考文獻|参考文献|參考資料|参考资料|引用文獻|引用文献|References|Bibliography|Works Cited|Sources)(?:\*\*|__)?\s*[:：]?\s*(?:\*\*|__)?\s*$/iu;

/** `參考文獻:` or `## References`: the line that starts the reference list. */
export function matchReferences(paragraph: string): string | null {
  const m = REFERENCES.exec(paragraph.trim());
  return m ? (m[1] as string) : null;
}
