/**
 * The Markdown an essay holds besides prose: images, lists, tables, quotes, code and `:::` containers.
 * Plain data. A block's text (an item, a cell, a quoted paragraph) is Markdown inline source, verbatim;
 * the paragraph the block was written as stays in the Outline verbatim too, so nothing is lost.
 */

/** An image the essay names: `![alt](src "title")`, as written. */
export interface ImageRef {
  src: string;
  alt: string;
  title?: string;
  /** 1-based line of the essay it is on. */
  line: number;
}

export interface ListItem {
  text: string;
  /** Nested items, kept one level deep (deeper ones are flattened into this level). */
  items?: string[];
}

export type Block =
  /** A paragraph that is only images (a figure). */
  | { kind: "image"; images: ImageRef[] }
  | { kind: "list"; ordered: boolean; start?: number; items: ListItem[] }
  | {
      kind: "table";
      header: string[];
      align: Array<"left" | "center" | "right" | null>;
      rows: string[][];
    }
  | { kind: "quote"; paragraphs: string[] }
  /** A fenced code block: its text with its line breaks, and the language named after the fence. */
  | { kind: "code"; lang?: string; text: string }
  /** `::: name` … `:::`: the name (a class for the theme) and the paragraphs inside. */
  | { kind: "container"; name: string; paragraphs: string[] };

export type BlockKind = Block["kind"];

/**
 * A paragraph of a Markdown essay that is more than prose: a block, or prose with images in it.
 * `source` is the paragraph exactly as it is in the Outline (its key: the same text is the same block).
 */
export interface MarkdownParagraph {
  source: string;
  line: number;
  /** The block the paragraph is; absent for prose that holds images. */
  block?: Block;
  /** Every image the paragraph names, in order (a figure's, or those inside the prose). */
  images: ImageRef[];
}

/** A local image copied into the deck: its path there and its size in px. */
export interface ImageFile {
  path: string;
  width: number;
  height: number;
}
