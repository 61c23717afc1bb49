/**
 * A width-and-height model of a slide, so the pure planner can decide how much text a slide holds
 * before any browser sees it. The numbers mirror templates/deck.css (sizes in em of the reveal.js
 * theme's 42px base) and were calibrated against Chromium: tests/browser/fit.test.ts checks
 * that the model never predicts fewer lines than Chromium lays out, and `essay-deck check`
 * measures the real thing. The model errs on the side of more lines: a slide with a little air
 * at the bottom is fine, a clipped one is not.
 */
import type { SlideSize } from "../model/deck.js";
import { breaksByPhrase, cachedPhrases } from "../text/phrases.js";
import { charsPerLine, linesOf, linesOfPhrases, textWidth } from "../text/width.js";

/** reveal.js themes' `--r-main-font-size`, the em every size below is relative to. */
export const BASE_FONT_PX = 42;

/** Scales tried for a headline, largest first; the last is the readable floor. */
export const HEADLINE_SCALES = [1, 0.9, 0.8, 0.7, 0.65] as const;
/** Scales tried for bullets and lists, largest first; the last is the readable floor. */
export const BODY_SCALES = [1, 0.9, 0.8, 0.75] as const;
/** No text on a slide is smaller than this (px at the slide's own size); `check` enforces it. */
export const MIN_TEXT_PX = 18;
/** Bullets and list entries never shrink below this. */
export const MIN_BODY_PX = 24;

/** Share of the slide height the model lets content use: the rest absorbs its estimation error. */
const USABLE = 0.96;

/** How a block of text is set, in em of the base font (see templates/deck.css). */
export interface TextStyle {
  size: number;
  lineHeight: number;
  /** Space below each item, in em of the item's own font. */
  gap: number;
  /** Horizontal space the block loses (padding, list indent, label), in em of its own font. */
  indent: number;
}

export const STYLES = {
  headline: { size: 1.3, lineHeight: 1.3, gap: 0.5, indent: 0 },
  bullet: { size: 0.78, lineHeight: 1.55, gap: 0.55, indent: 1.2 },
  reference: { size: 0.6, lineHeight: 1.55, gap: 0.55, indent: 1.2 },
  sectionHeading: { size: 1.6, lineHeight: 1.35, gap: 0, indent: 0.68 },
  deckTitle: { size: 2, lineHeight: 1.25, gap: 0.4, indent: 0 },
} as const satisfies Record<string, TextStyle>;

/** Padding of a content slide (`section.slide-point` …): 0.2em 0.4em. */
const PAD = { x: 0.4, y: 0.2 };
/** The context line above a headline: 0.5em text, 0.4em padding, 1px rule, 0.6em margin. */
const CONTEXT_PX = (0.5 * 1.3 + 0.5 * 0.4 + 0.5 * 0.6) * BASE_FONT_PX + 1;

export const slideHeight = (size: SlideSize): number => size.height * USABLE;

/** Width a content slide gives its text, in px. */
export const contentWidth = (size: SlideSize): number => size.width - 2 * PAD.x * BASE_FONT_PX;

/**
 * Height of a list of items set in `style` at `scale` within `widthPx` (the slide's content width).
 * With `lang`, items break only between their phrases, as the renderer sets them (Chinese).
 */
export function listHeight(items: readonly string[], style: TextStyle, scale: number, widthPx: number, lang?: string): number {
  const font = style.size * BASE_FONT_PX * scale;
  const cpl = charsPerLine(widthPx - style.indent * font, font);
  const lines = (item: string) =>
    lang && breaksByPhrase(lang) ? linesOfPhrases(cachedPhrases(item, lang), cpl) : linesOf(item, cpl);
  return items.reduce((sum, item) => sum + (lines(item) * style.lineHeight + style.gap) * font, 0);
}

/** A content slide's headline: its phrases, the label before it and the continuation mark after it. */
export interface HeadlineBox {
  phrases: readonly string[];
  /** The point's label (第一), drawn as a badge before the headline; empty when none. */
  label: string;
  /** The continuation mark (（續）) drawn after the headline, when there is one. */
  continuation: string;
  /** Whether the slide has the context line (part label and heading) above the headline. */
  context: boolean;
}

/** Height from the slide's top to the start of its list, with the headline at `scale`. */
export function headlineBlockHeight(box: HeadlineBox, scale: number, size: SlideSize): number {
  const font = STYLES.headline.size * BASE_FONT_PX * scale;
  let width = contentWidth(size);
  // Badge: 0.55em text with 0.5em padding each side, then a 0.5em gap (deck.css .point-label).
  if (box.label) width -= (textWidth(box.label) + 1) * 0.55 * font + 0.5 * font;
  if (box.continuation) width -= textWidth(box.continuation) * 0.5 * font + 0.5 * font;
  const lines = linesOfPhrases(box.phrases, charsPerLine(width, font));
  const top = PAD.y * BASE_FONT_PX + (box.context ? CONTEXT_PX : 0);
  return top + lines * STYLES.headline.lineHeight * font + STYLES.headline.gap * font;
}

/**
 * The largest headline scale at which the headline takes at most `share` of the slide, or the
 * floor: a long headline shrinks before it crowds out the bullets.
 */
export function headlineScale(box: HeadlineBox, size: SlideSize, share = 0.42): number {
  const limit = slideHeight(size) * share;
  for (const s of HEADLINE_SCALES) if (headlineBlockHeight(box, s, size) <= limit) return s;
  return HEADLINE_SCALES[HEADLINE_SCALES.length - 1] as number;
}

/**
 * How many of a headline's phrases a slide can show, followed by an ellipsis, so that the
 * headline at its floor takes at most `share` of the slide: all of them for any sensible
 * headline. Only a "sentence" of hundreds of characters without a stop gets cut, and its full
 * text is still in the notes. Binary search: such a headline can have thousands of phrases.
 */
export function phrasesThatFit(box: HeadlineBox, size: SlideSize, share = 0.6): number {
  const floor = HEADLINE_SCALES[HEADLINE_SCALES.length - 1] as number;
  const limit = slideHeight(size) * share;
  const fits = (k: number) => headlineBlockHeight({ ...box, phrases: [...box.phrases.slice(0, k), "…"] }, floor, size) <= limit;
  if (headlineBlockHeight(box, floor, size) <= limit) return box.phrases.length;
  let lo = 1;
  let hi = box.phrases.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Room left for the list below a headline block (bottom padding taken off). */
export const listRoom = (top: number, size: SlideSize): number => slideHeight(size) - top - PAD.y * BASE_FONT_PX;

/** A title or section slide's heading: the largest scale at which everything fits, or the floor. */
export function centredHeadingScale(
  phrases: readonly string[],
  style: TextStyle,
  size: SlideSize,
  /** Height of the slide's other lines (kicker, subtitle, author), in px. */
  extra: number,
  scales: readonly number[] = HEADLINE_SCALES,
): { scale: number; fits: boolean } {
  const width = size.width - 2 * 0.6 * BASE_FONT_PX;
  for (const s of scales) {
    const font = style.size * BASE_FONT_PX * s;
    const lines = linesOfPhrases(phrases, charsPerLine(width - style.indent * font, font));
    if (lines * style.lineHeight * font + style.gap * font + extra <= slideHeight(size) * 0.9) return { scale: s, fits: true };
  }
  return { scale: scales[scales.length - 1] as number, fits: false };
}

/** Title and section headings start at 1.6 to 2 times the text size, so they may shrink further than a headline. */
export const TITLE_SCALES = [1, 0.9, 0.8, 0.7, 0.6, 0.5] as const;

/** Lines of plain text of `sizeEm` across a title or section slide, with their margins, in px. */
export function centredLinesHeight(text: string, sizeEm: number, size: SlideSize, marginEm = 0.3, lang?: string): number {
  if (!text) return 0;
  const font = sizeEm * BASE_FONT_PX;
  const cpl = charsPerLine(size.width - 2 * 0.6 * BASE_FONT_PX, font);
  // With `lang`, the text breaks only between its phrases, as the renderer sets it.
  const lines = lang && breaksByPhrase(lang) ? linesOfPhrases(cachedPhrases(text, lang), cpl) : linesOf(text, cpl);
  return lines * 1.3 * font + marginEm * font;
}
