/**
 * Headlines broken at phrase boundaries: breaks allowed only between the phrases of
 * text/phrases.ts (`<wbr>` inside a `word-break: keep-all` span; `overflow-wrap: anywhere` is the
 * fallback for a phrase wider than the line). Pure.
 */
import { breaksByPhrase, headlinePhrases } from "../text/phrases.js";
import { escapeHtml } from "./inline.js";

/**
 * Escaped HTML of a headline with break opportunities only between phrases. Each phrase is
 * escaped on its own, so no user text is ever injected as markup, and the textContent of the
 * result is the headline itself (`<wbr>` has none). `planned` are the phrases the planner already
 * cut the headline into; they are used only when they spell the text exactly.
 */
export function phraseHtml(text: string, lang: string, planned?: readonly string[]): string {
  if (!breaksByPhrase(lang)) return escapeHtml(text);
  const phrases = planned && planned.join("") === text ? planned : headlinePhrases(text, lang);
  if (phrases.length <= 1) return escapeHtml(text);
  return `<span class="phrased">${phrases.map(escapeHtml).join("<wbr>")}</span>`;
}
