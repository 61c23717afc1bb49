/**
 * Slides sized to fit: a point becomes one slide, or (only when its key sentences do not fit even
 * at the readable floor) a slide and its continuations, each with the notes of the paragraphs it
 * shows; title and section headings shrink to fit. Pure.
 */
import type { PointSlide, ReferencesSlide, SectionSlide, Slide, SlideSize, SummarySlide, TitleSlide } from "../model/deck.js";
import { headlinePhrases } from "../text/phrases.js";
import { type BulletBudget, type Candidate, candidates, type SlideShare, shareSlides } from "./bullets.js";
import {
  BASE_FONT_PX,
  BODY_SCALES,
  centredHeadingScale,
  centredLinesHeight,
  phrasesThatFit,
  STYLES,
  TITLE_SCALES,
} from "./fit.js";

export interface FitContext {
  size: SlideSize;
  budget: BulletBudget;
  lang: string;
  /** The continuation mark in the deck's language: （續）, （续）, (cont.). */
  continuation: string;
  clean: (sentence: string) => string;
}

/** The fit to record on a slide: nothing when both scales are 1, so plain slides stay plain. */
export function fitOf(headline: number, body: number): Slide["fit"] {
  return headline === 1 && body === 1 ? undefined : { headline, body };
}

/** Id of the k-th slide of a point (k = 0 is the point's own slide). */
export const continuationId = (id: string, k: number): string => (k === 0 ? id : `${id}-cont-${k}`);

type Shared = Pick<PointSlide, "bullets" | "notes" | "fit" | "continued" | "id">;

function spread<T extends Slide>(base: Omit<T, keyof Shared>, id: string, shares: SlideShare[], notes: readonly string[]): T[] {
  return shares.map(
    (share, k) =>
      ({
        ...base,
        id: continuationId(id, k),
        bullets: share.bullets,
        notes: notes.slice(share.paragraphs[0], share.paragraphs[1]),
        ...(k > 0 ? { continued: true } : {}),
        ...withFit(fitOf(share.headlineScale, share.bodyScale)),
      }) as unknown as T,
  );
}

const withFit = (fit: Slide["fit"]): { fit?: Slide["fit"] } => (fit ? { fit } : {});

/** A point's slides: usually one; more only when its key sentences need a continuation. */
export function fitPoint(
  base: Omit<PointSlide, keyof Shared>,
  id: string,
  paragraphs: readonly string[],
  ctx: FitContext,
  /** The notes, when the key sentences are cut from another form of the paragraphs (Markdown blocks left out). */
  notes: readonly string[] = paragraphs,
): PointSlide[] {
  const { headline, phrases } = shown(base.headline, base.label, ctx);
  const shares = shareSlides({
    items: candidates(paragraphs, true, ctx.clean),
    paragraphCount: paragraphs.length,
    headline: { phrases, label: base.label, context: true },
    continuation: ctx.continuation,
    budget: ctx.budget,
    size: ctx.size,
    lang: ctx.lang,
    fillToMin: true,
  });
  return spread<PointSlide>({ ...base, headline, phrases }, id, shares, notes);
}

/**
 * The headline as the slide shows it: the headline itself, or, for a "sentence" without a stop
 * too long for any slide, its first phrases and an ellipsis (the notes hold it in full).
 */
export function shownHeadline(text: string, label: string, ctx: FitContext): string {
  return shown(text, label, ctx).headline;
}

/** The shown headline and its phrases, cut once: the fit, the slide and the renderer all use them. */
function shown(text: string, label: string, ctx: FitContext): { headline: string; phrases: string[] } {
  const phrases = headlinePhrases(text, ctx.lang);
  const k = phrasesThatFit({ phrases, label, continuation: ctx.continuation, context: true }, ctx.size);
  if (k >= phrases.length) return { headline: text, phrases };
  const headline = `${phrases
    .slice(0, k)
    .join("")
    .replace(/[\s，、；：,;:]+$/u, "")}…`;
  return { headline, phrases: headlinePhrases(headline, ctx.lang) };
}

/** A paragraph slide (a part without points): its first sentence is the headline. */
export function fitParagraph<T extends Slide & { headline: string; bullets: string[] }>(
  slide: T,
  paragraph: string,
  ctx: FitContext,
): T {
  const { headline, phrases } = shown(slide.headline, "", ctx);
  const [share] = shareSlides({
    items: candidates([paragraph], true, ctx.clean),
    paragraphCount: 1,
    headline: { phrases, label: "", context: true },
    continuation: ctx.continuation,
    budget: ctx.budget,
    size: ctx.size,
    lang: ctx.lang,
    fillToMin: true,
  });
  if (!share) return slide;
  return { ...slide, headline, phrases, bullets: share.bullets, ...withFit(fitOf(share.headlineScale, share.bodyScale)) };
}

const listItems = (texts: readonly string[]): Candidate[] =>
  texts.map((text, i) => ({ text, paragraph: i, order: i, priority: 1 }));

/** A part's summary: one bullet per closing paragraph, continued when they do not fit. */
export function fitSummary(
  base: Omit<SummarySlide, keyof Shared>,
  id: string,
  closing: readonly string[],
  bullets: readonly string[],
  ctx: FitContext,
): SummarySlide[] {
  const shares = shareSlides({
    items: listItems(bullets),
    paragraphCount: closing.length,
    headline: { phrases: [base.heading], label: "", context: true },
    continuation: ctx.continuation,
    budget: { ...ctx.budget, maxWidth: Number.POSITIVE_INFINITY },
    size: ctx.size,
    lang: ctx.lang,
  });
  return spread<SummarySlide>(base, id, shares, closing);
}

/** References a slide lists at most. */
const REFERENCES_PER_SLIDE = 12;

/**
 * The references, continued over as many slides as the list needs; entries are never cut.
 * shareSlides shows at most `max` items and leaves out one too tall for any slide, and a reference
 * has no other place in the deck: so the list goes in slices of `max`, and an entry no slide can
 * hold is kept in the notes of the slide where it would have been.
 */
export function fitReferences(slide: ReferencesSlide, ctx: FitContext): ReferencesSlide[] {
  const out: ReferencesSlide[] = [];
  for (let from = 0; from === 0 || from < slide.entries.length; from += REFERENCES_PER_SLIDE) {
    const slice = slide.entries.slice(from, from + REFERENCES_PER_SLIDE);
    const shares = shareSlides({
      items: listItems(slice),
      paragraphCount: 0,
      headline: { phrases: [slide.heading], label: "", context: false },
      continuation: ctx.continuation,
      budget: { ...ctx.budget, max: REFERENCES_PER_SLIDE, maxWidth: Number.POSITIVE_INFINITY },
      style: STYLES.reference,
      size: ctx.size,
      lang: ctx.lang,
    });
    const unshown = [...slice];
    for (const shown of shares.flatMap((s) => s.bullets)) unshown.splice(unshown.indexOf(shown), 1);
    shares.forEach((share, k) => {
      const n = out.length;
      out.push({
        ...slide,
        id: continuationId(slide.id, n),
        entries: share.bullets,
        notes: [...(n === 0 ? slide.notes : []), ...(k === shares.length - 1 ? unshown : [])],
        ...(n > 0 ? { continued: true } : {}),
        ...withFit(fitOf(share.headlineScale, share.bodyScale)),
      });
    });
  }
  return out;
}

/** A section slide whose heading shrinks until it fits, kicker included. */
export function fitSection(slide: SectionSlide, ctx: FitContext): SectionSlide {
  const kicker = 0.75 * BASE_FONT_PX * 1.8;
  const phrases = headlinePhrases(slide.heading, ctx.lang);
  // A section heading stands alone on its slide, large: it may shrink as far as a title.
  const { scale } = centredHeadingScale(phrases, STYLES.sectionHeading, ctx.size, kicker, TITLE_SCALES);
  return { ...slide, phrases, ...withFit(fitOf(scale, 1)) };
}

/**
 * A title slide whose title shrinks until it fits with its subtitle, author and date; when the
 * title at its floor still does not fit, the subtitle (set at the body scale) shrinks too.
 */
export function fitTitle(slide: TitleSlide, ctx: FitContext): TitleSlide {
  const phrases = headlinePhrases(slide.title, ctx.lang);
  // The accent bar above the title (0.55em); under a rule (0.8em with its spacing), the author
  // and a line of event · date (deck.css `.title-byline`).
  const occasion = [slide.event, slide.date].filter(Boolean).join("　·　");
  const byline =
    0.55 * BASE_FONT_PX +
    (slide.author || occasion ? 0.8 * BASE_FONT_PX : 0) +
    centredLinesHeight(slide.author ?? "", 0.8, ctx.size, 0.2) +
    centredLinesHeight(occasion, 0.7, ctx.size, 0.2);
  let best = { scale: 1, body: 1 };
  for (const body of BODY_SCALES) {
    const extra = centredLinesHeight(slide.subtitle ?? "", 1.1 * body, ctx.size, 1, ctx.lang) + byline;
    const { scale, fits } = centredHeadingScale(phrases, STYLES.deckTitle, ctx.size, extra, TITLE_SCALES);
    best = { scale, body };
    if (fits) break;
  }
  return { ...slide, phrases, ...withFit(fitOf(best.scale, best.body)) };
}
