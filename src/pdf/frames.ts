/**
 * Draw the slides into the handout's frames. Chromium prints the handout with each slide's frame
 * empty but for a link to FRAME_LINK + the slide's index; the link annotation it writes is the
 * frame's exact rectangle on its page, wherever pagination put it. Each slides-PDF page is drawn
 * there as a form XObject (vector text, the fonts copied once) and the link removed. Printing each
 * slide once instead of twice is most of the handout's cost saved.
 */
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFPage, PDFString } from "pdf-lib";
import { DeckError, ExitCode } from "../errors.js";
import { FRAME_LINK } from "./handout.js";

interface Frame {
  page: PDFPage;
  slide: number;
  /** The frame's rectangle on the page, in PDF points from the bottom left. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The frames Chromium printed, with their links taken out of each page's annotations. */
function takeFrames(doc: PDFDocument): Frame[] {
  const frames: Frame[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    if (!annots) continue;
    const kept: number[] = [];
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      const action = annot?.lookupMaybe(PDFName.of("A"), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of("URI"), PDFString, PDFHexString)?.decodeText() ?? "";
      const rect = annot?.lookupMaybe(PDFName.of("Rect"), PDFArray);
      if (!uri.startsWith(FRAME_LINK) || !rect) {
        kept.push(i);
        continue;
      }
      frames.push({ page, slide: Number(uri.slice(FRAME_LINK.length)), ...rect.asRectangle() });
    }
    if (kept.length === annots.size()) continue;
    if (kept.length === 0) page.node.delete(PDFName.of("Annots"));
    else page.node.set(PDFName.of("Annots"), doc.context.obj(kept.map((i) => annots.get(i))));
  }
  return frames;
}

/** Draw slide i of `slides` into its frame of `handout`; every slide must have exactly one frame. */
export async function drawSlidesIntoFrames(handout: PDFDocument, slides: PDFDocument): Promise<void> {
  const frames = takeFrames(handout);
  const count = slides.getPageCount();
  const seen = new Set(frames.map((f) => f.slide));
  if (frames.length !== count || seen.size !== count || [...seen].some((i) => !(i >= 0 && i < count))) {
    throw new DeckError(
      `the handout printed ${frames.length} slide frames for ${count} slides: a frame was cut or repeated; try another --handout-layout`,
      ExitCode.browser,
    );
  }
  const embedded = await handout.embedPages(slides.getPages());
  for (const f of frames) {
    f.page.drawPage(embedded[f.slide] as (typeof embedded)[number], { x: f.x, y: f.y, width: f.width, height: f.height });
  }
}
