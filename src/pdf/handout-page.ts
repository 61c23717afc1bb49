/**
 * Turn the print view into the handout: put the handout's HTML in place of the deck (each slide an
 * empty frame of the slide's natural size; the whole page prints at a scale), measure, break pages
 * by the pure plan, and print A4 with a header and footer. The slides are drawn into their frames
 * afterwards, from the slides PDF (see frames.ts).
 */
import type { Page } from "puppeteer-core";
import { bounded } from "../browser/page.js";
import { DeckError, ExitCode } from "../errors.js";
import type { Deck } from "../model/deck.js";
import {
  HANDOUT_GAP_MM,
  HANDOUT_PAGE,
  type HandoutLayout,
  handoutMarkup,
  handoutPageStyle,
  handoutStyle,
  MM_TO_PX,
  slideShare,
} from "./handout.js";
import { type HandoutBox, planNotesPages } from "./paginate.js";

/**
 * The print view's page size, in CSS pixels: the handout's frames take the shape of the slides PDF's
 * pages. It is not the Deck's size: Reveal adds its `margin` (which the config's `reveal` options may
 * change) around each slide, so it is read where Reveal computed it.
 */
async function slideSize(page: Page): Promise<{ width: number; height: number }> {
  const size = await page.evaluate(() => {
    const first = document.querySelector<HTMLElement>(".reveal .slides > .pdf-page");
    return { width: first?.offsetWidth ?? 0, height: first?.offsetHeight ?? 0 };
  });
  if (!(size.width > 0 && size.height > 0))
    throw new DeckError("cannot lay out the handout: the print view has no slide page", ExitCode.browser);
  return size;
}

/** Replace the deck by the handout in the page; returns the slide and notes boxes for pagination. */
async function layoutHandout(
  page: Page,
  markup: string,
  style: string,
  share: number,
  size: { width: number; height: number },
): Promise<Layout> {
  const result = await page.evaluate(
    (html: string, css: string, share: number, textWidth: number, width: number, height: number) => {
      const original = document.querySelector<HTMLElement>(".reveal");
      if (!original?.querySelector(".slides")) return { error: "the print view has no .reveal .slides" };
      // Reveal's own @page rule gives the slide size; the handout is A4.
      for (const s of document.querySelectorAll("style")) if (s.textContent?.includes("@page")) s.remove();
      const sheet = document.createElement("style");
      sheet.textContent = `${css}\n.handout-slide { aspect-ratio: ${width} / ${height}; }`;
      document.head.append(sheet);
      document.body.style.width = "";
      document.body.style.height = "";
      // The print scale that makes a slide, at its natural size, as wide as its share of the text width.
      const scale = (textWidth * share) / width;
      document.documentElement.style.setProperty("--s", String(scale));
      // The slides themselves come from the slides PDF: the deck leaves the page.
      original.remove();
      document.body.insertAdjacentHTML("beforeend", html);
      const boxes = [...document.querySelectorAll<HTMLElement>(".handout-item")].map((item) => ({
        slide: item.querySelector<HTMLElement>(".handout-slide")?.getBoundingClientRect().height ?? 0,
        notes: item.querySelector<HTMLElement>(".handout-notes")?.getBoundingClientRect().height ?? 0,
      }));
      return { boxes, scale };
    },
    markup,
    style,
    share,
    (HANDOUT_PAGE.width - HANDOUT_PAGE.left - HANDOUT_PAGE.right) * MM_TO_PX,
    size.width,
    size.height,
  );
  if ("error" in result) throw new DeckError(`cannot lay out the handout: ${result.error}`, ExitCode.browser);
  return result;
}

interface Layout {
  boxes: HandoutBox[];
  /** Print scale: CSS pixels of the handout's layout to pixels on paper. */
  scale: number;
}

export interface HandoutOptions {
  layout: HandoutLayout;
  timeout: number;
  /** Called once Chromium has been asked to print it (the print then runs without this process). */
  printing?: () => void;
}

export interface PrintedHandout {
  bytes: Uint8Array;
  /** Pages the pure plan expected (the notes layout) or the sheets (2up, 3up). */
  plannedPages: number;
  /** The 0-based page each slide was planned on. */
  slidePages: number[];
}

export async function printHandout(page: Page, deck: Deck, options: HandoutOptions): Promise<PrintedHandout> {
  const markup = handoutMarkup(deck, { layout: options.layout });
  const size = await slideSize(page);
  const aspect = size.width / size.height;
  const { boxes, scale } = await layoutHandout(
    page,
    markup,
    handoutStyle(deck, options.layout, aspect) + handoutPageStyle(deck),
    slideShare(options.layout, aspect),
    size,
  );
  const perSheet = options.layout === "2up" ? 2 : 3;
  let plannedPages = Math.ceil(deck.slides.length / perSheet);
  let slidePages = deck.slides.map((_, i) => Math.floor(i / perSheet));
  if (options.layout === "notes") {
    const p = HANDOUT_PAGE;
    const plan = planNotesPages(boxes, ((p.height - p.top - p.bottom) * MM_TO_PX) / scale, (HANDOUT_GAP_MM * MM_TO_PX) / scale);
    plannedPages = plan.pages;
    slidePages = plan.slidePages;
    await page.evaluate((breaks: boolean[]) => {
      document.querySelectorAll(".handout-item").forEach((item, i) => {
        item.classList.toggle("break-before", breaks[i] === true);
      });
    }, plan.breakBefore);
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const p = HANDOUT_PAGE;
  const bytes = await bounded("printing the handout", options.timeout, () => {
    const printed = page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: false,
      scale,
      margin: { top: `${p.top}mm`, bottom: `${p.bottom}mm`, left: `${p.left}mm`, right: `${p.right}mm` },
      timeout: options.timeout,
      // Awaited just above: the print command goes out at once.
      waitForFonts: false,
    });
    options.printing?.();
    return printed;
  });
  return { bytes, plannedPages, slidePages };
}
