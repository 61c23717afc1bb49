/**
 * The talk's pacing: how long the speaker stays on each slide (reveal's `data-timing`, which feeds
 * the pacing timer of the speaker view), how the estimate splits over the parts, and, when the
 * talk has a planned length (`--duration`), each part's share of it. Pure.
 */
import type { Pacing, PartPacing, Slide, SlideKind } from "../model/deck.js";
import { languageOf } from "../text/languages/index.js";
import { formatDuration } from "./timing.js";

/**
 * Seconds on a slide whose notes say nothing to read aloud: long enough to look at it and say a
 * sentence, so the pacing timer does not count the speaker behind on an agenda.
 */
const GLANCE: Record<SlideKind, number> = {
  title: 10,
  agenda: 15,
  section: 5,
  point: 5,
  summary: 5,
  paragraph: 5,
  references: 10,
};

/** Each slide's timing in seconds: its notes' estimate, or a glance for a slide without notes. */
export const slideTiming = (slide: Slide): number => Math.max(slide.speaking?.seconds ?? 0, GLANCE[slide.kind]);

/**
 * The slides with their timings, the title slide's notes with the whole talk's estimate (the sum
 * of the timings) and its split over the parts, and the pacing itself for the caller to warn with.
 * `partLabels` are the parts' labels by number (1-based index 0 unused).
 */
export function paceSlides(
  slides: readonly Slide[],
  lang: string,
  partLabels: readonly string[],
  durationSeconds?: number,
): { slides: Slide[]; pacing: Pacing } {
  const timed = slides.map((s) => ({ ...s, timing: slideTiming(s) }));
  const seconds = timed.reduce((sum, s) => sum + s.timing, 0);
  const byPart = new Map<number, number>();
  for (const s of timed) byPart.set(s.part, (byPart.get(s.part) ?? 0) + s.timing);
  const language = languageOf(lang);
  const w = language.pacing;
  const parts: PartPacing[] = [...byPart.entries()]
    .sort(([a], [b]) => (a === 0 ? 1 : b === 0 ? -1 : a - b))
    .map(([part, partSeconds]) => ({
      part,
      label: part === 0 ? w.outside : language.deck.part(partLabels[part] ?? String(part)),
      seconds: partSeconds,
      ...(durationSeconds ? { budget: Math.round((durationSeconds * partSeconds) / seconds) } : {}),
    }));
  const pacing: Pacing = { seconds, ...(durationSeconds ? { duration: durationSeconds } : {}), parts };
  const title = timed[0];
  if (title?.kind === "title") {
    const t = language.timing;
    const own = title.speaking && title.speaking.seconds > 0 ? [t.slide(formatDuration(title.speaking.seconds, lang))] : [];
    const time = (n: number) => formatDuration(n, lang);
    const lines =
      durationSeconds !== undefined
        ? [w.budget(time(durationSeconds)), ...parts.map((p) => w.share(p.label, time(p.budget ?? 0), time(p.seconds)))]
        : parts.map((p) => w.estimate(p.label, time(p.seconds)));
    timed[0] = {
      ...title,
      speaking: {
        seconds: title.speaking?.seconds ?? 0,
        label: [t.total(time(seconds), slides.length), ...own].join(" · "),
      },
      pacingNotes: parts.length > 1 ? lines : durationSeconds !== undefined ? lines.slice(0, 1) : [],
    };
  }
  return { slides: timed, pacing };
}

/**
 * The warning for a talk whose estimate runs past its planned length, or null. Ten seconds of
 * slack: the estimate is rounded to ten seconds where it is shown.
 */
export function overDurationWarning(pacing: Pacing): string | null {
  if (pacing.duration === undefined || pacing.seconds <= pacing.duration + 10) return null;
  const en = (n: number) => formatDuration(n, "en");
  return `the essay's estimated speaking time (${en(pacing.seconds)}) exceeds --duration ${en(pacing.duration)} by ${en(pacing.seconds - pacing.duration)}: leave points out, or plan a faster pace with --cpm/--wpm`;
}
