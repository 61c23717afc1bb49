/**
 * The print view without reveal.js's start-up. Reveal's print view costs more than the print
 * itself on a large deck (1,959 slides: 11 s to lay out, 2.7 s for the same page without it): it
 * first sets the deck up for the screen (backgrounds, a contrast class per slide read from a
 * computed style, navigation state), and moves each slide into its page one DOM change at a time.
 * For the decks essay-deck writes, the page it ends with is known beforehand: the same elements,
 * classes and inline styles are made here in one pass, before any layout. Reveal's initialize()
 * is caught as its script defines it (the page's own scripts run unchanged); a deck set up in any
 * other way (a Reveal option or plugin of the config or a template of its own, slide backgrounds,
 * vertical stacks, stretched or fitted text, lazy media) is left to reveal.js, as before.
 */

/** Where the page records which layout ran: "essay-deck" or "reveal". */
export const LAYOUT_FLAG = "__essayDeckPrintLayout";

/**
 * Runs in the page before its scripts (pass it to evaluateOnNewDocument): self-contained. Only the
 * slides from `first` to `end` (0-based, end excluded; -1: to the last) stay, whichever layout runs:
 * a view that prints a share of a large deck lays out only that share.
 */
export function printLayoutInPage(first: number, end: number, flag: string): void {
  type Config = Record<string, unknown>;
  type Api = { initialize?: (options?: Config) => unknown };
  // The Reveal options essay-deck writes, with the values this layout reproduces.
  const handled: Record<string, (value: unknown) => boolean> = {
    hash: () => true,
    slideNumber: () => true,
    defaultTiming: () => true,
    progress: () => true,
    width: (v) => typeof v === "number" && v > 0,
    height: (v) => typeof v === "number" && v > 0,
    margin: (v) => typeof v === "number" && v >= 0,
    center: (v) => v === false,
    transition: (v) => typeof v === "string" && /^[a-z-]+$/.test(v),
    pdfMaxPagesPerSlide: (v) => v === 1,
    pdfSeparateFragments: (v) => v === false,
    plugins: (v) => {
      const notes = (window as unknown as { RevealNotes?: unknown }).RevealNotes;
      return Array.isArray(v) && v.every((p) => p === notes);
    },
  };
  // Markup whose print reveal.js changes in ways not reproduced here.
  const revealOnly = [
    ".reveal .slides section section",
    ".reveal .slides section[data-visibility]",
    ".reveal .slides section[data-state]",
    ".reveal .slides section.center",
    ".reveal .r-stretch, .reveal .r-fit-text, .reveal [data-src], .reveal [data-background-iframe]",
  ].join(", ");

  // A computed style read restyles the whole document: with the slides out of it, a large deck's
  // thousands of slides are not styled for nothing.
  const withSlidesHidden = <T>(read: () => T): T => {
    const container = document.querySelector<HTMLElement>(".reveal .slides");
    const before = container?.getAttribute("style") ?? null;
    // Through the attribute, not the CSSOM: a CSSOM change would leave an empty style="" behind.
    container?.setAttribute("style", `${before ?? ""}; display: none`);
    try {
      return read();
    } finally {
      if (before === null) container?.removeAttribute("style");
      else container?.setAttribute("style", before);
    }
  };

  const canLayOut = (options: Config | undefined): options is Config => {
    if (!options || !Object.entries(options).every(([key, value]) => handled[key]?.(value) === true)) return false;
    if (document.querySelector(revealOnly)) return false;
    const sections = document.querySelectorAll<HTMLElement>(".reveal .slides > section");
    if (sections.length === 0) return false;
    for (const s of sections) if (s.getAttributeNames().some((n) => n.startsWith("data-background"))) return false;
    // A theme that gives slide backgrounds a colour makes reveal add a contrast class to the slide.
    const probe = document.createElement("div");
    probe.className = "backgrounds";
    const kinds = new Set([...sections].map((s) => s.className));
    for (const kind of kinds) {
      const bg = document.createElement("div");
      bg.className = `slide-background ${kind}`;
      probe.append(bg);
    }
    const coloured = withSlidesHidden(() => {
      document.querySelector(".reveal")?.append(probe);
      const found = [...probe.children].some(
        (bg) => !/^(transparent|rgba\(0, 0, 0, 0\))$/.test(getComputedStyle(bg).backgroundColor),
      );
      probe.remove();
      return found;
    });
    return !coloured;
  };

  /** A print page for each slide: its background, the slide placed in it, its number. */
  const makePage = (
    slide: HTMLElement,
    i: number,
    page: { width: number; height: number; background: string },
    options: Config,
  ) => {
    const width = options.width as number;
    const height = options.height as number;
    const pdfPage = document.createElement("div");
    pdfPage.className = "pdf-page";
    pdfPage.style.height = `${page.height - 1}px`;
    if (page.background) pdfPage.style.background = page.background;
    const bg = document.createElement("div");
    bg.className = `slide-background ${slide.className.replace(/present|past|future/, "")}`;
    bg.classList.add(i === 0 ? "present" : "future");
    bg.setAttribute("data-loaded", "true");
    bg.style.display = "block";
    const content = document.createElement("div");
    content.className = "slide-background-content";
    bg.append(content);
    slide.classList.add("present");
    if (i > 0) {
      slide.setAttribute("hidden", "");
      slide.setAttribute("aria-hidden", "true");
    }
    slide.style.display = "block";
    slide.style.left = `${(page.width - width) / 2}px`;
    slide.style.top = `${(page.height - height) / 2}px`;
    slide.style.width = `${width}px`;
    // Reveal gives a slide the page's height, a half margin down: it gets its own, so what is
    // centred on screen is centred in print.
    slide.style.height = `${height}px`;
    pdfPage.append(bg, slide);
    if (options.slideNumber) {
      const number = document.createElement("div");
      number.className = "slide-number slide-number-pdf";
      number.textContent = String(first + i + 1);
      pdfPage.append(number);
    }
    for (const f of pdfPage.querySelectorAll(".fragment:not(.fade-out)")) f.classList.add("visible");
    return pdfPage;
  };

  const layOut = (options: Config): void => {
    const width = options.width as number;
    const height = options.height as number;
    const margin = options.margin as number;
    const pageWidth = Math.floor(width * (1 + margin));
    const pageHeight = Math.floor(height * (1 + margin));
    const html = document.documentElement;
    const body = document.body;
    const reveal = document.querySelector<HTMLElement>(".reveal") as HTMLElement;
    const container = reveal.querySelector<HTMLElement>(".slides") as HTMLElement;
    // What reveal's start-up leaves that the print shows, then what its print view adds.
    html.classList.add("reveal-full-page");
    body.classList.add("reveal-viewport");
    reveal.classList.add(options.transition as string, "focused", "has-horizontal-slides", "ready");
    reveal.setAttribute("role", "application");
    reveal.setAttribute("data-transition-speed", "default");
    reveal.setAttribute("data-background-transition", "fade");
    body.style.setProperty("--slide-width", `${width}px`);
    body.style.setProperty("--slide-height", `${height}px`);
    const style = (css: string) => {
      const s = document.createElement("style");
      s.textContent = css;
      document.head.append(s);
    };
    style(`@page{size:${pageWidth}px ${pageHeight}px; margin: 0px;}`);
    style(`.reveal section>img, .reveal section>video, .reveal section>iframe{max-width: ${width}px; max-height:${height}px}`);
    html.classList.add("reveal-print", "print-pdf");
    body.style.width = `${pageWidth}px`;
    body.style.height = `${pageHeight}px`;
    // The slides move into their pages while out of the layout: one restyle at the end, not one a slide.
    withSlidesHidden(() => {
      const page = { width: pageWidth, height: pageHeight, background: getComputedStyle(body).background };
      const slides = [...container.querySelectorAll<HTMLElement>(":scope > section")];
      // From the last: Chromium takes a child out of a long list of children far faster at its end
      // (1,959 slides: 0.15 s, against 1 s from the front).
      const pages: HTMLElement[] = [];
      for (let i = slides.length - 1; i >= 0; i--) pages.push(makePage(slides[i] as HTMLElement, i, page, options));
      container.append(...pages.reverse());
    });
    const ready = document.createEvent("HTMLEvents");
    ready.initEvent("pdf-ready", true, true);
    reveal.dispatchEvent(ready);
  };

  let api: Api | undefined;
  Object.defineProperty(window, "Reveal", {
    configurable: true,
    get: () => api,
    set: (value: Api) => {
      api = value;
      const initialize = value?.initialize;
      if (typeof initialize !== "function") return;
      value.initialize = (options?: Config) => {
        const sections = [...document.querySelectorAll(".reveal .slides > section")];
        // From the end, where Chromium takes children out fastest.
        if (end >= 0) for (const section of sections.slice(end).reverse()) section.remove();
        for (const section of sections.slice(0, first).reverse()) section.remove();
        const ours = canLayOut(options);
        Object.assign(window, { [flag]: ours ? "essay-deck" : "reveal" });
        if (!ours) return initialize.call(value, options);
        if (document.readyState === "complete") layOut(options);
        else window.addEventListener("load", () => layOut(options), { once: true });
        return Promise.resolve(value);
      };
    },
  });
}
