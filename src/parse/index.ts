/** Essay text → Outline. Pure: no file system, no process. */
import type {
  EssayFormat,
  EssayMeta,
  Outline,
  OutlineJson,
  ParseWarning,
  Part,
  Point,
  StructureReading,
} from "../model/outline.js";
import { stripEmphasis } from "../text/emphasis.js";
import { detectLang } from "../text/lang.js";
import { splitSentences, withoutFinalStop } from "../text/sentences.js";
import { frontMatterMeta, splitFrontMatter } from "./frontmatter.js";
import { splitMarkdown } from "./markdown-blocks.js";
import { isClosing, matchMarkdownHeading, matchReferences } from "./markers.js";
import { endMatterLength, findTitle, matterOf } from "./matter.js";
import { numberToCjk, numberToRoman } from "./numerals.js";
import { shapesOf } from "./paragraph-shapes.js";
import { normalizeText, type SourceParagraph, splitParagraphs } from "./paragraphs.js";
import { readStructure } from "./schemes.js";
import { boldLead, type Shape } from "./shapes.js";

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
  const markdownBody = markdown ? splitMarkdown(fm.body, fm.lines + 1) : null;
  warnings.push(...(markdownBody?.warnings ?? []));
  const paragraphs = markdownBody ? markdownBody.paragraphs : splitParagraphs(fm.body, markdown, fm.lines + 1);

  const refAt = paragraphs.findIndex((p) => matchReferences(p.text) !== null);
  const main = refAt < 0 ? paragraphs : paragraphs.slice(0, refAt);
  const found = findTitle(main, markdown);
  let title: string | null = meta.title ?? null;
  let titleSource: StructureReading["title"] = title === null ? null : "front matter";
  // A date or byline above the title, and a title written over several lines, stay in the preface.
  const preface: string[] = main.slice(0, found?.from ?? 0).map((p) => p.text);
  if (found) {
    const lines = main.slice(found.from, found.to).map((p) => p.text);
    if (title === null) {
      title = found.text;
      titleSource = found.heading ? "heading" : lines.length > 1 ? "first lines" : "first line";
      if (lines.length > 1) preface.push(...lines);
    } else if (lines.length > 1 || found.text !== title) {
      /** A title line the front matter's title replaces still belongs to the deck: it opens the preface. */
      preface.push(...lines);
    }
  }
  const afterTitle = main.slice(found?.to ?? 0);
  const endLength = endMatterLength(afterTitle.map((p) => p.text));
  const body = afterTitle.slice(0, afterTitle.length - endLength);
  const signature = afterTitle.slice(afterTitle.length - endLength).map((p) => p.text);

  const shapes = shapesOf(body, markdown);
  const structure = readStructure(
    shapes,
    body.map((p) => p.line),
  );
  const lang = meta.lang ?? detectLang(fm.body);
  const parts: Part[] = [];
  const numbers: Array<{ label: string; number: number; line: number }> = [];
  const firstPart = structure.parts[0] ?? body.length;
  const opening = body.slice(0, firstPart);
  if (structure.parts.length > 0 && !opening.some((_, i) => structure.points.has(i))) {
    preface.push(...opening.map((p) => p.text));
  } else {
    // Before the first part (or in an essay without parts) an unheaded part holds the points; the
    // byline and dateline under the title go with the title.
    let lead = 0;
    while (lead < opening.length && matterOf((opening[lead] as SourceParagraph).text) !== null) lead++;
    preface.push(...opening.slice(0, lead).map((p) => p.text));
    const rest = opening.slice(lead).map((p, i) => ({ para: p, shape: structure.points.get(i + lead) ?? null }));
    if (rest.length > 0) parts.push(buildPart(null, rest, 0, lang, markdown, warnings));
  }
  structure.parts.forEach((at, n) => {
    const end = structure.parts[n + 1] ?? body.length;
    const heading = { para: body[at] as SourceParagraph, shape: shapes[at] as Shape };
    const rest = body.slice(at + 1, end).map((p, i) => ({ para: p, shape: structure.points.get(at + 1 + i) ?? null }));
    parts.push(buildPart(heading, rest, parts.length, lang, markdown, warnings));
    numbers.push({ label: parts.at(-1)?.label ?? "", number: heading.shape.number, line: heading.para.line });
  });
  checkSequence(numbers, "parts", warnings);

  return {
    title,
    lang,
    format,
    meta,
    preface,
    parts,
    referencesHeading: refAt < 0 ? null : (paragraphs[refAt] as SourceParagraph).text,
    references: refAt < 0 ? [] : paragraphs.slice(refAt + 1).map((p) => p.text),
    signature,
    structure: { ...structure.reading, title: titleSource },
    warnings,
    paragraphs: paragraphs.map((p) => p.text),
    ...(markdownBody && markdownBody.blocks.length > 0 ? { blocks: markdownBody.blocks } : {}),
  };
}

interface Entry {
  para: SourceParagraph;
  shape: Shape | null;
}

function buildPart(
  opening: { para: SourceParagraph; shape: Shape } | null,
  body: Entry[],
  index: number,
  lang: string,
  markdown: boolean,
  warnings: ParseWarning[],
): Part {
  const generated = lang.startsWith("zh") || lang === "ja" ? numberToCjk(index + 1) : numberToRoman(index + 1);
  const md = opening && markdown ? matchMarkdownHeading(opening.para.text) : null;
  const part: Part = {
    label: opening?.shape.numeral || generated,
    heading: opening ? withoutFinalStop(stripEmphasis(opening.shape.rest)) : "",
    title: opening ? (md?.text ?? opening.para.text) : "",
    intro: [],
    points: [],
    closing: [],
  };
  let pendingClosing: string[] = [];
  const markers: Array<{ label: string; number: number; line: number }> = [];
  for (const { para, shape } of body) {
    if (shape) {
      // A "closing" paragraph followed by another point was support for the point before it.
      part.points.at(-1)?.paragraphs.push(...pendingClosing);
      pendingClosing = [];
      part.points.push({ label: shape.label, headline: headline(shape, markdown), paragraphs: [para.text] });
      if (!/^(?:md|bare|sequence|english)/.test(shape.scheme))
        markers.push({ label: shape.label, number: shape.number, line: para.line });
      continue;
    }
    const point = part.points.at(-1);
    if (!point) part.intro.push(para.text);
    else if (pendingClosing.length > 0 || isClosing(para.text)) pendingClosing.push(para.text);
    else point.paragraphs.push(para.text);
  }
  part.closing = pendingClosing;
  // Points written as one paragraph each ((一)加强领导。要…): what follows the last one closes the part.
  const last = part.points.at(-1);
  const earlier = part.points.slice(0, -1);
  if (last && last.paragraphs.length > 1 && earlier.length >= 2 && earlier.every((p) => p.paragraphs.length === 1)) {
    part.closing = [...last.paragraphs.splice(1), ...part.closing];
  }
  checkSequence(markers, `points of "${clip(part.title || `part ${index + 1}`)}"`, warnings);
  return part;
}

function headline(shape: Shape, markdown: boolean): string {
  if (shape.scheme === "bold") return withoutFinalStop(shape.rest);
  // 1. **探索（開放）：** 我們發送了… is headed by its bold words.
  const bold = markdown ? boldLead(shape.rest) : null;
  if (bold) return withoutFinalStop(bold);
  const text = markdown || shape.line ? stripEmphasis(shape.rest) : shape.rest;
  const sentence = withoutFinalStop(shape.line ? text : (splitSentences(text)[0] ?? text));
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
      const outline = /^\d+(?:[.-]\d+)+$/.test(item.label) && /^\d+(?:[.-]\d+)+$/.test(previous.label);
      // 1.2 → 2.1 is in order: the level above moved on, and this one starts again.
      if (outline && item.label.replace(/[.-]\d+$/, "") !== previous.label.replace(/[.-]\d+$/, "")) {
        if (item.number !== 1) {
          warnings.push({ ...at, message: `${where}: ${previous.label} is followed by ${item.label} (is one missing?)` });
        }
      } else if (item.number === previous.number) {
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

const clip = (text: string, n = 24): string => (text.length > n ? `${text.slice(0, n)}…` : text);

/** The public JSON shape of `outline --json`; `preface` and `signature` only when the essay has them. */
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
    ...(outline.signature.length > 0 ? { signature: outline.signature } : {}),
    structure: outline.structure,
  };
}
