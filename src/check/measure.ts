/**
 * Measure a built deck in Chromium: for every slide, whether anything lies outside the slide box,
 * text set smaller than the readable floor, and characters no installed font can draw. The only
 * browser code of `check`; the verdict and the report are pure (report.ts).
 */
import type { Page } from "puppeteer-core";
import { type GlyphRequest, glyphsOf, missingGlyphsInPage } from "../browser/glyphs.js";
import { openDeckPage, type PageOpener } from "../browser/page.js";
import { MIN_BODY_PX, MIN_TEXT_PX } from "../plan/fit.js";

export interface SlideMeasure {
  id: string;
  kind: string;
  /** Position as Reveal numbers it: "3" or "3.2" in a vertical stack (1-based). */
  number: string;
  /** Text scales the planner set (`data-fit` slides), 1 when none. */
  headlineScale: number;
  bodyScale: number;
  continued: boolean;
  /** How far content reaches past the slide box, in slide px (0 when it fits). */
  overflowPx: number;
  /** What reaches past: tag, class and the start of its text. */
  overflowing: string[];
  /** Text set below the floor: its size in px and the start of the text. */
  smallText: Array<{ px: number; text: string }>;
  /** Characters drawn as a missing-glyph box, each once. */
  missingGlyphs: string[];
}

export interface Floors {
  /** Any text on a slide, px at the slide's own size. */
  text: number;
  /** Bullets of points, paragraphs and summaries. */
  body: number;
}

export const DEFAULT_FLOORS: Floors = { text: MIN_TEXT_PX, body: MIN_BODY_PX };

export interface MeasureOptions {
  width: number;
  height: number;
  floors?: Floors;
  timeout?: number;
  /** Browser console errors and failed requests, as they happen. */
  onWarning?: (message: string) => void;
}

/** Open `indexHtml` in a new page at the slide's size and measure every slide. */
export async function measureDeck(opener: PageOpener, indexHtml: string, options: MeasureOptions): Promise<SlideMeasure[]> {
  const page = await openDeckPage(opener, indexHtml, {
    timeout: options.timeout ?? 30_000,
    warn: options.onWarning ?? (() => {}),
    // Reveal scales the slide into the window; a window of the slide's size keeps the scale near 1.
    viewport: { width: options.width, height: options.height },
  });
  try {
    return await probeGlyphs(page, await page.evaluate(measureInPage, options.floors ?? DEFAULT_FLOORS));
  } finally {
    await page.close();
  }
}

interface RevealApi {
  getSlides(): HTMLElement[];
  getIndices(slide: HTMLElement): { h: number; v?: number };
  getComputedSlideSize(): { width: number; height: number };
  slide(h: number, v?: number): void;
  configure(options: Record<string, unknown>): void;
}

/** Runs inside the page: self-contained, no closures over Node values. */
async function measureInPage(floors: Floors): Promise<InPage> {
  const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
  reveal.configure({ transition: "none", backgroundTransition: "none" });
  await document.fonts.ready;
  const slideSize = reveal.getComputedSlideSize();

  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join(".")}` : ""} "${(el.textContent ?? "").trim().slice(0, 24)}"`;

  const out: SlideMeasure[] = [];
  const glyphs: InPage["glyphs"] = [];
  for (const slide of reveal.getSlides()) {
    const idx = reveal.getIndices(slide);
    // Reveal shows the slide synchronously; reading its geometry below forces the layout.
    reveal.slide(idx.h, idx.v ?? 0);
    const box = slide.getBoundingClientRect();
    const scale = box.width / slideSize.width || 1;
    const limit = {
      left: box.left,
      top: box.top,
      right: box.left + slideSize.width * scale,
      bottom: box.top + slideSize.height * scale,
    };
    let overflowPx = 0;
    const overflowing = new Set<string>();
    const smallText: SlideMeasure["smallText"] = [];
    // Characters to probe for a glyph, by the font they are set in.
    const byFont = new Map<string, GlyphRequest>();
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent ?? "";
      if (!parent || text.trim() === "" || parent.closest("aside.notes")) continue;
      const style = getComputedStyle(parent);
      if (style.display === "none" || style.visibility === "hidden") continue;
      // Text inside a box that hides its overflow shows only within that box: the box is what
      // must fit, and text cut off inside it is clipped (unless cut with an ellipsis on purpose,
      // as the context line is).
      let clip: HTMLElement | null = null;
      for (let el: HTMLElement | null = parent; el && el !== slide; el = el.parentElement) {
        const cs = getComputedStyle(el);
        if (cs.overflowX === "visible" && cs.overflowY === "visible") continue;
        clip = el;
        const cut = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
        if (cut && cs.textOverflow !== "ellipsis") overflowing.add(`${describe(el)} (clipped)`);
        break;
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = clip ? [clip.getBoundingClientRect()] : [...range.getClientRects()];
      for (const r of rects) {
        const past = Math.max(limit.left - r.left, limit.top - r.top, r.right - limit.right, r.bottom - limit.bottom);
        if (past > 1) {
          overflowPx = Math.max(overflowPx, past / scale);
          overflowing.add(describe(parent));
        }
      }
      const px = Number.parseFloat(style.fontSize);
      const floor = parent.closest(".point-bullets li, .summary-bullets li") ? floors.body : floors.text;
      if (px < floor - 0.05) smallText.push({ px: Math.round(px * 10) / 10, text: text.trim().slice(0, 24) });
      const key = `${style.fontStyle} ${style.fontWeight} ${style.fontFamily}`;
      let request = byFont.get(key);
      if (!request) {
        request = { style: style.fontStyle, weight: style.fontWeight, family: style.fontFamily, chars: [] };
        byFont.set(key, request);
      }
      request.chars.push(text);
    }
    // Images have no text to walk, but stick out of a slide as surely.
    for (const img of slide.querySelectorAll("img")) {
      if (img.closest("aside.notes")) continue;
      const r = img.getBoundingClientRect();
      const past = Math.max(limit.left - r.left, limit.top - r.top, r.right - limit.right, r.bottom - limit.bottom);
      if (past > 1) {
        overflowPx = Math.max(overflowPx, past / scale);
        overflowing.add(describe(img));
      }
    }
    if (overflowing.size > 0 && overflowPx === 0) overflowPx = 1;
    out.push({
      id: slide.id,
      kind: slide.dataset.kind ?? "",
      number: idx.v ? `${idx.h + 1}.${idx.v + 1}` : `${idx.h + 1}`,
      headlineScale: Number(slide.style.getPropertyValue("--ed-fit-headline") || 1),
      bodyScale: Number(slide.style.getPropertyValue("--ed-fit-body") || 1),
      continued: slide.dataset.continued === "true",
      overflowPx: Math.round(overflowPx),
      overflowing: [...overflowing].slice(0, 5),
      smallText: smallText.slice(0, 5),
      missingGlyphs: [],
    });
    for (const request of byFont.values()) glyphs.push({ ...request, slide: out.length - 1 });
  }
  return { slides: out, glyphs };
}

/** What measureInPage returns: the slides, and the text to probe for glyphs (chars: text runs). */
interface InPage {
  slides: SlideMeasure[];
  glyphs: Array<GlyphRequest & { slide: number }>;
}

/** Fill each slide's missingGlyphs, with the glyph probe shared with the PDF export. */
async function probeGlyphs(page: Page, { slides, glyphs }: InPage): Promise<SlideMeasure[]> {
  // The page sent text runs; the probe wants each character once (needsGlyph is Node-side code).
  const requests = glyphs.map((g) => ({ ...g, chars: glyphsOf(g.chars.join("")) }));
  const missing = await page.evaluate(missingGlyphsInPage, requests);
  requests.forEach((r, i) => {
    const slide = slides[r.slide];
    if (slide) slide.missingGlyphs = [...new Set([...slide.missingGlyphs, ...(missing[i] ?? [])])];
  });
  return slides;
}
