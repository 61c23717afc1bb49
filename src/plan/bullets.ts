/** Which sentences of a point go on its slide: whole sentences only, within a space budget. */
import { splitSentences } from "../parse/sentences.js";

export interface BulletBudget {
  /** At most this many bullets. */
  max: number;
  /** At least this many when the text has enough sentences that fit. */
  min: number;
  /** A bullet longer than this (in full-width character units) stays in the notes. */
  maxWidth: number;
  /** All bullets together, in full-width character units. */
  totalWidth: number;
}

export const DEFAULT_BUDGET: BulletBudget = { max: 4, min: 2, maxWidth: 72, totalWidth: 190 };

/** Width in full-width character units: a CJK character or full-width mark is 1, anything else ½. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    width += c >= 0x2e80 || (c >= 0x2010 && c <= 0x201f) ? 1 : 0.5;
  }
  return width;
}

interface Candidate {
  text: string;
  /** Order in the point's text, for showing bullets in reading order. */
  order: number;
  priority: number;
}

/**
 * Key sentences of a point: the sentences after its headline in the opening paragraph, and the
 * first sentence of each supporting paragraph, preferring (in that order) the sentence right after
 * the headline, each supporting paragraph's opening, then the rest. Returned in reading order.
 */
export function pickBullets(
  paragraphs: string[],
  skipFirstSentence: boolean,
  budget: BulletBudget = DEFAULT_BUDGET,
  clean: (sentence: string) => string = (s) => s,
): string[] {
  const candidates: Candidate[] = [];
  let order = 0;
  paragraphs.forEach((para, p) => {
    const sentences = splitSentences(para)
      .map(clean)
      .filter((s) => s.length > 0);
    sentences.forEach((sentence, s) => {
      if (p === 0 && s === 0 && skipFirstSentence) return;
      const first = p === 0 ? s === (skipFirstSentence ? 1 : 0) : s === 0;
      candidates.push({ text: sentence, order: order++, priority: first ? (p === 0 ? 0 : 1) : 2 });
    });
  });
  const ranked = [...candidates].sort((a, b) => a.priority - b.priority || a.order - b.order);
  const chosen: Candidate[] = [];
  let used = 0;
  for (const c of ranked) {
    if (chosen.length >= budget.max) break;
    const w = textWidth(c.text);
    if (w > budget.maxWidth || used + w > budget.totalWidth) continue;
    if (c.priority === 2 && chosen.length >= budget.min) continue;
    chosen.push(c);
    used += w;
  }
  return chosen.sort((a, b) => a.order - b.order).map((c) => c.text);
}
