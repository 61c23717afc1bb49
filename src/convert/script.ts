/**
 * Simplified ↔ Traditional Chinese for a whole essay. The Outline is converted before planning, so
 * slides and speaker notes come from the same converted text and stay consistent.
 */
import type { DeckSettings, Script } from "../config/settings.js";
import type { Outline } from "../model/outline.js";
import { scriptOf } from "../text/languages/index.js";

export type TextConverter = (text: string) => string;

/**
 * Fields that are not the essay's text: codes, settings, and the parser's own messages. `meta` is
 * left too: its text (title, subtitle, author, date) reaches the deck only through the settings,
 * which convertSettings converts.
 */
const NOT_TEXT = new Set(["lang", "format", "warnings", "theme", "extra", "meta", "src", "kind", "align", "name", "structure"]);

/** Every string of the essay's text converted to `script`, its lang set to match; the shape untouched (pure). */
export function convertOutline(outline: Outline, convert: TextConverter, script: Script): Outline {
  // Every paragraph is held twice (in `paragraphs` and in its part): each distinct string is converted once.
  const seen = new Map<string, string>();
  const once: TextConverter = (text) => {
    let out = seen.get(text);
    if (out === undefined) {
      out = convert(text);
      seen.set(text, out);
    }
    return out;
  };
  return { ...(convertValue(outline, once) as Outline), lang: scriptLang(outline.lang, script) };
}

function convertValue(value: unknown, convert: TextConverter): unknown {
  if (typeof value === "string") return convert(value);
  if (Array.isArray(value)) return value.map((v) => convertValue(v, convert));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = NOT_TEXT.has(k) ? v : convertValue(v, convert);
  return out;
}

/** The settings that are deck text (title slide), converted; the rest as they were. */
export function convertSettings(settings: DeckSettings, convert: TextConverter): DeckSettings {
  const out = { ...settings };
  for (const key of ["title", "subtitle", "author", "date", "event"] as const) {
    const value = out[key];
    if (value !== undefined) out[key] = convert(value);
  }
  return out;
}

/** The language tag for a deck in `script`: `lang` itself when it already says that script, else zh-Hans / zh-Hant. */
export function scriptLang(lang: string | undefined, script?: Script): string {
  if (!script) return lang ?? "";
  if (lang && scriptOf(lang) === (script === "hans" ? "zh-Hans" : "zh-Hant")) return lang;
  return script === "hans" ? "zh-Hans" : "zh-Hant";
}
