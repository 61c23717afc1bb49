/**
 * How tall a Markdown block is on a slide, from the same width model as the bullets (fit.ts), so the
 * planner can place blocks without a browser. The sizes mirror templates/blocks.css: change both
 * together. Like the rest of the model, it errs towards taller: `essay-deck check` measures the truth.
 */
import type { SlideBlock, SlideSize } from "../model/deck.js";
import { charsPerLine, linesOf, textWidth } from "../text/width.js";
import { BASE_FONT_PX, BODY_SCALES, contentWidth, STYLES, type TextStyle } from "./fit.js";

/** Space between the bullets and a block, and between blocks (em of the base font). */
export const BLOCK_GAP = 0.5;

export const BLOCK_STYLES = {
  // A list item is set as a bullet is.
  item: STYLES.bullet,
  subItem: { size: 0.66, lineHeight: 1.5, gap: 0.3, indent: 2.6 },
  quote: { size: 0.72, lineHeight: 1.55, gap: 0.4, indent: 1.4 },
  container: { size: 0.7, lineHeight: 1.55, gap: 0.4, indent: 1.4 },
  code: { size: 0.55, lineHeight: 1.4, gap: 0, indent: 1.2 },
  table: { size: 0.6, lineHeight: 1.35, gap: 0, indent: 0 },
  caption: { size: 0.5, lineHeight: 1.3, gap: 0, indent: 0 },
} as const satisfies Record<string, TextStyle>;

/** Vertical padding of a quote, container and code box (em of its own font, top + bottom). */
const BOX_PAD = 0.8;
/** A table cell's padding, em of the table font: vertical (top + bottom) and horizontal (left + right). */
const CELL_PAD = { y: 0.5, x: 1 };
/** Scales a table or code may shrink to: their text stays at or above the 18 px floor. */
export const TABLE_SCALES = [1, 0.9, 0.8, 0.72] as const;
export const CODE_SCALES = [1, 0.9, 0.8] as const;
/** An image is not worth showing smaller than this (px at the slide's size), unless it is that small. */
export const MIN_IMAGE_PX = 160;

const em = (style: TextStyle, scale: number): number => style.size * BASE_FONT_PX * scale;

/** Lines of `text` in a box of `widthPx` set in `style` at `scale`, each line break kept. */
function textLines(text: string, style: TextStyle, scale: number, widthPx: number, mono = false): number {
  const font = em(style, scale);
  // Monospaced Latin is wider than proportional: 0.6em a character instead of about 0.5em.
  const cpl = charsPerLine(widthPx - style.indent * font, font) / (mono ? 1.2 : 1);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / cpl)), 0);
}

function paragraphsHeight(paragraphs: readonly string[], style: TextStyle, scale: number, width: number): number {
  const font = em(style, scale);
  const lines = paragraphs.reduce((n, p) => n + textLines(p, style, scale, width), 0);
  return lines * style.lineHeight * font + (paragraphs.length - 1) * style.gap * font + BOX_PAD * font;
}

/** Height of a list item with its nested items. */
export function itemHeight(item: { text: string; items?: string[] }, scale: number, width: number): number {
  const own = BLOCK_STYLES.item;
  const sub = BLOCK_STYLES.subItem;
  let h = (textLines(item.text, own, scale, width) * own.lineHeight + own.gap) * em(own, scale);
  for (const child of item.items ?? []) {
    h += (textLines(child, sub, scale, width) * sub.lineHeight + sub.gap) * em(sub, scale);
  }
  return h;
}

/** Column widths (px) of a table: shares of the width by each column's longest cell, none under a sixth. */
export function columnWidths(header: readonly string[], rows: readonly string[][], widthPx: number): number[] {
  const n = Math.max(1, header.length);
  const longest = header.map((h, c) => Math.max(2, textWidth(h), ...rows.map((r) => textWidth(r[c] ?? ""))));
  const total = longest.reduce((a, b) => a + b, 0);
  const floor = widthPx / (n * 6);
  const raw = longest.map((w) => Math.max(floor, (w / total) * widthPx));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => (w / sum) * widthPx);
}

/** Height of a table row: its tallest cell. */
export function rowHeight(cells: readonly string[], widths: readonly number[], scale: number): number {
  const style = BLOCK_STYLES.table;
  const font = em(style, scale);
  const lines = Math.max(
    1,
    ...cells.map((cell, c) => {
      const cpl = charsPerLine((widths[c] ?? 0) - CELL_PAD.x * font, font);
      return linesOf(cell, cpl);
    }),
  );
  return lines * style.lineHeight * font + CELL_PAD.y * font + 1;
}

export function tableHeight(block: { header: string[]; rows: string[][] }, scale: number, size: SlideSize): number {
  const widths = columnWidths(block.header, block.rows, contentWidth(size));
  return [block.header, ...block.rows].reduce((h, row) => h + rowHeight(row, widths, scale), 0);
}

/** Height of a caption under an image (its title, or its alt text when the image is not shown). */
export function captionHeight(text: string | undefined, size: SlideSize): number {
  if (!text) return 0;
  const style = BLOCK_STYLES.caption;
  return textLines(text, style, 1, contentWidth(size)) * style.lineHeight * em(style, 1) + 0.3 * BASE_FONT_PX;
}

/**
 * Height of a block at body scale `scale` (an image at its smallest useful size: the planner then
 * gives it the room that is left).
 */
export function blockHeight(block: SlideBlock, scale: number, size: SlideSize): number {
  const width = contentWidth(size);
  switch (block.kind) {
    case "list":
      return block.items.reduce((h, item) => h + itemHeight(item, scale, width), 0);
    case "quote":
      return paragraphsHeight(block.paragraphs, BLOCK_STYLES.quote, scale, width);
    case "container":
      return paragraphsHeight(block.paragraphs, BLOCK_STYLES.container, scale, width);
    case "code": {
      const s = block.scale ?? 1;
      const font = em(BLOCK_STYLES.code, s);
      return textLines(block.text, BLOCK_STYLES.code, s, width, true) * BLOCK_STYLES.code.lineHeight * font + BOX_PAD * font;
    }
    case "table":
      return tableHeight(block, block.scale ?? 1, size);
    case "image": {
      const caption = captionHeight(block.src ? block.title : block.alt, size);
      if (!block.src) return caption;
      return Math.min(block.height ?? MIN_IMAGE_PX, MIN_IMAGE_PX) + caption;
    }
  }
}

export const BODY_FLOOR = BODY_SCALES[BODY_SCALES.length - 1] as number;
export const gapPx = (): number => BLOCK_GAP * BASE_FONT_PX;
