/**
 * A Markdown essay's body → paragraphs, by marked's block lexer: prose paragraphs and headings as
 * the structure rules split them, and lists, tables, quotes, fenced code, `:::` containers and
 * image-only paragraphs each as one paragraph that is also a Block. Every paragraph's text is the
 * source verbatim; what the lexer does not take as a block stays prose, so nothing is lost. Pure.
 */
import { createRequire } from "node:module";
import type { Lexer, MarkedOptions, Token, TokenizerExtension, Tokens } from "marked";
import type { Block, ImageRef, ListItem, MarkdownParagraph } from "../model/blocks.js";
import type { ParseWarning } from "../model/outline.js";
import { windowedTokenizers } from "./lookahead.js";
import { matchMarkdownHeading, matchReferences } from "./markers.js";
import { type SourceParagraph, splitParagraphs } from "./paragraphs.js";
import { boldLead, isHeadingText, OPENS_PROSE, readMarker } from "./shapes.js";

const requireMarked = createRequire(import.meta.url);

export interface MarkdownBody {
  paragraphs: SourceParagraph[];
  /** The paragraphs that are blocks or hold images, in order. */
  blocks: MarkdownParagraph[];
  warnings: ParseWarning[];
}

/** A container: `::: name` on a line, its content, then `:::` on a line of its own. */
const CONTAINER_OPEN = /^ {0,3}:::[ \t]*([\w-]*)[^\n]*(?:\n|$)/;
const CONTAINER_CLOSE = /^ {0,3}:::[ \t]*$/;

/** marked, set for essays: GFM tables, `:::` containers, and no indented code (an indented paragraph is prose). */
function createLexer(): Lexer {
  const { Lexer, Marked, Tokenizer } = requireMarked("marked") as typeof import("marked");
  // The length of the text a scan for a closing ::: failed in: a later opener in it cannot find one either.
  let unclosedBelow = 0;
  const container: TokenizerExtension = {
    name: "container",
    level: "block",
    start: (src: string) => src.match(/(?:^|\n) {0,3}:::/)?.index,
    tokenizer(src: string) {
      const open = CONTAINER_OPEN.exec(src);
      if (!open || src.length < unclosedBelow) return undefined;
      let at = open[0].length;
      while (at < src.length) {
        const end = src.indexOf("\n", at);
        const line = src.slice(at, end < 0 ? src.length : end);
        if (CONTAINER_CLOSE.test(line)) {
          const raw = src.slice(0, end < 0 ? src.length : end);
          return { type: "container", raw, name: open[1] ?? "", text: src.slice(open[0].length, at).replace(/\n$/, "") };
        }
        if (end < 0) break;
        at = end + 1;
      }
      unclosedBelow = src.length;
      return undefined;
    },
  };
  const marked = new Marked({ gfm: true }).use({
    extensions: [container],
    // Returning undefined (not false) turns the rule off: an indented line is a paragraph, not code.
    // Inline rules look no further than LOOKAHEAD: 400 KB of "<![CDATA[" took time growing with its square.
    tokenizer: { ...windowedTokenizers(Tokenizer), code: () => undefined } as unknown as MarkedOptions["tokenizer"],
  });
  return new Lexer(marked.defaults);
}

export function splitMarkdown(body: string, firstLine: number): MarkdownBody {
  const out: MarkdownBody = { paragraphs: [], blocks: [], warnings: [] };
  if (!body.trim()) return out;
  const lexer = createLexer();
  const tokens = lexer.blockTokens(body, []);
  let pos = 0;
  let line = firstLine;
  let afterReferences = false;
  const prose = (text: string, at: number) => {
    for (const p of splitParagraphs(text, true, at)) {
      out.paragraphs.push(p);
      if (matchReferences(p.text)) afterReferences = true;
      const images = imagesIn(lexer, p.text, p.line);
      if (images.length > 0) out.blocks.push({ source: p.text, line: p.line, images });
    }
  };
  for (const token of tokens) {
    const at = token.raw ? body.indexOf(token.raw, pos) : -1;
    if (at < 0) continue;
    // Text the lexer kept for itself (a link definition) is still the essay's: prose.
    if (at > pos) prose(body.slice(pos, at), line);
    line += countLines(body, pos, at);
    const block = afterReferences ? null : blockOf(token, lexer, line, out.warnings);
    const text = token.raw.trim();
    if (block && text) {
      const lead = token.raw.length - token.raw.trimStart().length;
      const start = line + countLines(token.raw, 0, lead);
      out.paragraphs.push({ text, line: start });
      const images = block.kind === "image" ? block.images : imagesIn(lexer, text, start);
      out.blocks.push({ source: text, line: start, block, images });
    } else if (text) {
      prose(token.raw, line);
    }
    line += countLines(token.raw, 0, token.raw.length);
    pos = at + token.raw.length;
  }
  if (pos < body.length) prose(body.slice(pos), line);
  return out;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** The block a token is, or null when it is prose as far as the deck is concerned. */
function blockOf(token: Token, lexer: Lexer, line: number, warnings: ParseWarning[]): Block | null {
  switch (token.type) {
    case "paragraph":
      return figure(lexer, token as Tokens.Paragraph, line);
    case "list":
      return list(token as Tokens.List);
    case "table": {
      const t = token as Tokens.Table;
      return {
        kind: "table",
        header: t.header.map((c) => c.text),
        align: t.align.map((a) => a ?? null),
        rows: t.rows.map((r) => r.map((c) => c.text)),
      };
    }
    case "blockquote":
      return quote(token as Tokens.Blockquote);
    case "code": {
      const c = token as Tokens.Code;
      if (!closedFence(c.raw)) {
        warnings.push({
          line,
          message: `${c.raw.trimStart().slice(0, 3)} opens a code block that is never closed: read as text`,
        });
        return null;
      }
      return { kind: "code", ...(c.lang ? { lang: c.lang } : {}), text: c.text };
    }
    case "container": {
      const c = token as Tokens.Generic;
      return { kind: "container", name: String(c.name ?? ""), paragraphs: paragraphsOf(String(c.text ?? "")) };
    }
    default:
      return null;
  }
}

/** The fence a code block opens with closes it: otherwise CommonMark runs it to the end of the essay. */
function closedFence(raw: string): boolean {
  const lines = raw.trim().split("\n");
  const open = /^\s*(`{3,}|~{3,})/.exec(lines[0] ?? "")?.[1];
  if (!open || lines.length < 2) return false;
  const last = (lines.at(-1) as string).trim();
  return last.startsWith(open) && /^(`+|~+)$/.test(last);
}

/** A paragraph that is nothing but images (and spaces between them) is a figure. */
function figure(lexer: Lexer, token: Tokens.Paragraph, line: number): Block | null {
  if (!token.text.includes("![")) return null;
  const inline = lexer.inlineTokens(token.text);
  const images = inline.filter((t): t is Tokens.Image => t.type === "image");
  if (images.length === 0) return null;
  const rest = inline.filter((t) => t.type !== "image" && !(t.type === "br" || (t.type === "text" && !t.raw.trim())));
  if (rest.length > 0) return null;
  return { kind: "image", images: images.map((i) => imageRef(i, line)) };
}

/** Images inside prose (or a block's text), each with the line it is written on. */
function imagesIn(lexer: Lexer, text: string, line: number): ImageRef[] {
  if (!text.includes("![")) return [];
  const found: ImageRef[] = [];
  const walk = (tokens: readonly Token[], at: number) => {
    for (const t of tokens) {
      if (t.type === "image") found.push(imageRef(t as Tokens.Image, at));
      else if ("tokens" in t && Array.isArray(t.tokens)) walk(t.tokens as Token[], at);
    }
  };
  text.split("\n").forEach((l, i) => {
    if (l.includes("![")) walk(lexer.inlineTokens(l), line + i);
  });
  return found;
}

function imageRef(token: Tokens.Image, line: number): ImageRef {
  return { src: token.href, alt: token.text, ...(token.title ? { title: token.title } : {}), line };
}

/**
 * A list, unless it numbers the essay's points: an ordered list whose every item opens like a point
 * (`1.`), or a bulleted one whose every item opens with an ordinal word (`- 第一，`), is read by the
 * structure rules, as the same lines in a plain-text essay are.
 */
function list(token: Tokens.List): Block | null {
  const markers = token.items.map((item) => readMarker(item.raw.trim()));
  // Numbered phrases (1. Demonstrate humility) are a list: the structure reader numbers points only
  // with numbered paragraphs (prose, sentences, a bold run-in headline).
  const phrases = token.ordered && markers.every((m) => m !== null && isHeadingText(m.rest) && boldLead(m.rest) === null);
  const numbersPoints =
    !phrases && markers.every((marker) => marker !== null && (token.ordered || OPENS_PROSE.has(marker.scheme)));
  if (numbersPoints) return null;
  // An item that is a heading or a point marker of its own would hide the essay's structure.
  if (token.items.some((item) => matchMarkdownHeading(item.text.trim()) !== null)) return null;
  const items = token.items.map(listItem);
  return {
    kind: "list",
    ordered: token.ordered,
    ...(token.ordered && token.start !== 1 ? { start: Number(token.start) } : {}),
    items,
  };
}

function listItem(item: Tokens.ListItem): ListItem {
  const own: string[] = [];
  const nested: string[] = [];
  // A task item keeps its box as written: `[ ]` or `[x]` (a glyph such as ☐ may be in no installed font).
  const task = item.task ? (item.checked ? "[x] " : "[ ] ") : "";
  for (const t of item.tokens) {
    if (t.type === "list") nested.push(...flatten(t as Tokens.List));
    else if (t.type !== "space" && t.type !== "checkbox") own.push(t.raw.trim());
  }
  const text = task + own.join("\n");
  return nested.length > 0 ? { text, items: nested } : { text };
}

/** Items at any depth below the first, in reading order, each its own text. */
function flatten(list: Tokens.List): string[] {
  return list.items.flatMap((item) => {
    const { text, items } = listItem(item);
    return [text, ...(items ?? [])];
  });
}

function quote(token: Tokens.Blockquote): Block | null {
  const paragraphs = token.tokens.flatMap((t) => {
    if (t.type === "space") return [];
    if (t.type === "blockquote") return (quote(t as Tokens.Blockquote) as { paragraphs: string[] } | null)?.paragraphs ?? [];
    return [("text" in t && typeof t.text === "string" && t.type === "paragraph" ? t.text : t.raw).trim()];
  });
  return paragraphs.length > 0 ? { kind: "quote", paragraphs } : null;
}

/** A container's content, as paragraphs: blank-line separated, each verbatim. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
