/**
 * Headlines broken at phrase boundaries: breaks allowed only between the phrases of
 * text/phrases.ts (`<wbr>` inside a `word-break: keep-all` span; `overflow-wrap: anywhere` is the
 * fallback for a phrase wider than the line). Pure.
 */
import { breaksByPhrase, cachedPhrases } from "../text/phrases.js";
import { escapeHtml } from "./inline.js";

/**
 * Escaped HTML of a headline with break opportunities only between phrases. Each phrase is
 * escaped on its own, so no user text is ever injected as markup, and the textContent of the
 * result is the headline itself (`<wbr>` has none). `planned` are the phrases the planner already
 * cut the headline into; they are used only when they spell the text exactly. Other text is cut
 * through the planner's cache: a bullet was cut when the planner measured it.
 */
export function phraseHtml(text: string, lang: string, planned?: readonly string[], marksTogether = false): string {
  if (!breaksByPhrase(lang)) return escapeHtml(text);
  const phrases = planned && planned.join("") === text ? planned : cachedPhrases(text, lang);
  if (phrases.length <= 1) return escapeHtml(text);
  return `<span class="phrased">${phrases.map(marksTogether ? phraseSpan : escapeHtml).join("<wbr>")}</span>`;
}

/**
 * `keep-all` keeps Chinese characters together, but a browser still breaks a phrase beside its
 * punctuation (與日本車|（省油車）, 不分享）,|導致). With `marksTogether` (key sentences, whose
 * phrases run long) each run of marks inside a phrase is set `nowrap` with the characters on either
 * side of it: three or four characters, which any line holds.
 */
function phraseSpan(phrase: string): string {
  if (allHan(phrase)) return phrase;
  let out = "";
  let at = 0;
  // One regex for every phrase of the deck (matchAll would clone it each time), reset before use.
  MARK_RUN.lastIndex = 0;
  for (let m = MARK_RUN.exec(phrase); m !== null; m = MARK_RUN.exec(phrase)) {
    out += `${escapeHtml(phrase.slice(at, m.index))}<span class="ph">${escapeHtml(m[0])}</span>`;
    at = m.index + m[0].length;
  }
  return out + escapeHtml(phrase.slice(at));
}

/** Whether every character is a Han one (most phrases): no marks to keep together, nothing to escape. */
function allHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x3400 || unit > 0x9fff) return false;
  }
  return true;
}

/** A run of punctuation or symbols with the character on either side of it. */
const MARK_RUN = /.?[\p{P}\p{S}]+.?/gu;
