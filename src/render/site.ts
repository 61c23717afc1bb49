/** The index page of a folder build: a card per deck. Pure: the caller reads the template and writes the page. */
import { createRequire } from "node:module";
import type HandlebarsTypes from "handlebars";
import type { DeckSummary } from "../model/deck.js";
import { languageOf } from "../text/languages/index.js";

export interface SiteEntry extends Omit<DeckSummary, "seconds" | "size"> {
  /** Link to the deck's folder, relative to the index page. */
  href: string;
  /** The whole talk's estimated speaking time, already worded in the deck's language. */
  timeLabel?: string;
  pdfs: Array<{ kind: "slides" | "handout"; href: string }>;
  /** A picture of the title slide, relative to the index page. */
  thumbnail?: string;
  /** Why the essay did not build this time (the deck shown is the last one that did, if any). */
  failed?: string;
}

export interface SitePage {
  template: string;
  entries: SiteEntry[];
  stylesheets: string[];
  theme: string;
  generator: string;
  /** Thumbnails' height at 320 px wide (the decks' aspect). */
  thumbHeight?: number;
}

const require = createRequire(import.meta.url);

/** The page's language: the one most of its decks are in (the first of a tie); each card keeps its own. */
export function siteLang(entries: readonly SiteEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.lang, (counts.get(e.lang) ?? 0) + 1);
  let best = entries[0]?.lang ?? "en";
  for (const [lang, n] of counts) if (n > (counts.get(best) ?? 0)) best = lang;
  return best;
}

export function renderSiteIndex(page: SitePage): string {
  const hbs = (require("handlebars") as typeof HandlebarsTypes).create();
  const lang = siteLang(page.entries);
  const words = languageOf(lang).site;
  const total = page.entries.reduce((sum, e) => sum + e.slides, 0);
  const render = hbs.compile(page.template, { strict: false });
  return render({
    lang,
    heading: words.heading,
    summary: words.summary(page.entries.length, total),
    stylesheets: page.stylesheets,
    theme: page.theme,
    generator: page.generator,
    decks: page.entries.map((e) => {
      const own = languageOf(e.lang).site;
      return {
        ...e,
        initial: Array.from(e.title.trim())[0] ?? "",
        thumbHeight: page.thumbHeight ?? 180,
        slidesLabel: own.slides(e.slides),
        pdfs: e.pdfs.map((p) => ({ href: p.href, label: p.kind === "slides" ? own.slidesPdf : own.handoutPdf })),
        failed: e.failed ? `${own.failed}: ${e.failed}` : undefined,
      };
    }),
  });
}
