/**
 * Listings: the agenda slide after the title (the parts of the talk) and the points a section
 * slide lists under its heading. Each item is one line, its text cut at a phrase boundary when it
 * is wider than its column; the items take one or two columns at the largest scale that fits,
 * and a listing too long for any (thirty points) shows what fits and counts the rest. Pure: the
 * Deck holds the result as plain data, so every renderer (HTML, PPTX) shows the same listing.
 */
import type { AgendaSlide, Listing, ListingItem, SectionSlide, SlideSize } from "../model/deck.js";
import type { Part } from "../model/outline.js";
import { headlinePhrases } from "../text/phrases.js";
import { charsPerLine, linesOfPhrases, textWidth } from "../text/width.js";
import { BASE_FONT_PX, centredHeadingScale, STYLES, slideHeight, TITLE_SCALES } from "./fit.js";

/** How a listing is set (templates/deck.css `.listing`): em of the base font, line height, gap. */
export const LISTING = { size: 0.8, lineHeight: 1.4, gap: 0.3, labelGap: 0.6, columnGap: 1.5 } as const;

/** Layouts tried in order: one column shrinking a little before two columns, then two shrinking. */
const LAYOUTS: ReadonlyArray<{ columns: 1 | 2; scale: number }> = [
  { columns: 1, scale: 1.25 },
  { columns: 1, scale: 1.1 },
  { columns: 1, scale: 1 },
  { columns: 1, scale: 0.9 },
  { columns: 1, scale: 0.8 },
  { columns: 2, scale: 0.8 },
  { columns: 2, scale: 0.7 },
];

/** 1.6em × 0.65: below this a section heading would be smaller than a point headline at its floor. */
const MIN_SECTION_SCALE = 0.65;

/** Horizontal padding of title, agenda and section slides (deck.css: 0 0.6em). */
const SIDE_PAD = 0.6 * BASE_FONT_PX;

/** A section's points are set smaller than the agenda's parts (deck.css `.section-listing`). */
export const SECTION_LISTING_EM = 0.7;

/** The height one row of a listing set at `em` takes at `scale`, in px. */
export const rowHeight = (scale: number, em: number = LISTING.size): number =>
  em * BASE_FONT_PX * scale * (LISTING.lineHeight + LISTING.gap);

/** `text` cut at a phrase boundary, with an ellipsis, to at most `cpl` full-width units. */
export function cutToLine(text: string, cpl: number, lang: string): string {
  if (textWidth(text) <= cpl) return text;
  let out = "";
  // Only the start can show: a headline of a million characters is not cut into phrases whole.
  for (const phrase of headlinePhrases(text.slice(0, 2 * cpl + 16), lang)) {
    if (textWidth(out + phrase) + 1 > cpl) break;
    out += phrase;
  }
  // A first phrase wider than the line: cut it by characters.
  if (out === "") for (const ch of text) if (textWidth(out + ch) + 1 <= cpl) out += ch;
  return `${out.replace(/[\s，、；：,;:（(「『]+$/u, "")}…`;
}

/**
 * Items laid out in `room` (px): the first layout in which every item fits on its row, or the
 * last layout with as many items as fit and the rest counted in `more`.
 */
export function fitListing(
  items: readonly ListingItem[],
  room: { width: number; height: number },
  lang: string,
  /** The largest scale to try: a short agenda reads larger than a section's list of points. */
  maxScale = 1,
  /** The listing's text size, in em of the base font, at scale 1. */
  em: number = LISTING.size,
): Listing {
  const labelWidth = Math.max(0, ...items.map((i) => textWidth(i.label)));
  const place = (columns: 1 | 2, scale: number, count: number): Listing => {
    const font = em * BASE_FONT_PX * scale;
    const column = (room.width - (columns - 1) * LISTING.columnGap * font) / columns;
    const cpl = charsPerLine(column - (labelWidth + LISTING.labelGap) * font, font);
    const shown = items.slice(0, count).map((item) => ({ ...item, text: cutToLine(item.text, cpl, lang) }));
    return { items: shown, columns, scale, more: items.length - count };
  };
  const layouts = LAYOUTS.filter((l) => l.scale <= maxScale);
  const fits = (l: { columns: 1 | 2; scale: number }) =>
    Math.ceil(items.length / l.columns) * rowHeight(l.scale, em) <= room.height;
  const cuts = (listing: Listing) => listing.items.some((item, i) => item.text !== items[i]?.text);
  // A smaller one-column listing that cuts no text beats a larger one that cuts some.
  for (const l of layouts.filter((l) => l.columns === 1 && l.scale >= 0.9 && fits(l))) {
    const listing = place(l.columns, l.scale, items.length);
    if (!cuts(listing)) return listing;
  }
  for (const l of layouts) if (fits(l)) return place(l.columns, l.scale, items.length);
  const last = LAYOUTS[LAYOUTS.length - 1] as { columns: 1 | 2; scale: number };
  // One row goes to the "and N more" line.
  const rows = Math.max(1, Math.floor(room.height / rowHeight(last.scale, em)) - 1);
  return place(last.columns, last.scale, Math.min(items.length, rows * last.columns));
}

/** Height a listing takes, its "more" line included. */
export const listingHeight = (listing: Listing, em: number = LISTING.size): number =>
  (Math.ceil(listing.items.length / listing.columns) + (listing.more > 0 ? 1 : 0)) * rowHeight(listing.scale, em);

/** The agenda: the deck's titled parts, each linked to its section slide. Null with fewer than two. */
export function planAgenda(parts: readonly Part[], heading: string, size: SlideSize, lang: string): AgendaSlide | null {
  const items: ListingItem[] = parts.flatMap((part, p) =>
    part.title === "" ? [] : [{ label: part.label, text: part.heading || part.title, target: `part-${p + 1}`, part: p + 1 }],
  );
  if (items.length < 2) return null;
  const headingHeight =
    STYLES.headline.size * BASE_FONT_PX * (STYLES.headline.lineHeight + STYLES.headline.gap) + 0.3 * BASE_FONT_PX;
  const room = { width: size.width - 2 * SIDE_PAD, height: slideHeight(size) * 0.9 - headingHeight };
  return { kind: "agenda", id: "agenda", part: 0, heading, notes: [], listing: fitListing(items, room, lang, 1.25) };
}

/**
 * A section slide with its points listed: the listing takes at most about half the slide, and
 * the heading shrinks until heading and listing fit together.
 */
export function withPointListing(slide: SectionSlide, part: Part, n: number, size: SlideSize, lang: string): SectionSlide {
  if (part.points.length === 0) return slide;
  const items: ListingItem[] = part.points.map((point, i) => ({
    label: point.label,
    text: point.headline,
    target: `part-${n}-point-${i + 1}`,
    part: n,
  }));
  const width = size.width - 2 * SIDE_PAD;
  // The listing gives way before the heading does: less room for it first (a smaller scale, two
  // columns), a smaller heading only when that is not enough. A heading that would shrink below a
  // point headline's floor keeps the slide to itself.
  const headingScale = (listing: Listing | null) => {
    const extra = 0.75 * BASE_FONT_PX * 1.8 + (listing ? 0.8 * BASE_FONT_PX + listingHeight(listing, SECTION_LISTING_EM) : 0);
    return centredHeadingScale(slide.phrases ?? [slide.heading], STYLES.sectionHeading, size, extra, TITLE_SCALES).scale;
  };
  const score = (l: Listing, scale: number) => scale + (l.columns === 1 ? 0.15 : 0) + (l.more === 0 ? 0.3 : 0);
  // The room the heading leaves at its full size, when a listing fits there in one column.
  const font = STYLES.sectionHeading.size * BASE_FONT_PX;
  const phrases = slide.phrases ?? [slide.heading];
  const lines = linesOfPhrases(phrases, charsPerLine(width - STYLES.sectionHeading.indent * font, font));
  const left =
    slideHeight(size) * 0.9 - 0.75 * BASE_FONT_PX * 1.8 - 0.8 * BASE_FONT_PX - lines * STYLES.sectionHeading.lineHeight * font;
  let best: { listing: Listing; scale: number } | null = null;
  for (const share of [Math.min(0.5, left / slideHeight(size)), 0.5, 0.42, 0.34, 0.26]) {
    if (share <= 0) continue;
    const listing = fitListing(items, { width, height: slideHeight(size) * share }, lang, 1, SECTION_LISTING_EM);
    const scale = headingScale(listing);
    if (!best || score(listing, scale) > score(best.listing, best.scale)) best = { listing, scale };
    if (scale === 1) break;
  }
  if (!best || best.scale < MIN_SECTION_SCALE) return slide;
  const { listing, scale } = best;
  const fit = scale === 1 ? undefined : { headline: scale, body: slide.fit?.body ?? 1 };
  const { fit: _old, ...rest } = slide;
  return { ...rest, listing, ...(fit ? { fit } : {}) };
}
