/**
 * The lines around an essay that are not its argument: the title line, a byline or document number
 * under it, and the signature, dateline and publication note after its last paragraph.
 */
import { stripEmphasis } from "../text/emphasis.js";
import type { SourceParagraph } from "./paragraphs.js";
import { isHeadingText, matchMarkdownHeading, readMarker, weight } from "./shapes.js";

const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
const CJK_DIGIT = "〇○零一二三四五六七八九十";
const DATE = new RegExp(
  [
    // 114年01月21日: the Republic of China's years have three digits.
    "\\d{3,4}\\s*年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?",
    `[${CJK_DIGIT}]{4}年[${CJK_DIGIT}]{1,3}月(?:[${CJK_DIGIT}]{1,3}日)?`,
    "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}",
    `(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
    `\\d{1,2}\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}`,
  ].join("|"),
  "u",
);
/** A line that is a date and little else: 2019年1月24日, January 24, 2019, 發布日期：2024-03-01. */
const DATELINE = new RegExp(`^[^。.!?！？]{0,16}?(?:${DATE.source})[^。!?！？]{0,20}$`, "u");

/** 〔2019〕4號, [2024] No. 3: an official document's number. */
const DOC_NUMBER = /[〔［[]\d{4}[〕］\]]\s*(?:第\s*)?\d+\s*[號号]|^(?:[^。]{1,12})?字第\s*\d+\s*[號号]$/u;

const BYLINE =
  /^(?:(?:Posted|Written|Published|Updated|Reported)\s+(?:by|on)\b|By\s+\p{Lu}|作者\s*[:：]|文\s*[/／|｜]|撰文\s*[:：]|記者|记者|編輯|编辑|来源\s*[:：]|來源\s*[:：]|Source\s*:|Author\s*:)/u;

/** （此件公开发布）, (Originally published in …): a whole-line note in brackets. */
const BRACKETED = /^[（(][^（）()]{4,120}[)）]$/u;

export type MatterKind = "date" | "number" | "byline" | "note";

/** What kind of apparatus line this is, or null for the essay's own text. */
export function matterOf(text: string): MatterKind | null {
  const t = text.replace(/\*\*|__|^[_*]|[_*]$/g, "").trim();
  if (t.length > 120) return null;
  if (DATELINE.test(t)) return "date";
  if (DOC_NUMBER.test(t)) return "number";
  if (BYLINE.test(t)) return "byline";
  if (BRACKETED.test(t)) return "note";
  return null;
}

/** A signature line: an office or a name, alone, short, with no stop. */
function isSignature(text: string): boolean {
  const t = text.replace(/^[-–—]+\s*/, "").trim();
  return t.length > 0 && weight(t) <= 40 && isHeadingText(t) && !/[？！?!]$/.test(t) && readMarker(t) === null;
}

/**
 * How many paragraphs at the end are signature, dateline and publication notes: only when one of
 * them is a date, a note or a byline (a short last line alone may be the essay's own last word).
 */
export function endMatterLength(paragraphs: readonly string[]): number {
  let n = attachmentsLength(paragraphs);
  let evidence = n > 0;
  for (let i = paragraphs.length - 1 - n; i >= 0 && n < 6; i--) {
    const text = paragraphs[i] as string;
    const kind = matterOf(text);
    if (kind !== null) evidence = true;
    else if (!isSignature(text)) break;
    n++;
  }
  // Keep something of the essay: a text that is all short lines is no signature.
  return evidence && n < paragraphs.length ? n : 0;
}

const ATTACHMENTS = /^(?:附件|附表|附：|Attachments?|Annex(?:es)?|Appendix)\s*[:：]?/iu;

/** 附件：1．…审批表 and the attachments listed after it, at the very end: how many lines. */
function attachmentsLength(paragraphs: readonly string[]): number {
  const from = Math.max(0, paragraphs.length - 12);
  for (let i = from; i < paragraphs.length; i++) {
    const text = paragraphs[i] as string;
    if (!ATTACHMENTS.test(text) || !/[:：]/.test(text.slice(0, 12))) continue;
    const list = paragraphs.slice(i);
    if (list.every((p) => weight(p) <= 120)) return list.length;
  }
  return 0;
}

/** A first line that titles the essay: short, a phrase or a question, no number of a scheme. */
export function isTitleLine(text: string, markdown: boolean): boolean {
  const heading = markdown ? matchMarkdownHeading(text) : null;
  if (heading) return heading.level === 1 && readMarker(heading.text) === null;
  const t = markdown ? (/^(\*\*|__)(.+)\1$/.exec(text)?.[2] ?? null) : text;
  if (t === null) return false;
  return isHeadingText(t) && readMarker(t) === null && matterOf(t) === null;
}

export interface FoundTitle {
  /** The title's paragraphs: [from, to). */
  from: number;
  to: number;
  text: string;
  /** Written as a Markdown # heading. */
  heading: boolean;
}

/** Brackets a title line may open and the next line close: 关于印发《…违法违规 / 行为…细则》的通知. */
const OPENERS = "《（(「『“[";
const CLOSERS = "》）)」』”]";

function unbalanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth--;
  }
  return depth > 0;
}

/**
 * The essay's title: a lone # heading on top, a short first line, or a first line broken over two or
 * three (a notice's issuer, then 关于…的通知; a bracket opened and closed on the next line). A date
 * or byline may stand above it. Null when the essay has none.
 */
export function findTitle(paragraphs: readonly SourceParagraph[], markdown: boolean): FoundTitle | null {
  let from = 0;
  while (from < 2 && from < paragraphs.length && matterOf((paragraphs[from] as SourceParagraph).text) !== null) from++;
  const first = paragraphs[from];
  if (!first || paragraphs.length < from + 2) return null;
  const md = markdown ? matchMarkdownHeading(first.text) : null;
  if (md) {
    const h1s = paragraphs.filter((p) => matchMarkdownHeading(p.text)?.level === 1).length;
    const ok = md.level === 1 && h1s === 1 && readMarker(md.text) === null;
    return ok ? { from, to: from + 1, text: stripEmphasis(md.text), heading: true } : null;
  }
  // A report chapter on its own (第四章 數位轉型的現況) is titled by its chapter heading.
  const chapter = markdown ? null : readMarker(first.text);
  if (chapter?.scheme.startsWith("chapter-") && chapter.rest) {
    const more = paragraphs.some((p, i) => i > from && readMarker(p.text)?.scheme === chapter.scheme);
    return more ? null : { from, to: from + 1, text: first.text, heading: false };
  }
  if (!isTitleLine(first.text, markdown)) return null;
  let to = from + 1;
  let text = stripEmphasis(first.text);
  while (!markdown && to < Math.min(paragraphs.length - 1, from + 3)) {
    const next = (paragraphs[to] as SourceParagraph).text;
    if (!(unbalanced(text) || /^(?:关于|關於)/.test(next)) || !isHeadingText(next) || readMarker(next) !== null) break;
    text += /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(next) ? ` ${next}` : next;
    to++;
  }
  return { from, to, text, heading: false };
}
