/**
 * Handlebars helpers of the presenter's layouts: slide attributes (reveal's `data-timing`, the
 * part's accent), text broken at phrase boundaries, fragments, listings, references and the
 * progress line. Pure: values from the Deck in, escaped HTML out.
 */
import type HandlebarsTypes from "handlebars";
import type { Deck, Slide } from "../model/deck.js";
import { languageOf } from "../text/languages/index.js";
import { escapeHtml, renderInline } from "./inline.js";
import { phraseHtml } from "./linebreak.js";

/** Parts cycle through this many accent colours (themes define --ed-part-1 … --ed-part-6). */
export const ACCENTS = 6;

export const accentOf = (part: number): number => (part > 0 ? ((part - 1) % ACCENTS) + 1 : 0);

/** A reference's own number as the essay wrote it ([1], 1., 1、), split from its text. */
const REFERENCE_NUMBER = /^\s*(?:\[\d{1,4}\]|［\d{1,4}］|\d{1,4}[.、．])\s*/u;

type Hbs = typeof HandlebarsTypes;

export function registerPresenterHelpers(
  hbs: Hbs,
  SafeString: typeof HandlebarsTypes.SafeString,
  deck: Deck,
  inline: { markdown: boolean; allowHtml?: boolean },
): void {
  // Registering calls nothing (the helpers are also listed for a stand-in deck): the index is made on first use.
  let index: Map<string, number> | undefined;
  // Slide text broken only between phrases, as headlines are; Markdown with markup keeps its markup.
  const phrased = (value: unknown): string => {
    const text = String(value ?? "");
    // Plain text has no markup: escaped phrase by phrase, it is the same text.
    if (!inline.markdown) return phraseHtml(text, deck.lang, undefined, true);
    const html = renderInline(text, inline);
    return html === escapeHtml(text) ? phraseHtml(text, deck.lang, undefined, true) : html;
  };
  hbs.registerHelper("phrased", (value: unknown) => new SafeString(phrased(value)));
  hbs.registerHelper("or", (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper("accent", (part: unknown) => accentOf(Number(part) || 0));
  // Numbers from the planner, never user text; reveal reads data-timing in whole seconds.
  hbs.registerHelper("slideAttrs", (slide: Partial<Slide> | undefined) => {
    const timing = Number(slide?.timing);
    const accent = accentOf(Number(slide?.part) || 0);
    return new SafeString(
      `${Number.isFinite(timing) && timing > 0 ? ` data-timing="${Math.round(timing)}"` : ""}${accent ? ` data-accent="${accent}"` : ""}`,
    );
  });
  hbs.registerHelper("fragment", () => new SafeString(deck.fragments ? ' class="fragment"' : ""));
  hbs.registerHelper("listingStyle", (scale: unknown) => {
    const n = Number(scale);
    return new SafeString(Number.isFinite(n) && n !== 1 ? ` style="--ed-listing-scale: ${n}"` : "");
  });
  hbs.registerHelper("moreLine", (n: unknown) => languageOf(deck.lang).deck.more(Number(n) || 0));
  hbs.registerHelper("reference", (value: unknown) => {
    const text = String(value ?? "");
    const m = REFERENCE_NUMBER.exec(text);
    if (!m) return new SafeString(`<span class="reference-text">${phrased(text)}</span>`);
    return new SafeString(
      `<span class="reference-number">${escapeHtml(m[0])}</span><span class="reference-text">${phrased(text.slice(m[0].length))}</span>`,
    );
  });
  hbs.registerHelper("progressStyle", (slide: Partial<Slide> | undefined) => {
    index ??= new Map(deck.slides.map((s, i) => [s.id, i]));
    const total = deck.slides.length;
    const i = index.get(String(slide?.id));
    if (i === undefined || total < 2) return "";
    return new SafeString(` style="width: ${((100 * i) / (total - 1)).toFixed(2)}%"`);
  });
}
