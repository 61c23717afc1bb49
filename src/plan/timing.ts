/**
 * How long reading a slide's notes aloud takes: Chinese (and Japanese, Korean) characters at a
 * characters-per-minute rate, other words at a words-per-minute rate. An estimate for rehearsal,
 * shown at the top of the notes; the title slide's notes also give the whole talk's length.
 */
import type { Slide } from "../model/deck.js";
import { languageOf } from "../text/languages/index.js";

export interface SpeakingRate {
  /** CJK characters per minute (a calm lecture pace is about 240). */
  cpm: number;
  /** Words per minute for English and other spaced text. */
  wpm: number;
}

export const DEFAULT_RATE: SpeakingRate = { cpm: 240, wpm: 140 };

const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Marks that join two runs of letters into one word: it's, e.g., well-known. */
const JOINERS = "'’.-";

/** Seconds to read `paragraphs` aloud at `rate`. */
export function speakingSeconds(paragraphs: readonly string[], rate: SpeakingRate = DEFAULT_RATE): number {
  const counts = { cjk: 0, words: 0 };
  for (const p of paragraphs) countText(p, counts);
  return Math.round((counts.cjk / rate.cpm + counts.words / rate.wpm) * 60);
}

// What a character counts as. A word is a run of letters and digits, runs joined by one joiner.
const UNKNOWN = 0;
const CJK_CHAR = 1;
const LETTER = 2;
const JOINER = 3;
const OTHER = 4;

// Kinds by code point, filled on first sight: a Unicode-property regex run over every character
// of the notes (the whole essay) was the slowest part of planning.
const BMP_KINDS = new Uint8Array(0x10000);
const ASTRAL_KINDS = new Map<number, number>();

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (CJK.test(ch)) return CJK_CHAR;
  if (LETTER_OR_DIGIT.test(ch)) return LETTER;
  return JOINERS.includes(ch) ? JOINER : OTHER;
}

function kindOf(cp: number): number {
  if (cp < 0x10000) {
    let k = BMP_KINDS[cp] as number;
    if (k === UNKNOWN) {
      k = classify(cp);
      BMP_KINDS[cp] = k;
    }
    return k;
  }
  let k = ASTRAL_KINDS.get(cp);
  if (k === undefined) {
    k = classify(cp);
    ASTRAL_KINDS.set(cp, k);
  }
  return k;
}

/** Adds the CJK characters of `text`, and its words outside them (a CJK character ends a word, like a space). */
function countText(text: string, into: { cjk: number; words: number }): void {
  // 0: between words; 1: in a word; 2: just after a joiner inside a word.
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const kind = kindOf(cp);
    if (kind === LETTER) {
      if (state === 0) into.words++;
      state = 1;
    } else if (kind === JOINER && state === 1) {
      state = 2;
    } else {
      if (kind === CJK_CHAR) into.cjk++;
      state = 0;
    }
  }
}

/** A duration as people say it: whole minutes and seconds rounded to 10 (5 under a minute). */
export function formatDuration(seconds: number, lang: string): string {
  const step = seconds < 60 ? 5 : 10;
  const rounded = Math.max(step, Math.round(seconds / step) * step);
  return languageOf(lang).timing.time(Math.floor(rounded / 60), rounded % 60);
}

/**
 * The slides with their speaking time: each slide with notes gets a line for its own notes, and
 * the title slide (the first) one for the whole deck.
 */
export function withSpeakingTimes(slides: readonly Slide[], lang: string, rate: SpeakingRate = DEFAULT_RATE): Slide[] {
  const w = languageOf(lang).timing;
  const timed = slides.map((slide) => {
    const seconds = speakingSeconds(slide.notes, rate);
    return seconds > 0 ? { ...slide, speaking: { seconds, label: w.slide(formatDuration(seconds, lang)) } } : slide;
  });
  const total = timed.reduce((sum, s) => sum + (s.speaking?.seconds ?? 0), 0);
  const title = timed[0];
  if (title?.kind === "title" && total > 0) {
    const own = title.speaking ? [title.speaking.label] : [];
    timed[0] = {
      ...title,
      speaking: {
        seconds: title.speaking?.seconds ?? 0,
        label: [w.total(formatDuration(total, lang), slides.length), ...own].join(" · "),
      },
    };
  }
  return timed;
}
