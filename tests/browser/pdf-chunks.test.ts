/**
 * A deck printed in several chunks (5 slides each here, so the reference's 23 slides make five) and
 * joined: the pages, their text, the bookmarks (which point at the joined document's pages) and the
 * handout, whose frames get the slides PDF's pages. Real Chromium, real PDFs read with poppler.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { deckFromEssay, loadEssay } from "../../src/build.js";
import { main } from "../../src/cli/index.js";
import type { Deck } from "../../src/model/deck.js";
import { exportPdfs } from "../../src/pdf/index.js";
import { tempDir } from "../helpers/browser.js";
import { root } from "../helpers/paths.js";
import { bookmarkPages, flat, poppler } from "../helpers/pdf.js";

/** Every page's text at once: pdftotext separates pages with a form feed. */
const pagesText = (pdf: string): string[] => poppler("pdftotext", pdf, "-").split("\f").map(flat);

/** A point's bookmark is "第一　headline"; the slide shows the label apart from the headline. */
const headlineOf = (title: string): string => flat(title.split("　").at(-1) ?? title);

describe("the slides PDF printed in chunks of 5 slides, and the handout from it", () => {
  const out = tempDir();
  const slidesPdf = path.join(out, "chunked.pdf");
  const handoutPdf = path.join(out, "chunked-handout.pdf");
  let deck: Deck;
  const info: string[] = [];

  beforeAll(async () => {
    deck = deckFromEssay(loadEssay({ cwd: root }));
    const code = await main(["build", "-o", out, "-q"], { stdout: () => {}, stderr: () => {}, cwd: root });
    expect(code).toBe(0);
    const warnings: string[] = [];
    const written = await exportPdfs({
      deck,
      indexHtml: path.join(out, "index.html"),
      slides: slidesPdf,
      handout: handoutPdf,
      timeout: 60_000,
      outDir: out,
      creator: "essay-deck test",
      log: { info: (m) => info.push(m), warn: (m) => warnings.push(m) },
      chunkSize: 5,
    });
    expect(warnings).toEqual([]);
    expect(written.map((w) => w.kind)).toEqual(["slides", "handout"]);
  });

  it("says how far the chunks got", () => {
    expect(deck.slides).toHaveLength(23);
    // The two views finish their chunks in either order: counts of whole chunks (5, and the last 3), rising.
    const counts = info.flatMap((m) => /^printed (\d+) of 23 slides$/.exec(m)?.[1] ?? []).map(Number);
    expect(counts.length).toBeGreaterThanOrEqual(3);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    for (const n of counts) expect([5, 10, 15, 20, 3, 8, 13, 18]).toContain(n);
  });

  it("has one page per slide, each point's headline on its own page, in deck order", () => {
    const pages = pagesText(slidesPdf);
    expect(poppler("pdfinfo", slidesPdf)).toMatch(new RegExp(`Pages:\\s+${deck.slides.length}\\n`));
    deck.slides.forEach((slide, i) => {
      if (slide.kind !== "point") return;
      expect(pages[i]).toContain(flat(slide.headline));
      // Not on its neighbours: a chunk boundary that shifted pages would show here. (A section
      // slide lists its points' headlines: the page before a part's first point is its section.)
      if (deck.slides[i - 1]?.kind !== "section") expect(pages[i - 1]).not.toContain(flat(slide.headline));
      expect(pages[i + 1] ?? "").not.toContain(flat(slide.headline));
    });
  });

  it("has the deck's metadata and bookmarks that open the joined document's right pages", async () => {
    expect(poppler("pdfinfo", slidesPdf)).toMatch(/Title:\s+人工智能的顛覆性創新/);
    const marks = await bookmarkPages(slidesPdf);
    expect(marks).toHaveLength(deck.slides.length);
    const pages = pagesText(slidesPdf);
    for (const mark of marks) expect(pages[mark.page - 1]).toContain(headlineOf(mark.title));
    // The last part's points sit in the last chunks: their bookmarks point past page 15.
    expect(Math.max(...marks.map((m) => m.page))).toBe(deck.slides.length);
  });

  it("draws every slide into its handout frame, once, with the handout's bookmarks on the slide's page", async () => {
    const pages = pagesText(handoutPdf);
    const marks = await bookmarkPages(handoutPdf);
    expect(marks).toHaveLength(deck.slides.length);
    for (const mark of marks) expect(pages[mark.page - 1]).toContain(headlineOf(mark.title));
    // Each slide drawn once: as many slide pictures (form XObjects drawn on the pages) as slides.
    const doc = await PDFDocument.load(readFileSync(handoutPdf), { updateMetadata: false });
    const drawn = doc.getPages().reduce((n, page) => {
      const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
      const names = xobjects?.keys().map(String) ?? [];
      return n + names.filter((name) => /EmbeddedPdfPage/.test(name)).length;
    }, 0);
    expect(drawn).toBe(deck.slides.length);
    // The frames' links are gone: no annotation links to the placeholder address.
    const uris = doc.context
      .enumerateIndirectObjects()
      .flatMap(([, obj]) => (obj instanceof PDFDict && obj.has(PDFName.of("URI")) ? [String(obj.get(PDFName.of("URI")))] : []));
    expect(uris.filter((u) => u.includes("essay-deck.invalid"))).toEqual([]);
  });
});

describe("the slides PDF alone in chunks of 5: each view holds only its share, the first the front, the second the end", () => {
  const out = tempDir();
  const slidesPdf = path.join(out, "half.pdf");
  let deck: Deck;

  beforeAll(async () => {
    deck = deckFromEssay(loadEssay({ cwd: root }));
    expect(await main(["build", "-o", out, "-q"], { stdout: () => {}, stderr: () => {}, cwd: root })).toBe(0);
    const warnings: string[] = [];
    await exportPdfs({
      deck,
      indexHtml: path.join(out, "index.html"),
      slides: slidesPdf,
      timeout: 60_000,
      outDir: out,
      creator: "essay-deck test",
      log: { info: () => {}, warn: (m) => warnings.push(m) },
      chunkSize: 5,
    });
    expect(warnings).toEqual([]);
  });

  it("puts every slide on its page, with reveal's page number counted over the whole deck", async () => {
    const pages = pagesText(slidesPdf);
    expect(poppler("pdfinfo", slidesPdf)).toMatch(new RegExp(`Pages:\\s+${deck.slides.length}\\n`));
    deck.slides.forEach((slide, i) => {
      if (slide.kind === "point") expect(pages[i]).toContain(flat(slide.headline));
    });
    // Raw text order: the slide number is a line of its own on each page.
    const raw = poppler("pdftotext", "-raw", slidesPdf, "-").split("\f");
    deck.slides.forEach((_, i) => {
      expect(
        raw[i]?.split("\n").map((l) => l.trim()),
        `page ${i + 1}`,
      ).toContain(String(i + 1));
    });
    const marks = await bookmarkPages(slidesPdf);
    for (const mark of marks) expect(pages[mark.page - 1]).toContain(headlineOf(mark.title));
  });
});
