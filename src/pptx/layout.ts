/**
 * Deck → PowerPoint slides as boxes of text, in px of the deck's own slide size. The geometry is
 * templates/deck.css's, the sizes the planner's (its fit scales), and each box's height comes from
 * the planner's width model (src/plan/fit.ts), which never predicts fewer lines than a browser
 * lays out: a box is as tall as the HTML slide's text, so LibreOffice and PowerPoint fit it too.
 * Pure: src/pptx/index.ts turns this into a file.
 */
import { DEFAULT_SLIDE_SIZE, type Deck, type Slide, type SlideBlock, type SlideSize } from "../model/deck.js";
import { BASE_FONT_PX, STYLES } from "../plan/fit.js";
import { escapeHtml, renderInline } from "../render/inline.js";
import { languageOf } from "../text/languages/index.js";
import { charsPerLine, linesOf, linesOfPhrases, textWidth } from "../text/width.js";
import { blocksHeight, type ImageShape, layoutBlocks, type TableShape } from "./blocks.js";
import type { PptxTheme } from "./theme.js";

export interface Run {
  text: string;
  /** Font size in px of the slide. */
  size: number;
  color: string;
  bold?: boolean;
}

export interface Paragraph {
  runs: Run[];
  /** A bullet in the accent colour, hanging `indent` px. */
  bullet?: boolean;
  /** Hanging indent without a bullet (reference entries), px. */
  hanging?: number;
  /** Line height in px (exact, as CSS's line-height). */
  lineHeight: number;
  spaceAfter?: number;
  align?: "left" | "center" | "justify";
}

export interface TextBox {
  /** What the box holds: the tests and the writer's names of shapes. */
  role: "context" | "label" | "headline" | "body" | "title" | "kicker" | "heading" | "block" | "code" | "caption";
  x: number;
  y: number;
  w: number;
  h: number;
  paragraphs: Paragraph[];
  valign?: "top" | "middle";
  fill?: string;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

export interface PptxSlide {
  id: string;
  kind: Slide["kind"];
  /** The PowerPoint section the slide belongs to: the deck title, a part, the references. */
  section: string;
  boxes: TextBox[];
  rects: Rect[];
  tables: TableShape[];
  images: ImageShape[];
  /** Speaking time first, then every paragraph verbatim. */
  notes: string[];
}

export interface PptxLayoutOptions {
  theme: PptxTheme;
  size?: SlideSize;
}

const B = BASE_FONT_PX;
/** Content slides' padding (deck.css: 0.2em 0.4em); title and section slides': 0 0.6em. */
const PAD = { x: 0.4 * B, y: 0.2 * B };
const CENTRED_PAD_X = 0.6 * B;
/** Share of the height the planner lets text use (src/plan/fit.ts's USABLE). */
const USABLE = 0.96;

export function layoutDeck(deck: Deck, options: PptxLayoutOptions): PptxSlide[] {
  const size = options.size ?? deck.size ?? DEFAULT_SLIDE_SIZE;
  const ctx: Ctx = { deck, theme: options.theme, size, markdown: deck.format === "markdown" };
  const sections = sectionNames(deck);
  return deck.slides.map((slide, i) => ({
    id: slide.id,
    kind: slide.kind,
    section: sections[i] as string,
    tables: [],
    images: [],
    ...slideShapes(slide, ctx),
    notes: [...(slide.speaking ? [slide.speaking.label] : []), ...slide.notes.map((n) => plain(n, ctx))],
  }));
}

interface Ctx {
  deck: Deck;
  theme: PptxTheme;
  size: SlideSize;
  markdown: boolean;
}

/** One section a part, named as its section slide shows it; the title and references have their own. */
function sectionNames(deck: Deck): string[] {
  const words = wordsOf(deck.lang);
  const partNames = new Map<number, string>();
  for (const s of deck.slides) {
    if (s.kind === "section" && !partNames.has(s.part)) partNames.set(s.part, s.heading || words.part(s.label));
    if ((s.kind === "point" || s.kind === "summary" || s.kind === "paragraph") && !partNames.has(s.part)) {
      partNames.set(s.part, s.partHeading || words.part(s.partLabel));
    }
  }
  return deck.slides.map((s) => {
    if (s.kind === "references") return words.references;
    if (s.part === 0) return deck.title;
    return partNames.get(s.part) ?? words.part(String(s.part));
  });
}

/** Essay text as the slide shows it: Markdown's inline markup taken off, entities decoded. */
export function plain(text: string, ctx: { markdown: boolean }): string {
  const clean = text.replace(INVALID_XML, "");
  if (!ctx.markdown) return clean;
  const html = renderInline(clean, { markdown: true });
  if (html === escapeHtml(clean)) return clean;
  return html
    .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/gi, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
      const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
      const lower = e.toLowerCase();
      if (named[lower]) return named[lower] as string;
      const code = lower.startsWith("#x") ? Number.parseInt(lower.slice(2), 16) : Number.parseInt(lower.slice(1), 10);
      return String.fromCodePoint(code);
    });
}

/** Characters an Office file cannot hold: control characters other than tab and line breaks. */
export const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

type Shapes = Pick<PptxSlide, "boxes" | "rects"> & Partial<Pick<PptxSlide, "tables" | "images">>;

function slideShapes(slide: Slide, ctx: Ctx): Shapes {
  switch (slide.kind) {
    case "title":
      return titleSlide(slide, ctx);
    case "section":
      return sectionSlide(slide, ctx);
    case "references":
      return contentSlide(slide, ctx, { heading: slide.heading, items: slide.entries, style: "reference" });
    case "agenda":
      // The parts, one a line, as the HTML agenda lists them (its links have no place in a PPTX).
      return contentSlide(slide, ctx, {
        heading: slide.heading,
        items: slide.listing.items.map((item) => `${item.label}　${item.text}`),
        style: "bullet",
      });
    case "summary":
      return contentSlide(slide, ctx, {
        context: [slide.partLabel, slide.partHeading],
        heading: slide.heading,
        items: slide.bullets,
        style: "bullet",
      });
    case "point":
      return contentSlide(slide, ctx, {
        context: [slide.partLabel, slide.partHeading],
        label: slide.label,
        heading: slide.headline,
        phrases: slide.phrases,
        items: slide.bullets,
        style: "bullet",
        blocks: slide.blocks,
      });
    case "paragraph":
      return contentSlide(slide, ctx, {
        context: slide.partHeading ? [slide.partLabel, slide.partHeading] : undefined,
        heading: slide.headline,
        phrases: slide.phrases,
        items: slide.bullets,
        style: "bullet",
        blocks: slide.blocks,
      });
  }
}

interface Content {
  context?: [string, string];
  label?: string;
  heading: string;
  phrases?: readonly string[];
  items: readonly string[];
  style: "bullet" | "reference";
  blocks?: readonly SlideBlock[];
}

/** Point, paragraph, summary and references slides: context line, headline, list. */
function contentSlide(slide: Slide, ctx: Ctx, c: Content): Shapes {
  const { theme, size } = ctx;
  const boxes: TextBox[] = [];
  const rects: Rect[] = [];
  const width = size.width - 2 * PAD.x;
  let top = PAD.y;
  if (c.context) {
    // 0.5em text, 0.4em below it, a 1px rule, 0.6em margin; one line, cut with an ellipsis as in CSS.
    const font = 0.5 * B;
    const separator = scriptSeparator(ctx.deck.lang);
    const text = oneLine(`${c.context[0]}${separator}${plain(c.context[1], ctx)}`, width, font);
    boxes.push(box("context", PAD.x, top, width, 1.3 * font, [para(text, font, theme.muted, 1.3 * font)]));
    top += 1.3 * font + 0.4 * font;
    rects.push({ x: PAD.x, y: top, w: width, h: 1, color: theme.rule });
    top += 1 + 0.6 * font;
  }
  const fit = slide.fit ?? { headline: 1, body: 1 };
  const font = STYLES.headline.size * B * fit.headline;
  const marker = slide.continued ? wordsOf(ctx.deck.lang).continued : "";
  let textX = PAD.x;
  let textW = width;
  const badge = c.label ? { w: (textWidth(c.label) + 1) * 0.55 * font, font: 0.55 * font } : null;
  if (badge) {
    textX += badge.w + 0.5 * font;
    textW -= badge.w + 0.5 * font;
  }
  const markerW = marker ? textWidth(marker) * 0.5 * font + 0.5 * font : 0;
  const heading = plain(c.heading, ctx);
  const headlineLines = linesOfPhrases(
    c.phrases && c.phrases.join("") === c.heading ? c.phrases : [heading],
    charsPerLine(textW - markerW, font),
  );
  const headlineH = headlineLines * STYLES.headline.lineHeight * font;
  const style = STYLES[c.style];
  const bodyFont = (c.style === "bullet" ? STYLES.bullet.size : STYLES.reference.size) * B * fit.body;
  const items = c.items.map((item) => plain(item, ctx));
  const indent = c.style === "bullet" ? style.indent * bodyFont : 1.5 * bodyFont;
  const cpl = charsPerLine(width - indent, bodyFont);
  const lineH = style.lineHeight * bodyFont;
  const itemsH = items.reduce((sum, item) => sum + linesOf(item, cpl) * lineH + style.gap * bodyFont, 0);
  // Headline and list sit in the middle of the room below the context line (deck.css's auto margins).
  const room = size.height * USABLE - PAD.y - top;
  const blocks = c.blocks ?? [];
  const blocksH = blocksHeight(blocks, fit.body, size);
  const block = headlineH + STYLES.headline.gap * font + itemsH + blocksH + (items.length || blocks.length ? bodyFont : 0);
  top += Math.max(0, (room - block) / 2);
  const headlineRuns: Run[] = [{ text: heading, size: font, color: theme.heading, bold: true }];
  if (marker) headlineRuns.push({ text: ` ${marker}`, size: 0.5 * font, color: theme.muted });
  if (badge) {
    const badgeH = badge.font * 1.3 + 0.3 * badge.font;
    boxes.push({
      ...box("label", PAD.x, top + (STYLES.headline.lineHeight * font - badgeH) / 2, badge.w, badgeH, [
        { ...para(c.label as string, badge.font, theme.accentText, 1.3 * badge.font), align: "center" },
      ]),
      fill: theme.accent,
      valign: "middle",
    });
  }
  boxes.push(
    box("headline", textX, top, textW, headlineH, [{ runs: headlineRuns, lineHeight: STYLES.headline.lineHeight * font }]),
  );
  top += headlineH + STYLES.headline.gap * font;
  if (items.length) {
    const paragraphs = items.map<Paragraph>((item) => ({
      runs: [{ text: item, size: bodyFont, color: theme.text }],
      lineHeight: lineH,
      spaceAfter: style.gap * bodyFont,
      align: scriptSeparator(ctx.deck.lang) === ". " ? "left" : "justify",
      ...(c.style === "bullet" ? { bullet: true, hanging: indent } : { hanging: indent }),
    }));
    // To the foot of the slide (or of the blocks' room): text the model under-counted still has room.
    const foot = size.height - PAD.y - top - blocksH;
    boxes.push(box("body", PAD.x, top, width, Math.max(0, foot), paragraphs));
    top += itemsH;
  }
  if (blocks.length === 0) return { boxes, rects };
  const shapes = layoutBlocks(blocks, {
    x: PAD.x,
    y: top,
    width,
    bottom: size.height - PAD.y,
    scale: fit.body,
    size,
    theme,
    plain: (t) => plain(t, ctx),
  });
  return { boxes: [...boxes, ...shapes.boxes], rects: [...rects, ...shapes.rects], tables: shapes.tables, images: shapes.images };
}

/** Title slide: title, subtitle, author, date, centred in height (deck.css .slide-title). */
function titleSlide(slide: Extract<Slide, { kind: "title" }>, ctx: Ctx): Pick<PptxSlide, "boxes" | "rects"> {
  const { theme, size } = ctx;
  const fit = slide.fit ?? { headline: 1, body: 1 };
  const title = 2 * B * fit.headline;
  const paragraphs: Paragraph[] = [
    {
      runs: [{ text: plain(slide.title, ctx), size: title, color: theme.heading, bold: true }],
      lineHeight: 1.25 * title,
      spaceAfter: 0.4 * title,
    },
  ];
  const sub = 1.1 * B * fit.body;
  if (slide.subtitle) paragraphs.push({ ...para(plain(slide.subtitle, ctx), sub, theme.muted, 1.3 * sub), spaceAfter: sub });
  const small = 0.8 * B;
  for (const line of [slide.author, slide.date]) {
    if (line) paragraphs.push({ ...para(plain(line, ctx), small, theme.muted, 1.3 * small), spaceAfter: 0.2 * small });
  }
  const width = size.width - 2 * CENTRED_PAD_X;
  return { boxes: [{ ...box("title", CENTRED_PAD_X, 0, width, size.height, paragraphs), valign: "middle" }], rects: [] };
}

/** Section slide: `第一部分` in the accent colour above the part's heading, with the accent bar at its left. */
function sectionSlide(slide: Extract<Slide, { kind: "section" }>, ctx: Ctx): Pick<PptxSlide, "boxes" | "rects"> {
  const { theme, size } = ctx;
  const fit = slide.fit ?? { headline: 1, body: 1 };
  const kicker = 0.75 * B;
  const font = STYLES.sectionHeading.size * B * fit.headline;
  const width = size.width - 2 * CENTRED_PAD_X;
  const bar = 0.18 * font;
  const textX = CENTRED_PAD_X + bar + 0.5 * font;
  const textW = width - bar - 0.5 * font;
  const heading = plain(slide.heading, ctx);
  const phrases = slide.phrases && slide.phrases.join("") === slide.heading ? slide.phrases : [heading];
  const lines = linesOfPhrases(phrases, charsPerLine(textW, font));
  const headingH = lines * STYLES.sectionHeading.lineHeight * font;
  const kickerH = 1.3 * kicker + 0.5 * kicker;
  const top = Math.max(0, (size.height - kickerH - headingH) / 2);
  return {
    boxes: [
      box("kicker", CENTRED_PAD_X, top, width, 1.3 * kicker, [
        {
          runs: [{ text: wordsOf(ctx.deck.lang).part(slide.label), size: kicker, color: theme.accent, bold: true }],
          lineHeight: 1.3 * kicker,
        },
      ]),
      box("heading", textX, top + kickerH, textW, Math.min(headingH, size.height - top - kickerH), [
        {
          runs: [{ text: heading, size: font, color: theme.heading, bold: true }],
          lineHeight: STYLES.sectionHeading.lineHeight * font,
        },
      ]),
    ],
    rects: [{ x: CENTRED_PAD_X, y: top + kickerH, w: bar, h: headingH, color: theme.accent }],
  };
}

const box = (role: TextBox["role"], x: number, y: number, w: number, h: number, paragraphs: Paragraph[]): TextBox => ({
  role,
  x,
  y,
  w,
  h,
  paragraphs,
});

const para = (text: string, size: number, color: string, lineHeight: number): Paragraph => ({
  runs: [{ text, size, color }],
  lineHeight,
});

/** The context line's separator: 第一部分、標題 in Chinese, "I. Title" in English (deck.css). */
const scriptSeparator = (lang: string): string => (wordsOf(lang).continued === "(cont.)" ? ". " : "、");

/** Text cut to one line of `width` px at `font` px, with an ellipsis when it is longer. */
function oneLine(text: string, width: number, font: number): string {
  const cpl = charsPerLine(width, font);
  if (textWidth(text) <= cpl) return text;
  let out = "";
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`) > cpl) break;
    out += ch;
  }
  return `${out}…`;
}

const wordsOf = (lang: string) => languageOf(lang).deck;
