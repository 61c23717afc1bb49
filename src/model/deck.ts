/** What the planner decides to show. Plain data: the renderer turns it into HTML. */
import type { Block, ListItem } from "./blocks.js";

export type SlideKind = "title" | "agenda" | "section" | "point" | "summary" | "references" | "paragraph";

export type DeckLayout = "flat" | "stacked";

/** A slide's size in CSS pixels: what Reveal lays each slide out at, and what the planner fits text to. */
export interface SlideSize {
  width: number;
  height: number;
}

export const DEFAULT_SLIDE_SIZE: SlideSize = { width: 1280, height: 720 };

export interface SlideBase {
  kind: SlideKind;
  /** Stable id used as the slide's HTML id and in PDF bookmarks: "title", "part-1", "part-1-point-2". */
  id: string;
  /** 1-based index of the part this slide belongs to; 0 for title and references. */
  part: number;
  /** Verbatim essay paragraphs read aloud / shown in speaker notes. */
  notes: string[];
  /** Marks a follow-up slide made because the content did not fit on one. */
  continued?: boolean;
  /** Plan-time text scales (1 = the theme's size), set when a slide's text shrinks to fit. */
  fit?: { headline: number; body: number };
  /** Estimated time to read the notes aloud; on the title slide, the label also sums the deck. */
  speaking?: { seconds: number; label: string };
  /**
   * Seconds the speaker spends on this slide (reveal's `data-timing`): the notes' estimate, or a
   * few seconds for a slide without notes. The slides' timings add up to the deck's estimate.
   */
  timing?: number;
  /** Lines for the top of the notes besides the speaking time: the title slide's time budget per part. */
  pacingNotes?: string[];

  /**
   * The phrases the planner cut the headline (a title's title, a section's heading) into to fit
   * it: the renderer breaks lines only between them instead of cutting the headline again.
   */
  phrases?: string[];
}

/**
 * A Markdown block as a slide shows it. Text is Markdown inline source, verbatim from the essay.
 * Sizes are px at the slide's own size, decided by the planner.
 */
export type SlideBlock =
  /** `src` is the copied file inside the deck (absent when the image is remote or missing: `alt` shows instead). */
  | { kind: "image"; src?: string; alt: string; title?: string; width?: number; height?: number; maxHeight?: number }
  | { kind: "list"; ordered: boolean; start?: number; items: ListItem[] }
  /** `rows` is this slide's share of the table; `scale` its text scale (1 = the theme's size). */
  | { kind: "table"; header: string[]; align: Array<"left" | "center" | "right" | null>; rows: string[][]; scale?: number }
  | { kind: "quote"; paragraphs: string[] }
  | { kind: "code"; lang?: string; text: string; scale?: number }
  | { kind: "container"; name: string; paragraphs: string[] };

/** A Markdown block among the notes, by the paragraph's text, so the notes show a list as a list. */
export interface NoteBlock {
  source: string;
  block: Block;
}

export interface TitleSlide extends SlideBase {
  kind: "title";
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  /** Where the talk is given (a conference, a class). */
  event?: string;
}

/** One line of a listing: a part on the agenda, a point on its section slide. */
export interface ListingItem {
  label: string;
  /** The text shown: a heading, or a headline cut at a phrase boundary to fit one line. */
  text: string;
  /** Id of the slide it stands for. */
  target: string;
  /** 1-based part, for the part's accent colour. */
  part: number;
}

/** A listing fitted to its slide: items in one or two columns at a scale; what does not fit is counted. */
export interface Listing {
  items: ListingItem[];
  columns: 1 | 2;
  scale: number;
  /** Items left off the slide (their own slides follow): shown as "and N more". */
  more: number;
}

/** The parts of the talk, after the title slide. */
export interface AgendaSlide extends SlideBase {
  kind: "agenda";
  heading: string;
  listing: Listing;
}

export interface SectionSlide extends SlideBase {
  kind: "section";
  label: string;
  heading: string;
  /** The part's points (labels and short headlines), when it has any. */
  listing?: Listing;
}

export interface PointSlide extends SlideBase {
  kind: "point";
  label: string;
  headline: string;
  partLabel: string;
  partHeading: string;
  /** Key sentences, each verbatim from the point's own text. */
  bullets: string[];
  /** Images, lists, tables, quotes, code shown below the bullets (Markdown essays). */
  blocks?: SlideBlock[];
  /** A point that is only its headline: shown large, alone, as a statement. */
  statement?: boolean;
}

/** A part's closing paragraphs, summed up on one slide. */
export interface SummarySlide extends SlideBase {
  kind: "summary";
  heading: string;
  partLabel: string;
  partHeading: string;
  bullets: string[];
}

/** A part without numbered points: one slide per paragraph, its first sentence as the title. */
export interface ParagraphSlide extends SlideBase {
  kind: "paragraph";
  headline: string;
  partLabel: string;
  partHeading: string;
  bullets: string[];
  blocks?: SlideBlock[];
}

export interface ReferencesSlide extends SlideBase {
  kind: "references";
  heading: string;
  entries: string[];
}

export type Slide = TitleSlide | AgendaSlide | SectionSlide | PointSlide | SummarySlide | ParagraphSlide | ReferencesSlide;

export interface Deck {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  event?: string;
  lang: string;
  format: "text" | "markdown";
  layout: DeckLayout;
  /** The size the slides were planned for: the page, the check and the PDFs use it too. */
  size: SlideSize;
  slides: Slide[];
  /** Notes that are Markdown blocks (lists, tables, quotes, code), absent when there are none. */
  noteBlocks?: NoteBlock[];
  /** The talk's timing: the estimate per part and, with a planned duration, each part's budget. */
  pacing: Pacing;
  /** Show a point's sentences one at a time (reveal fragments). */
  fragments: boolean;
}

export interface PartPacing {
  /** 0 for the slides outside parts (title, agenda, references). */
  part: number;
  label: string;
  seconds: number;
  /** Its share of the planned duration, when there is one. */
  budget?: number;
}

export interface Pacing {
  /** Sum of the slides' timings. */
  seconds: number;
  /** The planned length of the talk (`--duration`), in seconds. */
  duration?: number;
  parts: PartPacing[];
}

/** What a list of decks shows of each (a folder build's index page): plain data, kept between builds. */
export interface DeckSummary {
  title: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang: string;
  slides: number;
  /** Estimated speaking time of the whole talk. */
  seconds: number;
  size: SlideSize;
}
