/** Essay text → Outline. Pure: no file system, no process. */
import type { EssayFormat, EssayMeta, Outline, OutlineJson, ParseWarning, Part, Point } from "../model/outline.js";
import { stripEmphasis } from "../text/emphasis.js";
import { detectLang } from "../text/lang.js";
import { endsWithStop, splitSentences, withoutFinalStop } from "../text/sentences.js";
import { frontMatterMeta, splitFrontMatter } from "./frontmatter.js";
import { splitMarkdown } from "./markdown-blocks.js";
import {
  isClosing,
  matchMarkdownHeading,
  matchPlainHeading,
  matchPoint,
  matchReferences,
  type PartHeading,
  type PointMarker,
  type PointScheme,
} from "./markers.js";
import { cjkToNumber, numberToCjk, numberToRoman, romanToNumber } from "./numerals.js";
import { normalizeText, type SourceParagraph, splitParagraphs } from "./paragraphs.js";

export interface ParseOptions {
  format?: EssayFormat;
}

export function parseEssay(source: string, options: ParseOptions = {}): Outline {
  const format = options.format ?? "text";
  const markdown = format === "markdown";
  const text = normalizeText(source);
  const warnings: ParseWarning[] = [];
  const fm = markdown ? splitFrontMatter(text) : { data: {}, body: text, lines: 0, errors: [] };
  for (const message of fm.errors) warnings.push({ message });
  const declared = typeof fm.data.lang === "string" ? fm.data.lang : undefined;
  // The language joins a list of authors; detected only for such a list.
  const meta: EssayMeta = frontMatterMeta(fm.data, () => declared ?? detectLang(fm.body));
  const body = markdown ? splitMarkdown(fm.body, fm.lines + 1) : null;
  warnings.push(...(body?.warnings ?? []));
  const paragraphs = body ? body.paragraphs : splitParagraphs(fm.body, markdown, fm.lines + 1);

  const headings = findHeadings(paragraphs, markdown);
  let title: string | null = meta.title ?? null;
  /** A title line the front matter's title replaces still belongs to the deck: it opens the preface. */
  const displacedTitle: string[] = [];
  if (headings.titleIndex >= 0) {
    const line = paragraphs[headings.titleIndex] as SourceParagraph;
    const text = stripEmphasis(matchMarkdownHeading(line.text)?.text ?? line.text);
    if (title === null) title = text;
    else if (text !== title) displacedTitle.push(line.text);
  }

  const preface: string[] = [...displacedTitle];
  const groups: Array<{ heading: PartHeading; line: number; body: SourceParagraph[] }> = [];
  let referencesHeading: string | null = null;
  const references: string[] = [];
  paragraphs.forEach((para, i) => {
    if (i === headings.titleIndex) return;
    if (referencesHeading !== null) {
      references.push(para.text);
      return;
    }
    if (matchReferences(para.text)) {
      referencesHeading = para.text;
      return;
    }
    const heading = headings.parts.get(i);
    if (heading) {
      groups.push({ heading, line: para.line, body: [] });
      return;
    }
    const group = groups.at(-1);
    if (group) group.body.push(para);
    else preface.push(para.text);
  });

  const lang = meta.lang ?? detectLang(fm.body);
  const parts = groups.map((g, i) => buildPart(g.heading, g.body, i, lang, markdown, warnings, g.line));
  if (parts.length === 0 && preface.length > 0) {
    warnings.push({ message: "no part headings (一、 / # Heading / I.) found: the essay is read as one part" });
    const body = preface.splice(0).map((t, i) => ({ text: t, line: i + 1 }));
    parts.push(buildPart({ scheme: "markdown", label: "", separator: "", heading: "" }, body, 0, lang, markdown, warnings, 1));
  }
  checkSequence(
    parts.map((p, i) => ({ label: p.label, number: partNumber(p.label), line: groups[i]?.line })),
    "parts",
    warnings,
  );

  return {
    title,
    lang,
    format,
    meta,
    preface,
    parts,
    referencesHeading,
    references,
    warnings,
    paragraphs: paragraphs.map((p) => p.text),
    ...(body && body.blocks.length > 0 ? { blocks: body.blocks } : {}),
  };
}

/** Where the parts start, and which paragraph (if any) is the essay's title line. */
function findHeadings(paragraphs: SourceParagraph[], markdown: boolean) {
  const parts = new Map<number, PartHeading>();
  let titleIndex = -1;
  const md = markdown ? paragraphs.map((p) => (matchReferences(p.text) ? null : matchMarkdownHeading(p.text))) : [];
  const mdHeadings = md.flatMap((h, i) => (h ? [{ i, ...h }] : []));
  if (mdHeadings.length > 0) {
    const first = mdHeadings[0] as { i: number; level: number; text: string };
    const h1s = mdHeadings.filter((h) => h.level === 1);
    let rest = mdHeadings;
    // A lone top-level heading before anything else titles the essay rather than opening a part.
    if (first.level === 1 && h1s.length === 1 && mdHeadings.length > 1 && first.i === 0) {
      titleIndex = first.i;
      rest = mdHeadings.slice(1);
    }
    const level = Math.min(...rest.map((h) => h.level));
    for (const h of rest) {
      if (h.level !== level) continue;
      const plain = matchPlainHeading(h.text);
      parts.set(
        h.i,
        plain
          ? { ...plain, scheme: "markdown", level }
          : { scheme: "markdown", label: "", separator: "", heading: h.text, level },
      );
    }
    return { parts, titleIndex };
  }
  let scheme: PartHeading["scheme"] | null = null;
  paragraphs.forEach((p, i) => {
    const h = matchPlainHeading(p.text);
    if (!h) return;
    scheme ??= h.scheme;
    if (h.scheme === scheme) parts.set(i, h);
  });
  // A short first line that is not a sentence, standing alone before the first part, is the title.
  const first = paragraphs[0];
  const firstPart = Math.min(...parts.keys());
  if (first && firstPart === 1 && isTitleLine(first.text)) titleIndex = 0;
  return { parts, titleIndex };
}

function isTitleLine(text: string): boolean {
  return text.length <= 80 && !endsWithStop(text) && !matchPoint(text) && !matchReferences(text) && !isClosing(text);
}

function buildPart(
  heading: PartHeading,
  body: SourceParagraph[],
  index: number,
  lang: string,
  markdown: boolean,
  warnings: ParseWarning[],
  line: number,
): Part {
  const label = heading.label || (lang.startsWith("zh") || lang === "ja" ? numberToCjk(index + 1) : numberToRoman(index + 1));
  const title = heading.label ? `${heading.prefix ?? ""}${heading.label}${heading.separator}${heading.heading}` : heading.heading;
  const part: Part = { label, heading: stripEmphasis(heading.heading), title, intro: [], points: [], closing: [] };
  // Each paragraph's marker, matched once: the scheme, the points and the sequence check all need it.
  const matched = body.map((para) => matchPoint(para.text));
  const scheme = dominantScheme(matched);
  let pendingClosing: string[] = [];
  for (const [i, para] of body.entries()) {
    const marker = matched[i];
    if (marker && marker.scheme === scheme) {
      // A "closing" paragraph followed by another point was support for the point before it.
      part.points.at(-1)?.paragraphs.push(...pendingClosing);
      pendingClosing = [];
      part.points.push({ label: marker.label, headline: headline(marker.rest, markdown), paragraphs: [para.text] });
      continue;
    }
    const point = part.points.at(-1);
    if (!point) part.intro.push(para.text);
    else if (pendingClosing.length > 0 || isClosing(para.text)) pendingClosing.push(para.text);
    else point.paragraphs.push(para.text);
  }
  part.closing = pendingClosing;
  const name = part.title || `part ${index + 1}`;
  if (part.points.length === 0 && body.length > 0) {
    warnings.push({
      line,
      message: `"${clip(name)}" has no numbered points (第一, / 首先, / First,): each paragraph becomes a slide`,
    });
  }
  const markers = body.flatMap((p, i) => {
    const m = matched[i];
    return m && m.scheme === scheme ? [{ label: m.label, number: m.number, line: p.line }] : [];
  });
  checkSequence(markers, `points of "${clip(name)}"`, warnings);
  return part;
}

/** The numbering a part uses for its points: the scheme most of its paragraphs open with. */
function dominantScheme(matched: readonly (PointMarker | null)[]): PointScheme | null {
  const counts = new Map<PointScheme, number>();
  for (const m of matched) {
    if (m) counts.set(m.scheme, (counts.get(m.scheme) ?? 0) + 1);
  }
  let best: PointScheme | null = null;
  for (const [scheme, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = scheme;
  return best;
}

function headline(rest: string, markdown: boolean): string {
  const text = markdown ? stripEmphasis(rest) : rest;
  const sentence = withoutFinalStop(splitSentences(text)[0] ?? text);
  // "First, disruptive innovation matters." → "Disruptive innovation matters" as a title.
  return sentence.replace(/^[a-z]/, (c) => c.toUpperCase());
}

function checkSequence(
  items: Array<{ label: string; number: number; line?: number }>,
  where: string,
  warnings: ParseWarning[],
): void {
  let previous: { label: string; number: number } | null = null;
  for (const item of items) {
    if (previous && !Number.isNaN(item.number) && !Number.isNaN(previous.number)) {
      const at = { line: item.line };
      if (item.number === previous.number) {
        warnings.push({ ...at, message: `${where}: ${item.label} appears twice (check the numbering)` });
      } else if (item.number > previous.number + 1) {
        warnings.push({ ...at, message: `${where}: ${previous.label} is followed by ${item.label} (is one missing?)` });
      } else if (item.number < previous.number) {
        warnings.push({ ...at, message: `${where}: ${previous.label} is followed by ${item.label} (numbering goes back)` });
      }
    }
    previous = item;
  }
}

function partNumber(label: string): number {
  if (/^\d+$/.test(label)) return Number(label);
  const cjk = cjkToNumber(label.replace(/^第|(?:部分|部|章|篇|節|节)$/g, ""));
  return Number.isNaN(cjk) ? romanToNumber(label) : cjk;
}

const clip = (text: string, n = 24): string => (text.length > n ? `${text.slice(0, n)}…` : text);

/** The public JSON shape of `outline --json`; `preface` only when the essay has one. */
export function outlineToJson(outline: Outline): OutlineJson {
  return {
    title: outline.title,
    lang: outline.lang,
    ...(outline.preface.length > 0 ? { preface: outline.preface } : {}),
    parts: outline.parts.map((p) => ({
      label: p.label,
      heading: p.heading,
      intro: p.intro,
      points: p.points.map((pt: Point) => ({ label: pt.label, headline: pt.headline, paragraphs: pt.paragraphs })),
      closing: p.closing,
    })),
    references: outline.references,
  };
}
