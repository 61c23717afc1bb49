/**
 * How long reading a slide's notes aloud takes: Chinese (and Japanese, Korean) characters at a
 * characters-per-minute rate, other words at a words-per-minute rate. An estimate for rehearsal,
 * shown at the top of the notes; the title slide's notes also give the whole talk's length.
 */
import type { Slide } from "../model/deck.js";

export interface SpeakingRate {
  /** CJK characters per minute (a calm lecture pace is about 240). */
  cpm: number;
  /** Words per minute for English and other spaced text. */
  wpm: number;
}

export const DEFAULT_RATE: SpeakingRate = { cpm: 240, wpm: 140 };

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Seconds to read `paragraphs` aloud at `rate`. */
export function speakingSeconds(paragraphs: readonly string[], rate: SpeakingRate = DEFAULT_RATE): number {
  let cjk = 0;
  let words = 0;
  for (const p of paragraphs) {
    cjk += p.match(CJK)?.length ?? 0;
    words += p.replace(CJK, " ").match(WORD)?.length ?? 0;
  }
  return Math.round((cjk / rate.cpm + words / rate.wpm) * 60);
}

interface TimingWords {
  slide: (time: string) => string;
  total: (time: string, slides: number) => string;
  time: (minutes: number, seconds: number) => string;
}

const zh = (min: string, sec: string, slide: string, total: string, unit: string): TimingWords => ({
  slide: (t) => `${slide}${t}`,
  total: (t, n) => `${total}${t}（${n} ${unit}）`,
  time: (m, s) => (m > 0 ? `${m} ${min}${s > 0 ? ` ${s} ${sec}` : ""}` : `${s} ${sec}`),
});

const WORDS: Record<string, TimingWords> = {
  "zh-Hant": zh("分", "秒", "預估講述時間：約 ", "全場預估講述時間：約 ", "張投影片"),
  "zh-Hans": zh("分", "秒", "预估讲述时间：约 ", "全场预估讲述时间：约 ", "张幻灯片"),
  en: {
    slide: (t) => `Speaking time: about ${t}`,
    total: (t, n) => `Whole talk: about ${t} (${n} slides)`,
    time: (m, s) => (m > 0 ? `${m} min${s > 0 ? ` ${s} s` : ""}` : `${s} s`),
  },
};

function wordsFor(lang: string): TimingWords {
  if (/^zh-(Hans|CN|SG)/i.test(lang)) return WORDS["zh-Hans"] as TimingWords;
  if (/^zh/i.test(lang)) return WORDS["zh-Hant"] as TimingWords;
  return WORDS.en as TimingWords;
}

/** A duration as people say it: whole minutes and seconds rounded to 10 (5 under a minute). */
export function formatDuration(seconds: number, lang: string): string {
  const step = seconds < 60 ? 5 : 10;
  const rounded = Math.max(step, Math.round(seconds / step) * step);
  return wordsFor(lang).time(Math.floor(rounded / 60), rounded % 60);
}

/**
 * The slides with their speaking time: each slide with notes gets a line for its own notes, and
 * the title slide (the first) one for the whole deck.
 */
export function withSpeakingTimes(slides: readonly Slide[], lang: string, rate: SpeakingRate = DEFAULT_RATE): Slide[] {
  const w = wordsFor(lang);
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
