/** What the parser finds in an essay. Plain data, no behaviour. */
import type { MarkdownParagraph } from "./blocks.js";

export type EssayFormat = "text" | "markdown";

/** What the title slide shows and how the deck looks: front matter, config file and flags all set these. */
export interface DeckIdentity {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  /** Where the talk is given (a conference, a class), on the title slide. */
  event?: string;
  lang?: string;
  theme?: string;
}

/** Front matter / config values that describe the deck rather than the essay's structure. */
export interface EssayMeta extends DeckIdentity {
  /** Any other front matter keys, kept for config validation (which warns on unknown ones). */
  extra: Record<string, unknown>;
}

export interface Point {
  /** The label as written, without punctuation: 第一, 其二, 首先, （一）, 1, First. */
  label: string;
  /** The point's first sentence without the label and the final stop. */
  headline: string;
  /** Verbatim paragraphs: the one that opens with the label, then its supporting paragraphs. */
  paragraphs: string[];
}

export interface Part {
  /** The part's numeral (一, II, 3) or a generated one when the heading has none. */
  label: string;
  heading: string;
  /** The heading line as written (without Markdown #), e.g. 一、DeepSeek改變潮流方向:高性能計算的崛起. */
  title: string;
  /** Paragraphs before the first point. */
  intro: string[];
  points: Point[];
  /** Paragraphs after the last point that open with a closing marker (此外, 總之, In conclusion). */
  closing: string[];
}

export interface ParseWarning {
  /** 1-based line of the source where the problem is, when known. */
  line?: number;
  message: string;
}

/** A numbering scheme the reader chose, named by one of its markers, and how many it numbers. */
export interface SchemeUse {
  scheme: string;
  count: number;
}

/** How the essay's structure was read, in words: what `outline` says it chose, and why. */
export interface StructureReading {
  /** Where the title came from: front matter, a # heading, the first line; null when there is none. */
  title: "front matter" | "heading" | "first line" | "first lines" | null;
  parts: SchemeUse | null;
  points: SchemeUse[];
  /** Markers seen and not used as structure, and why. */
  notes: string[];
}

export interface Outline {
  title: string | null;
  lang: string;
  format: EssayFormat;
  meta: EssayMeta;
  /** Paragraphs before the first part heading (besides a title line). Usually empty. */
  preface: string[];
  parts: Part[];
  /** The line that opened the references (參考文獻:), verbatim; null when there are none. */
  referencesHeading: string | null;
  references: string[];
  /** Signature, dateline and publication notes after the essay's last paragraph, verbatim. */
  signature: string[];
  structure: StructureReading;
  warnings: ParseWarning[];
  /** Every paragraph of the source, in order, verbatim: what "nothing lost" is checked against. */
  paragraphs: string[];
  /**
   * A Markdown essay's paragraphs that are blocks (list, table, quote, code, container, figure) or
   * hold images, in order; each `source` is one of `paragraphs`. Absent when there are none.
   */
  blocks?: MarkdownParagraph[];
}

/** The public JSON shape of `essay-deck outline --json`. */
export interface OutlineJson {
  title: string | null;
  lang: string;
  preface?: string[];
  parts: Array<{
    label: string;
    heading: string;
    intro: string[];
    points: Array<{ label: string; headline: string; paragraphs: string[] }>;
    closing: string[];
  }>;
  references: string[];
  signature?: string[];
  structure: StructureReading;
}
