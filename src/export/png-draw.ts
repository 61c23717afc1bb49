/** Chromium draws each slide of the print view into a PNG. Imported only for `--png`. */
import type { Browser } from "puppeteer-core";
import { bounded } from "../browser/page.js";
import type { SlideSize } from "../model/deck.js";
import { openPrintView } from "../pdf/view.js";

export interface DrawRequest {
  browser: Browser;
  indexHtml: string;
  count: number;
  size: SlideSize;
  scale: number;
  timeout: number;
  warn: (message: string) => void;
}

export async function drawSlides(request: DrawRequest): Promise<Uint8Array[]> {
  const { size, scale } = request;
  const context = await request.browser.createBrowserContext();
  try {
    // The viewport is one slide, at the picture's pixel density, before the deck lays itself out.
    const opener = {
      newPage: async () => {
        const page = await context.newPage();
        await page.setViewport({ width: size.width, height: size.height, deviceScaleFactor: scale });
        return page;
      },
    };
    const page = await openPrintView(opener, request.indexHtml, { timeout: request.timeout, warn: request.warn });
    // Each print page is the slide and a margin around it: the picture is the slide's own box.
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll(".reveal .slides > .pdf-page")].map((p) => {
        const page = p.getBoundingClientRect();
        const slide = (p.querySelector(":scope > section") ?? p).getBoundingClientRect();
        return {
          top: page.top + window.scrollY,
          pageWidth: page.width,
          pageHeight: page.height,
          x: slide.left + window.scrollX,
          y: slide.top + window.scrollY,
        };
      }),
    );
    if (boxes.length !== request.count) {
      throw new Error(`the print view has ${boxes.length} pages for ${request.count} slides`);
    }
    const first = boxes[0];
    if (first) {
      await page.setViewport({
        width: Math.ceil(first.pageWidth),
        height: Math.ceil(first.pageHeight),
        deviceScaleFactor: scale,
      });
    }
    const images: Uint8Array[] = [];
    for (const box of boxes) {
      await page.evaluate((y: number) => window.scrollTo(0, y), box.top);
      const bytes = await bounded("drawing a slide", request.timeout, () =>
        page.screenshot({
          type: "png",
          clip: { x: box.x, y: box.y, width: size.width, height: size.height },
          captureBeyondViewport: false,
          optimizeForSpeed: true,
        }),
      );
      images.push(bytes);
    }
    return images;
  } finally {
    await context.close().catch(() => undefined);
  }
}
