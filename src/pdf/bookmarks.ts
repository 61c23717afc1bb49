/**
 * PDF bookmarks that follow the essay (the title, each part with its points under it, the
 * references) and the document's metadata. The tree is planned purely from the Deck; pdf-lib has
 * no outline API, so the /Outlines dictionaries are built from its low-level objects.
 */
import { PDFArray, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from "pdf-lib";
import type { Deck, Slide } from "../model/deck.js";

export interface Bookmark {
  title: string;
  /** 0-based page the bookmark opens: one page per slide, in deck order. */
  page: number;
  children: Bookmark[];
}

/**
 * Bookmarks for a deck; by default printed one slide a page (the handout passes where each slide
 * landed). Continued slides, and a block's slide without a headline, get no entry of their own.
 */
export function planBookmarks(deck: Deck, pageOfSlide: (index: number) => number = (i) => i): Bookmark[] {
  const top: Bookmark[] = [];
  let part: Bookmark | null = null;
  deck.slides.forEach((slide, index) => {
    // A figure or table standing alone (a paragraph slide without a headline) has no title to list.
    if (slide.continued || (slide.kind === "paragraph" && slide.headline === "")) return;
    const entry: Bookmark = { title: bookmarkTitle(slide), page: pageOfSlide(index), children: [] };
    if (slide.kind === "section") {
      part = entry;
      top.push(entry);
    } else if (slide.part > 0 && part) {
      part.children.push(entry);
    } else {
      // Title and references, or points of a deck whose parts have no section slide.
      if (slide.part === 0) part = null;
      top.push(entry);
    }
  });
  return top;
}

function bookmarkTitle(slide: Slide): string {
  switch (slide.kind) {
    case "title":
      return slide.title;
    case "section":
      return slide.heading;
    case "point":
      return `${slide.label}　${slide.headline}`.trim();
    case "paragraph":
      return slide.headline;
    case "summary":
    case "references":
    case "agenda":
      return slide.heading.replace(/[:：]\s*$/, "");
  }
}

/**
 * pdf-lib yields to the event loop every few objects by default, which costs a second on a deck's
 * thousands of glyph objects; nothing else runs meanwhile, so parse and write in one go.
 */
export const LOAD_FAST = { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY } as const;
export const SAVE_FAST = { objectsPerTick: Number.POSITIVE_INFINITY } as const;

export const countBookmarks = (marks: Bookmark[]): number => marks.reduce((n, m) => n + 1 + countBookmarks(m.children), 0);

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  lang: string;
  keywords?: string[];
  creator: string;
}

export function setMetadata(doc: PDFDocument, meta: PdfMetadata): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.lang);
  doc.setCreator(meta.creator);
  doc.setProducer(`${meta.creator} (Chromium, pdf-lib)`);
}

/** Write the bookmarks into the document's catalog and open the viewer's bookmark pane. */
export function addBookmarks(doc: PDFDocument, marks: Bookmark[]): void {
  if (marks.length === 0) return;
  const context = doc.context;
  const pages = doc.getPages();
  const rootRef = context.nextRef();

  const addLevel = (items: Bookmark[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => context.nextRef());
    let count = 0;
    items.forEach((item, i) => {
      const page = pages[Math.min(item.page, pages.length - 1)];
      const ref = refs[i] as PDFRef;
      const dict = context.obj({});
      dict.set(PDFName.of("Title"), PDFHexString.fromText(item.title));
      dict.set(PDFName.of("Parent"), parent);
      if (page) {
        const dest = PDFArray.withContext(context);
        dest.push(page.ref);
        dest.push(PDFName.of("Fit"));
        dict.set(PDFName.of("Dest"), dest);
      }
      const prev = refs[i - 1];
      const next = refs[i + 1];
      if (prev) dict.set(PDFName.of("Prev"), prev);
      if (next) dict.set(PDFName.of("Next"), next);
      count += 1;
      if (item.children.length > 0) {
        const sub = addLevel(item.children, ref);
        dict.set(PDFName.of("First"), sub.first);
        dict.set(PDFName.of("Last"), sub.last);
        // Positive: the entry is open, its children shown.
        dict.set(PDFName.of("Count"), PDFNumber.of(sub.count));
        count += sub.count;
      }
      context.assign(ref, dict);
    });
    return { first: refs[0] as PDFRef, last: refs.at(-1) as PDFRef, count };
  };

  const level = addLevel(marks, rootRef);
  const root = context.obj({});
  root.set(PDFName.of("Type"), PDFName.of("Outlines"));
  root.set(PDFName.of("First"), level.first);
  root.set(PDFName.of("Last"), level.last);
  root.set(PDFName.of("Count"), PDFNumber.of(level.count));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}
