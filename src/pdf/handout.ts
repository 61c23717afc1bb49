/**
 * The handout as HTML: a function of the Deck. Each slide is an empty frame, into which the slides
 * PDF's page is drawn once printed (so the slide stays vector text, exactly as in the slides PDF,
 * and Chromium lays out and prints each slide once, not twice); its speaker notes follow, typeset
 * for reading. The header (deck title) and the
 * footer (page X of Y in the essay's language) are page margin boxes (handoutPageStyle).
 */
import type { Deck } from "../model/deck.js";
import { noteRenderer } from "../render/blocks.js";
import { escapeHtml, renderInline } from "../render/inline.js";
import { languageOf } from "../text/languages/index.js";
import { planSheets } from "./paginate.js";

/** Where a slide's frame links to: a name no real link uses, read back and removed from the PDF. */
export const FRAME_LINK = "https://essay-deck.invalid/handout-slide/";

export type HandoutLayout = "notes" | "2up" | "3up";
export const HANDOUT_LAYOUTS: HandoutLayout[] = ["notes", "2up", "3up"];

/** A4 portrait, in millimetres; the header and footer sit in the top and bottom margins. */
export const HANDOUT_PAGE = { width: 210, height: 297, top: 20, bottom: 18, left: 18, right: 18 };
export const MM_TO_PX = 96 / 25.4;
/** Space between a slide and its notes, and between items sharing a page (mm on paper). */
export const HANDOUT_GAP_MM = 5;

/** "第 3 頁，共 24 頁" with the numbers as HTML (Chromium fills the pageNumber/totalPages spans). */
export const pageOf = (lang: string, page: string, total: string): string => languageOf(lang).handout.pageOf(page, total);

/** A CSS string literal: the essay's text stays text (quotes, backslashes, line breaks escaped). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"\n\r\f<]/g, (c) => `\\${(c.codePointAt(0) as number).toString(16)} `)}"`;
}

/**
 * The header (deck title, author) and footer (page X of Y in the essay's language) as CSS page
 * margin boxes. Chromium's headerTemplate/footerTemplate cost 2 ms a page (1 s of a 500-page
 * handout); margin boxes print with the page. Unlike the page's content, they are not printed at
 * the page's scale: 8pt is 8pt on paper.
 */
export function handoutPageStyle(deck: Deck): string {
  const box = `font-family: ${languageOf(deck.lang).handout.fonts}; font-size: 8pt; color: #666;`;
  const total = pageOf(deck.lang, '" counter(page) "', '" counter(pages) "');
  return `
@page {
  @top-left { content: ${cssString(deck.title)}; ${box} }
  @top-right { content: ${cssString(deck.author ?? "")}; ${box} }
  @bottom-center { content: "${total}"; ${box} }
}
`;
}

/** Text the handout adds around the essay's own, for the font check. */
export const handoutChrome = (deck: Deck): string => `${deck.title}${deck.author ?? ""}${pageOf(deck.lang, "0", "0")}`;

export interface HandoutMarkupOptions {
  layout: HandoutLayout;
}

/** The handout's body: a <main> to put in place of the deck in the print view's document. */
export function handoutMarkup(deck: Deck, options: HandoutMarkupOptions): string {
  const lang = escapeHtml(deck.lang);
  const markdown = deck.format === "markdown";
  const index = new Map(deck.slides.map((s, i) => [s.id, i]));
  // The frame stays empty: the slide is drawn into it afterwards from the slides PDF, at the place
  // its link (a PDF link annotation) marks.
  const frame = (id: string) =>
    `<div class="handout-slide" data-slide="${escapeHtml(id)}"><a class="handout-anchor" href="${FRAME_LINK}${index.get(id)}" tabindex="-1" aria-hidden="true"></a></div>`;
  if (options.layout === "notes") {
    // A note written as a Markdown block (a list, a table) prints in its shape, as in the speaker view.
    const note = noteRenderer(deck, (text) => renderInline(text, { markdown }));
    const items = deck.slides.map((slide) => {
      const notes = slide.notes.map(note).join("");
      const body = notes ? `<div class="handout-notes" lang="${lang}">${notes}</div>` : "";
      return `<section class="handout-item${notes ? "" : " no-notes"}">${frame(slide.id)}${body}</section>`;
    });
    return `<main class="handout handout-layout-notes" lang="${lang}">${items.join("\n")}</main>`;
  }
  const perPage = options.layout === "2up" ? 2 : 3;
  const rules = `<div class="handout-lines">${'<div class="rule"></div>'.repeat(16)}</div>`;
  const sheets = planSheets(deck.slides, perPage).map(
    (sheet) =>
      `<section class="handout-sheet">${sheet.map((s) => `<div class="handout-row">${frame(s.id)}${rules}</div>`).join("")}</section>`,
  );
  return `<main class="handout handout-layout-${options.layout}" lang="${lang}">${sheets.join("\n")}</main>`;
}

/** The slide shape the sheets were drawn for. */
export const REFERENCE_ASPECT = 16 / 9;
/** Ruled lines on a sheet: their pitch, and the gap between a row's slide and its lines (mm on paper). */
export const RULE_MM = 8;
export const ROW_GAP_MM = 6;

/**
 * How wide a slide is drawn, as a share of the page's text width, for slides `aspect` (width /
 * height) wide. On a sheet a slide is never taller than a 16:9 one: a narrower slide (4:3) is drawn
 * narrower, so the room left to write (below it in 2up, beside it in 3up) is never less than at
 * 16:9. Reveal slides have the same height in pixels at every size, so text keeps its size on paper.
 */
export function slideShare(layout: HandoutLayout, aspect = REFERENCE_ASPECT): number {
  const base = { notes: 1, "2up": 0.85, "3up": 0.56 }[layout];
  return layout === "notes" ? base : base * Math.min(1, aspect / REFERENCE_ASPECT);
}

/** A 2up or 3up sheet's geometry in mm: the slide's size and the ruled lines each slide gets. */
export function sheetGeometry(
  layout: "2up" | "3up",
  aspect: number,
): { slide: { width: number; height: number }; lines: number; lineLength: number } {
  const p = HANDOUT_PAGE;
  const textWidth = p.width - p.left - p.right;
  const perSheet = layout === "2up" ? 2 : 3;
  // The sheet is 1 mm shorter than the page's content box, so it never spills onto a next page.
  const row = (p.height - p.top - p.bottom - 1 - ROW_GAP_MM * (perSheet - 1)) / perSheet;
  const width = textWidth * slideShare(layout, aspect);
  const height = width / aspect;
  const room = layout === "2up" ? row - height - ROW_GAP_MM : row;
  const lineLength = layout === "2up" ? textWidth : textWidth - width - ROW_GAP_MM;
  return { slide: { width, height }, lines: Math.max(0, Math.floor(room / RULE_MM)), lineLength };
}

/**
 * Styles for the handout; they override the print view's own page size and layout. Slides keep
 * their natural size (no transform: a scaled box makes Chromium shrink the whole page), and the
 * page is printed at the scale --s, so every other length is divided by it.
 */
export function handoutStyle(deck: Deck, layout: HandoutLayout, aspect = REFERENCE_ASPECT): string {
  const p = HANDOUT_PAGE;
  const u = (length: string) => `calc(${length} / var(--s))`;
  const contentHeight = p.height - p.top - p.bottom;
  const stack = languageOf(deck.lang).handout.fonts;
  return `
html.reveal-print, html.reveal-print body { width: auto !important; height: auto !important; background: #fff !important; }
html.reveal-print body { margin: 0 !important; }
.handout { width: ${u(`${p.width - p.left - p.right}mm`)}; margin: 0; color: #222;
  font-family: ${stack}; font-family: var(--ed-font, ${stack}); }
.handout-slide { position: relative; width: ${slideShare(layout, aspect) * 100}%; overflow: hidden; box-sizing: border-box;
  outline: ${u("0.5pt")} solid #999; break-inside: avoid; break-after: avoid; }
.handout-anchor { position: absolute; inset: 0; display: block; }
.handout-item { break-inside: auto; }
.handout-item + .handout-item { margin-top: ${u(`${HANDOUT_GAP_MM}mm`)}; }
.handout-item.break-before { break-before: page; margin-top: 0; }
.handout-notes { margin-top: ${u(`${HANDOUT_GAP_MM}mm`)}; font-size: ${u("11pt")}; line-height: 1.75; orphans: 2; widows: 2;
  line-break: strict; text-spacing-trim: space-first; }
.handout-notes p { margin: 0 0 0.6em; text-indent: 2em; text-align: justify; text-justify: inter-character; }
.handout-notes:lang(en) p { text-indent: 0; text-align: left; }
.handout-notes ul, .handout-notes ol { margin: 0 0 0.6em 1.5em; padding: 0; }
.handout-notes blockquote { margin: 0 0 0.6em 1em; padding-left: 0.8em; border-left: 2px solid #bbb; }
.handout-notes pre { margin: 0 0 0.6em; white-space: pre-wrap; font-size: 0.9em; line-height: 1.5; }
.handout-notes p.note-table, .handout-notes p.note-image { text-indent: 0; text-align: left; }
.handout-sheet { height: ${u(`${contentHeight - 1}mm`)}; display: flex; flex-direction: column; gap: ${u(`${ROW_GAP_MM}mm`)};
  break-after: page; }
.handout-sheet:last-child { break-after: auto; }
.handout-row { flex: 1 1 0; min-height: 0; display: flex; gap: ${u(`${ROW_GAP_MM}mm`)}; overflow: hidden;
  flex-direction: ${layout === "2up" ? "column" : "row"}; align-items: ${layout === "2up" ? "center" : "flex-start"}; }
.handout-row > .handout-slide { flex: none; }
.handout-lines { flex: 1 1 0; align-self: stretch; min-height: 0; overflow: hidden; }
.handout-layout-2up .handout-lines { width: 100%; }
.handout-lines .rule { height: ${u(`${RULE_MM}mm`)}; box-sizing: border-box; border-bottom: ${u("0.5pt")} solid #bbb; }
`;
}
