/**
 * Which sentences of a point go on its slides: whole sentences only, as many as the slide's
 * measured room holds. Key sentences (the one after the headline, each supporting paragraph's
 * opening), up to four, all get shown: first at full size, then scaled down to the readable floor,
 * and only then continued on a follow-up slide. A sentence too long to be a bullet stays in the notes.
 */
import { DEFAULT_SLIDE_SIZE, type SlideSize } from "../model/deck.js";
import { splitSentences } from "../text/sentences.js";
import { textWidth } from "../text/width.js";
import {
  BODY_SCALES,
  contentWidth,
  type HeadlineBox,
  headlineBlockHeight,
  headlineScale,
  listHeight,
  listRoom,
  STYLES,
  type TextStyle,
} from "./fit.js";

export interface BulletBudget {
  /** At most this many bullets on one slide. */
  max: number;
  /** At least this many on a point's first slide when the text has enough sentences that fit. */
  min: number;
  /** A bullet longer than this (in full-width character units) stays in the notes. */
  maxWidth: number;
}

export const DEFAULT_BUDGET: BulletBudget = { max: 4, min: 2, maxWidth: 72 };

export interface Candidate {
  text: string;
  /** Index of the paragraph it comes from, for splitting the notes with the slides. */
  paragraph: number;
  /** Order in the point's text, for showing bullets in reading order. */
  order: number;
  /** 0: right after the headline; 1: a supporting paragraph's opening; 2: any other sentence. */
  priority: 0 | 1 | 2;
}

/**
 * Candidate bullets of a point: the sentences after its headline in the opening paragraph, and
 * the sentences of each supporting paragraph, ranked as described above.
 */
export function candidates(
  paragraphs: readonly string[],
  skipFirstSentence: boolean,
  clean: (sentence: string) => string = (s) => s,
): Candidate[] {
  const out: Candidate[] = [];
  let order = 0;
  paragraphs.forEach((para, p) => {
    const sentences = splitSentences(para)
      .map(clean)
      .filter((s) => s.length > 0);
    let first = true;
    sentences.forEach((sentence, s) => {
      if (p === 0 && s === 0 && skipFirstSentence) return;
      if (isFragment(sentence)) return;
      out.push({ text: sentence, paragraph: p, order: order++, priority: first ? (p === 0 ? 0 : 1) : 2 });
      first = false;
    });
  });
  return out;
}

/** Brackets that must pair up inside a bullet: each opening one, and its closing one. */
const OPENS = "(（「『“《[";
const CLOSES = ")）」』”》]";

/**
 * A piece of text that is no bullet: a number or marker alone (4-4.), a few characters or words
 * (Yes.), or a cut with unbalanced brackets (Standard Black English).). It stays in the notes.
 */
export function isFragment(sentence: string): boolean {
  // A link target is at most LOOKAHEAD long, as the renderer reads it: unbounded, every "](" without
  // a ")" scanned the rest of the sentence (400 KB of "[a](<" took 23 s).
  const text = sentence.replace(/\]\([^)]{0,2048}\)/g, "]").replace(/\*\*|__|`/g, "");
  // One pass for the Han characters and the brackets: a bullet is checked at every fit tried.
  let han = 0;
  const open = new Array<number>(OPENS.length).fill(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else {
      const o = OPENS.indexOf(text[i] as string);
      const k = o < 0 ? CLOSES.indexOf(text[i] as string) : -1;
      if (o >= 0) open[o] = (open[o] as number) + 1;
      else if (k >= 0) open[k] = (open[k] as number) - 1;
    }
  }
  if (han < 4) {
    const words = text.match(/[\p{L}\p{N}]+/gu)?.filter((w) => !/[\u3400-\u9fff]/u.test(w)).length ?? 0;
    if (words < 3 && han + words * 2 < 6) return true;
  }
  return open.some((n) => n !== 0);
}

/** One slide's share of a point: its bullets, the scales it is set at, and its paragraphs. */
export interface SlideShare {
  bullets: string[];
  headlineScale: number;
  bodyScale: number;
  /** The paragraphs whose notes go with this slide: [from, to). */
  paragraphs: [number, number];
}

export interface ShareRequest {
  /** Ranked candidates, from `candidates()`, or one per item for lists (summary, references). */
  items: readonly Candidate[];
  paragraphCount: number;
  headline: Omit<HeadlineBox, "continuation">;
  /** The continuation mark, for the headline of a follow-up slide. */
  continuation: string;
  style?: TextStyle;
  budget?: BulletBudget;
  size?: SlideSize;
  /** Fill up to `budget.min` with lower-priority sentences (points and paragraphs, not lists). */
  fillToMin?: boolean;
  /** The deck's language: Chinese items break only between phrases, which can take more lines. */
  lang?: string;
}

/** Split a point's key sentences over as few slides as the room allows (usually one). */
export function shareSlides(req: ShareRequest): SlideShare[] {
  const size = req.size ?? DEFAULT_SLIDE_SIZE;
  const budget = req.budget ?? DEFAULT_BUDGET;
  const style = req.style ?? STYLES.bullet;
  const width = contentWidth(size);
  const fits = (list: readonly Candidate[], scale: number, room: number) =>
    list.length <= budget.max && listHeight(texts(list), style, scale, width, req.lang) <= room;
  const floor = BODY_SCALES[BODY_SCALES.length - 1] as number;

  let usable = req.items.filter((c) => textWidth(c.text) <= budget.maxWidth);
  // A body of one long sentence is still shown (smaller, or continued), not left headline-only.
  if (usable.length === 0 && req.items.length === 1) usable = [...req.items];
  // A slide shows at most `max` key sentences: more stay in the notes rather than start a
  // continuation, which is kept for keys that do not fit even at the floor.
  let keys = usable.filter((c) => c.priority < 2).slice(0, budget.max);
  const extras = usable.filter((c) => c.priority === 2);
  const shares: Array<Omit<SlideShare, "paragraphs"> & { start: number }> = [];
  for (let first = true; first || keys.length > 0; first = false) {
    const box = { ...req.headline, continuation: first ? "" : req.continuation };
    // Nothing shrinks when everything fits as it is; otherwise a long headline gives way first.
    const plain = listRoom(headlineBlockHeight(box, 1, size), size);
    const hs = plain >= 0 && fits(keys, 1, plain) ? 1 : headlineScale(box, size);
    const room = listRoom(headlineBlockHeight(box, hs, size), size);
    // A key too tall for an empty slide even at the floor stays in the notes.
    while (keys.length > 0 && !fits([keys[0] as Candidate], floor, room)) keys = keys.slice(1);
    if (!first && keys.length === 0) break;
    let count = keys.length;
    while (count > 1 && !fits(keys.slice(0, count), floor, room)) count--;
    // Continuing anyway: share the keys evenly (2 + 2, not 3 + 1), each slide as large as it fits.
    if (count < keys.length) count = Math.ceil(keys.length / Math.ceil(keys.length / count));
    let taken = keys.slice(0, count);
    const bs = BODY_SCALES.find((s) => fits(taken, s, room)) ?? floor;
    if (first && req.fillToMin && count === keys.length) {
      for (const extra of extras) {
        if (taken.length >= budget.min) break;
        const more = [...taken, extra].sort((a, b) => a.order - b.order);
        if (fits(more, bs, room)) taken = more;
      }
    }
    taken.sort((a, b) => a.order - b.order);
    shares.push({ bullets: texts(taken), headlineScale: hs, bodyScale: taken.length ? bs : 1, start: taken[0]?.paragraph ?? 0 });
    keys = keys.slice(count);
  }
  // Each paragraph's notes go with the slide showing its opening; the first slide takes the rest before.
  return shares.map(({ start: _start, ...share }, i) => {
    const from = i === 0 ? 0 : (shares[i]?.start as number);
    const to = i === shares.length - 1 ? req.paragraphCount : (shares[i + 1]?.start as number);
    return { ...share, paragraphs: [from, to] };
  });
}

const texts = (list: readonly Candidate[]): string[] => list.map((c) => c.text);
