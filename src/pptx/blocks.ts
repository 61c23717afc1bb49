/**
 * A Markdown essay's blocks (lists, quotes, code, containers, tables, images) as PowerPoint shapes,
 * stacked below a slide's bullets at the planner's sizes (src/plan/block-fit.ts, the sizes of
 * templates/blocks.css). Pure, like the rest of the layout.
 */
import type { SlideBlock, SlideSize } from "../model/deck.js";
import { BLOCK_STYLES, blockHeight, columnWidths, gapPx, MIN_IMAGE_PX } from "../plan/block-fit.js";
import { BASE_FONT_PX } from "../plan/fit.js";
import type { Paragraph, Rect, TextBox } from "./layout.js";
import type { PptxTheme } from "./theme.js";

export interface TableShape {
  x: number;
  y: number;
  w: number;
  colW: number[];
  header: string[];
  rows: string[][];
  /** Font size, px. */
  size: number;
}

export interface ImageShape {
  /** The image's path inside the deck's folder. */
  src: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BlockShapes {
  boxes: TextBox[];
  rects: Rect[];
  tables: TableShape[];
  images: ImageShape[];
}

export interface BlockPlace {
  x: number;
  y: number;
  width: number;
  /** The slide's bottom edge for content, px. */
  bottom: number;
  scale: number;
  size: SlideSize;
  theme: PptxTheme;
  plain: (text: string) => string;
}

/** Total height the blocks take, gaps included, as the planner counted it. */
export function blocksHeight(blocks: readonly SlideBlock[], scale: number, size: SlideSize): number {
  return blocks.reduce((h, b) => h + gapPx() + blockHeight(b, scale, size), 0);
}

export function layoutBlocks(blocks: readonly SlideBlock[], at: BlockPlace): BlockShapes {
  const out: BlockShapes = { boxes: [], rects: [], tables: [], images: [] };
  const { theme, plain } = at;
  let y = at.y;
  for (const block of blocks) {
    y += gapPx();
    const h = Math.min(blockHeight(block, at.scale, at.size), Math.max(0, at.bottom - y));
    const text = (role: TextBox["role"], paragraphs: Paragraph[], x = at.x, w = at.width) =>
      out.boxes.push({ role, x, y, w, h, paragraphs });
    switch (block.kind) {
      case "list": {
        const font = BLOCK_STYLES.item.size * BASE_FONT_PX * at.scale;
        const sub = BLOCK_STYLES.subItem.size * BASE_FONT_PX * at.scale;
        const paragraphs: Paragraph[] = [];
        block.items.forEach((item, i) => {
          const number = block.ordered ? `${(block.start ?? 1) + i}. ` : "";
          paragraphs.push({
            runs: [{ text: `${number}${plain(item.text)}`, size: font, color: theme.text }],
            lineHeight: BLOCK_STYLES.item.lineHeight * font,
            spaceAfter: BLOCK_STYLES.item.gap * font,
            ...(block.ordered ? { hanging: 0 } : { bullet: true, hanging: BLOCK_STYLES.item.indent * font }),
          });
          for (const child of item.items ?? []) {
            paragraphs.push({
              runs: [{ text: `– ${plain(child)}`, size: sub, color: theme.text }],
              lineHeight: BLOCK_STYLES.subItem.lineHeight * sub,
              spaceAfter: BLOCK_STYLES.subItem.gap * sub,
            });
          }
        });
        text("block", paragraphs);
        break;
      }
      case "quote":
      case "container": {
        const style = BLOCK_STYLES[block.kind];
        const font = style.size * BASE_FONT_PX * at.scale;
        const indent = style.indent * font;
        out.rects.push({ x: at.x + 0.3 * font, y, w: 0.15 * font, h, color: block.kind === "quote" ? theme.accent : theme.rule });
        text(
          "block",
          block.paragraphs.map((p) => ({
            runs: [{ text: plain(p), size: font, color: block.kind === "quote" ? theme.muted : theme.text }],
            lineHeight: style.lineHeight * font,
            spaceAfter: style.gap * font,
          })),
          at.x + indent,
          at.width - indent,
        );
        break;
      }
      case "code": {
        const font = BLOCK_STYLES.code.size * BASE_FONT_PX * (block.scale ?? 1);
        out.boxes.push({
          role: "code",
          x: at.x,
          y,
          w: at.width,
          h,
          fill: theme.rule,
          paragraphs: block.text.split("\n").map((line) => ({
            runs: [{ text: line, size: font, color: theme.text }],
            lineHeight: BLOCK_STYLES.code.lineHeight * font,
          })),
        });
        break;
      }
      case "table": {
        const size = BLOCK_STYLES.table.size * BASE_FONT_PX * (block.scale ?? 1);
        out.tables.push({
          x: at.x,
          y,
          w: at.width,
          colW: columnWidths(block.header, block.rows, at.width),
          header: block.header.map(plain),
          rows: block.rows.map((r) => r.map(plain)),
          size,
        });
        break;
      }
      case "image": {
        const caption = block.src ? block.title : block.alt;
        const captionFont = BLOCK_STYLES.caption.size * BASE_FONT_PX;
        const captionH = caption ? BLOCK_STYLES.caption.lineHeight * captionFont * 2 : 0;
        let shown = 0;
        if (block.src) {
          const natural = { w: block.width ?? MIN_IMAGE_PX, h: block.height ?? MIN_IMAGE_PX };
          const room = Math.max(MIN_IMAGE_PX, (block.maxHeight ?? natural.h) - 0);
          let ih = Math.min(natural.h, room, Math.max(0, at.bottom - y - captionH));
          let iw = (ih * natural.w) / natural.h;
          if (iw > at.width) {
            iw = at.width;
            ih = (iw * natural.h) / natural.w;
          }
          out.images.push({ src: block.src, x: at.x + (at.width - iw) / 2, y, w: iw, h: ih });
          shown = ih;
        }
        if (caption) {
          out.boxes.push({
            role: "caption",
            x: at.x,
            y: y + shown,
            w: at.width,
            h: Math.min(captionH, Math.max(0, at.bottom - y - shown)),
            paragraphs: [
              {
                runs: [{ text: plain(caption), size: captionFont, color: theme.muted }],
                lineHeight: 1.3 * captionFont,
                align: "center",
              },
            ],
          });
        }
        y += Math.max(h, shown + captionH);
        continue;
      }
    }
    y += h;
  }
  return out;
}
