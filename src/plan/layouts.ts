/**
 * Layouts chosen by what a slide holds: a point that is only its headline (no sentence of its
 * own to show) becomes a statement, its headline alone and large in the middle of the slide. Pure.
 */
import type { PointSlide, SlideSize } from "../model/deck.js";
import { headlinePhrases } from "../text/phrases.js";
import { BASE_FONT_PX, centredHeadingScale, type TextStyle, TITLE_SCALES } from "./fit.js";

/** A statement's headline (templates/deck.css `.slide-statement .statement-text`). */
export const STATEMENT: TextStyle = { size: 1.7, lineHeight: 1.35, gap: 0, indent: 0.65 };

/** The context line, the label above the statement and the space around them, in px. */
const STATEMENT_EXTRA = (0.5 * 2.2 + 0.7 * 1.8) * BASE_FONT_PX;

/** 1.7em × 0.8 is about a point headline's 1.3em: a statement is never set smaller. */
const MIN_STATEMENT_SCALE = 0.8;

/** A point's slides, the only one made a statement when it shows no sentence besides its headline. */
export function asStatement(slides: PointSlide[], size: SlideSize, lang: string): PointSlide[] {
  const [only] = slides;
  if (slides.length !== 1 || !only || only.bullets.length > 0) return slides;
  const phrases = only.phrases ?? headlinePhrases(only.headline, lang);
  const { scale, fits } = centredHeadingScale(phrases, STATEMENT, size, STATEMENT_EXTRA, TITLE_SCALES);
  // A headline that would have to shrink below a point headline's own size stays a point slide.
  if (!fits || scale < MIN_STATEMENT_SCALE) return slides;
  const { fit: _fit, ...rest } = only;
  return [{ ...rest, statement: true, ...(scale === 1 ? {} : { fit: { headline: scale, body: 1 } }) }];
}
