/** The verdict on measured slides and its two shapes: a table for people, JSON for tools. Pure. */
import { codePointLabel } from "../browser/glyphs.js";
import type { SlideSize } from "../model/deck.js";
import type { Floors, SlideMeasure } from "./measure.js";

export type SlideStatus = "ok" | "overflow" | "small-text" | "missing-glyphs";

export interface CheckedSlide extends SlideMeasure {
  /** Every problem found on the slide; empty when it passes. */
  problems: Exclude<SlideStatus, "ok">[];
}

export interface CheckReport {
  essay: string;
  theme: string;
  size: SlideSize;
  floors: Floors;
  slides: CheckedSlide[];
  summary: {
    slides: number;
    failing: number;
    /** Slides whose text the planner scaled down to fit. */
    scaled: number;
    /** Follow-up slides made because a point did not fit on one. */
    continued: number;
    missingGlyphs: string[];
    milliseconds: number;
  };
}

export function judge(slide: SlideMeasure): CheckedSlide {
  const problems: CheckedSlide["problems"] = [];
  if (slide.overflowPx > 0 || slide.overflowing.length > 0) problems.push("overflow");
  if (slide.smallText.length > 0) problems.push("small-text");
  if (slide.missingGlyphs.length > 0) problems.push("missing-glyphs");
  return { ...slide, problems };
}

export function buildReport(
  measures: readonly SlideMeasure[],
  context: Pick<CheckReport, "essay" | "theme" | "size" | "floors">,
  milliseconds: number,
): CheckReport {
  const slides = measures.map(judge);
  return {
    ...context,
    slides,
    summary: {
      slides: slides.length,
      failing: slides.filter((s) => s.problems.length > 0).length,
      scaled: slides.filter((s) => s.headlineScale < 1 || s.bodyScale < 1).length,
      continued: slides.filter((s) => s.continued).length,
      missingGlyphs: [...new Set(slides.flatMap((s) => s.missingGlyphs))],
      milliseconds: Math.round(milliseconds),
    },
  };
}

/** Whether the slides do not fit (overflow, small text), as opposed to only missing a font. */
export const hasFitFailure = (report: CheckReport): boolean =>
  report.slides.some((s) => s.problems.includes("overflow") || s.problems.includes("small-text"));

const pad = (text: string, n: number) => text + " ".repeat(Math.max(0, n - [...text].length));

/** One row per slide, then a summary line. Problem details follow the rows of failing slides. */
export function formatTable(report: CheckReport): string {
  const rows = [["#", "slide", "kind", "scale", "status"]];
  const details: string[] = [];
  for (const s of report.slides) {
    const scale = s.headlineScale < 1 || s.bodyScale < 1 ? `${s.headlineScale}/${s.bodyScale}` : "-";
    const status = s.problems.length ? s.problems.join(",").toUpperCase() : "ok";
    rows.push([s.number, `${s.id}${s.continued ? " (cont.)" : ""}`, s.kind, scale, status]);
    if (s.overflowing.length) details.push(`  ${s.id}: past the slide by ${s.overflowPx}px: ${s.overflowing.join("; ")}`);
    for (const t of s.smallText)
      details.push(`  ${s.id}: ${t.px}px text (floor ${report.floors.text}px/${report.floors.body}px body): "${t.text}"`);
    if (s.missingGlyphs.length) details.push(`  ${s.id}: no font for ${s.missingGlyphs.map(codePointLabel).join(" ")}`);
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? "")].length))) ?? [];
  const lines = rows.map((r) =>
    r
      .map((cell, c) => pad(cell, widths[c] ?? 0))
      .join("  ")
      .trimEnd(),
  );
  const { summary: m } = report;
  lines.push(
    "",
    `${report.essay} · theme ${report.theme} · ${report.size.width}×${report.size.height}: ${m.slides} slides, ${m.failing} failing, ${m.scaled} scaled to fit, ${m.continued} continuations (${(m.milliseconds / 1000).toFixed(1)}s)`,
  );
  if (details.length) lines.push("", ...details);
  return `${lines.join("\n")}\n`;
}
