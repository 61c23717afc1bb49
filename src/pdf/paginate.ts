/**
 * Where the handout's pages break. Pure: the browser measures the boxes, this decides.
 * A slide with notes starts a page, its notes below it, running on to the next page when long
 * (the print engine breaks them between lines, never through one); it may only join a page that
 * holds slides without notes (the title, say), and only when it fits there whole. A slide without
 * notes is not given a page of blank space: it goes under what is already on the page when it fits.
 */
export interface HandoutBox {
  /** Height of the slide picture (px). */
  slide: number;
  /** Height of its notes (px); 0 when the slide has none. */
  notes: number;
}

export interface HandoutPlan {
  /** For each box, whether it starts a new page. The first box never needs to. */
  breakBefore: boolean[];
  /** Pages the handout will have (an estimate the print engine confirms). */
  pages: number;
  /** The 0-based page each box's slide is printed on. */
  slidePages: number[];
}

export function planNotesPages(boxes: HandoutBox[], pageHeight: number, gap: number): HandoutPlan {
  const breakBefore: boolean[] = [];
  const slidePages: number[] = [];
  let pages = boxes.length > 0 ? 1 : 0;
  // Height already used on the current page; 0 means the page is empty.
  let used = 0;
  // Whether the page holds notes already: a slide with notes then starts the next page.
  let pageHasNotes = false;
  for (const box of boxes) {
    const hasNotes = box.notes > 0;
    const whole = box.slide + (hasNotes ? gap + box.notes : 0);
    const start = used === 0 ? 0 : used + gap;
    const fits = start + (hasNotes ? whole : box.slide) <= pageHeight;
    const breaks = used > 0 && (!fits || (hasNotes && pageHasNotes));
    breakBefore.push(breaks);
    if (breaks) {
      pages += 1;
      used = 0;
      pageHasNotes = false;
    }
    slidePages.push(pages - 1);
    let bottom = (used === 0 ? 0 : used + gap) + whole;
    while (bottom > pageHeight) {
      pages += 1;
      bottom -= pageHeight;
    }
    used = bottom;
    pageHasNotes ||= hasNotes;
  }
  return { breakBefore, pages, slidePages };
}

/** The 2up and 3up layouts: a fixed number of slides on each page. */
export function planSheets<T>(items: T[], perPage: number): T[][] {
  if (perPage < 1) throw new RangeError("perPage must be at least 1");
  const sheets: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) sheets.push(items.slice(i, i + perPage));
  return sheets;
}
