/**
 * The PDF files themselves, made in this process with pdf-lib: the printed chunks joined into the
 * slides PDF, its metadata and bookmarks, and the handout with the slides drawn into its frames.
 * pdf-lib is loaded with this module, which the export loads while Chromium loads the print view,
 * so that its 60 ms of loading are not waited for.
 */
import { PDFDocument } from "pdf-lib";
import { DeckError, ExitCode } from "../errors.js";
import type { Deck } from "../model/deck.js";
import { languageOf } from "../text/languages/index.js";
import { addBookmarks, LOAD_FAST, planBookmarks, SAVE_FAST, setMetadata } from "./bookmarks.js";
import type { Chunk } from "./chunks.js";
import { drawSlidesIntoFrames } from "./frames.js";
import type { PrintedHandout } from "./handout-page.js";

export { useNativeDeflate } from "./deflate.js";

/** The slides PDF, as its chunks are printed: each joins in its place as soon as it comes. */
export interface ChunkJoiner {
  /** Chunk `index` of the plan, as Chromium printed it; a page too many or too few is an error. */
  join(index: number, bytes: Uint8Array): Promise<void>;
  /** The joined document, once every chunk has joined. */
  document(): PDFDocument;
}

/** Joins `chunks` (those of chunkRanges) into one document; `progress` hears the slides joined so far. */
export function chunkJoiner(chunks: Chunk[], progress?: (joined: number) => void): ChunkJoiner {
  let merged: PDFDocument | null = null;
  // The chunks joined, and their pages, so a chunk goes in after those before it.
  const joined = new Set<number>();
  let done = 0;
  return {
    async join(i, bytes) {
      const chunk = chunks[i] as Chunk;
      const doc = await PDFDocument.load(bytes, LOAD_FAST);
      checkChunk(doc, chunk);
      // A deck of one chunk is that chunk's document; a chunk's bytes are dropped once its pages are copied.
      if (chunks.length === 1) merged = doc;
      else {
        merged ??= await PDFDocument.create({ updateMetadata: false });
        const copies = await merged.copyPages(doc, doc.getPageIndices());
        let at = 0;
        for (const j of joined) if (j < i) at += (chunks[j] as Chunk).end - (chunks[j] as Chunk).start;
        for (const [k, copy] of copies.entries()) merged.insertPage(at + k, copy);
      }
      joined.add(i);
      done += chunk.end - chunk.start;
      progress?.(done);
    },
    document() {
      if (!merged || joined.size !== chunks.length) throw new RangeError("not every chunk has joined");
      return merged;
    },
  };
}

function checkChunk(doc: PDFDocument, chunk: Chunk): void {
  const pages = doc.getPageCount();
  const slides = chunk.end - chunk.start;
  if (pages !== slides) {
    throw new DeckError(
      `the slides PDF has ${pages} pages for slides ${chunk.start + 1}–${chunk.end} (${slides}): a slide spilled onto another page; shorten it or use --size`,
      ExitCode.browser,
    );
  }
}

/** Check the page count, then add metadata and the essay's bookmarks (after any join: they point at its pages). */
export async function finishSlidesPdf(doc: PDFDocument, deck: Deck, creator: string): Promise<Uint8Array> {
  const count = doc.getPageCount();
  if (count !== deck.slides.length) {
    throw new DeckError(
      `the slides PDF has ${count} pages for ${deck.slides.length} slides: a slide spilled onto another page; shorten it or use --size`,
      ExitCode.browser,
    );
  }
  setMetadata(doc, deckMetadata(deck, creator));
  addBookmarks(doc, planBookmarks(deck));
  return doc.save(SAVE_FAST);
}

export function deckMetadata(deck: Deck, creator: string) {
  const headings = deck.slides.flatMap((s) => (s.kind === "section" ? [s.heading] : []));
  return {
    title: deck.title,
    author: deck.author,
    subject: deck.subtitle ?? deck.title,
    lang: deck.lang,
    keywords: headings,
    creator,
  };
}

/** The printed handout with the slides drawn into its frames, its metadata and bookmarks; its bytes and pages. */
export async function assembleHandout(
  printed: PrintedHandout,
  slides: PDFDocument,
  deck: Deck,
  creator: string,
  warn: (message: string) => void,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(printed.bytes, LOAD_FAST);
  await drawSlidesIntoFrames(doc, slides);
  const meta = deckMetadata(deck, creator);
  setMetadata(doc, { ...meta, subject: languageOf(deck.lang).handout.subject });
  // Bookmarks only where the plan matches what Chromium printed, so none points at a wrong page.
  if (doc.getPageCount() === printed.plannedPages) {
    addBookmarks(
      doc,
      planBookmarks(deck, (i) => printed.slidePages[i] ?? 0),
    );
  } else {
    warn(`the handout has ${doc.getPageCount()} pages, ${printed.plannedPages} planned: it has no bookmarks`);
  }
  return { bytes: await doc.save(SAVE_FAST), pages: doc.getPageCount() };
}
