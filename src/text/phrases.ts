/**
 * Headlines cut into phrases, the units a line may break between. Chinese has no spaces, so a
 * browser breaks a headline between any two characters: 「重要」 splits into 「重」 / 「要」, a lone
 * 「性」 ends up on the last line. budoux finds the phrases; we glue punctuation to the phrase it
 * belongs to and keep a one-character phrase with its neighbour. Pure: the planner estimates from
 * these phrases how many lines a headline takes and keeps them on the slide, and the renderer
 * allows breaks only between them (render/linebreak.ts).
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { Parser } from "budoux";
import type { Language } from "./languages/index.js";
import { languageOf } from "./languages/index.js";

/** Marks that must not start a line (closing brackets, quotes, commas, stops). */
const CLOSING = new Set([..."，。、；：！？」』）》〉】〕〗”’…‥・·,.;:!?)]}%％"]);
/** Marks that must not end a line (opening brackets and quotes). */
const OPENING = new Set([..."「『（《〈【〔〖“‘([{"]);

const parsers = new Map<PhraseModel, Parser>();

/** The budoux parser for a language, or null when its lines break at spaces (no phrase model). */
function parserFor(lang: string): Parser | null {
  const model = languageOf(lang).phraseModel;
  if (!model) return null;
  let parser = parsers.get(model);
  if (!parser) {
    parser = loadParser(model);
    parsers.set(model, parser);
  }
  return parser;
}

type PhraseModel = NonNullable<Language["phraseModel"]>;

const requireBudoux = createRequire(import.meta.url);

/**
 * budoux's bare Parser with one of its models, required by file. The package's entry point also
 * loads its HTML processor and linkedom (a DOM for Node): more than the whole HTML build of the
 * reference essay takes, for a parse() we never use. budoux is pinned in package.json.
 */
function loadParser(model: PhraseModel): Parser {
  const dist = path.dirname(requireBudoux.resolve("budoux"));
  const budoux = requireBudoux(path.join(dist, "parser.js")) as { Parser: typeof Parser };
  const data = requireBudoux(path.join(dist, "data", "models", `${model}.js`)) as {
    model: ConstructorParameters<typeof Parser>[0];
  };
  return new budoux.Parser(data.model);
}

/** One-character words after which a Chinese line may break. */
const PARTICLES = new Set([..."的之了和與与及或在是而並并也"]);

/**
 * Whether a phrase is a single character (punctuation aside), too short to stand on a line alone.
 * Counted by code point, a surrogate pair as one, without making an array of them: every phrase of
 * every measured sentence is asked.
 */
function isTiny(phrase: string): boolean {
  let count = 0;
  for (let i = 0; i < phrase.length; i++) {
    const unit = phrase.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHighSurrogate(phrase.charCodeAt(i - 1))) continue;
    const ch = phrase[i] as string;
    if (CLOSING.has(ch) || OPENING.has(ch)) continue;
    if (++count > 1) return false;
  }
  return true;
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

/**
 * Phrases of a headline: their concatenation is the text. None starts with closing punctuation or
 * ends with opening punctuation, and the last one is never a single character. Non-Chinese text is
 * one phrase per run up to a space, where browsers break anyway.
 */
export function headlinePhrases(text: string, lang: string): string[] {
  const parser = parserFor(lang);
  const raw = parser ? parser.parse(text) : text.split(/(?<=\s)/);
  const phrases: string[] = [];
  // budoux's Chinese models cut words apart around one-character phrases (潮 / 流方 / 向): such a
  // character is glued to the phrase before it and to the one after it, except a particle (的, 與…),
  // after which a line may break.
  let glueNext = false;
  for (const piece of raw) {
    if (piece === "") continue;
    let p = piece;
    const prev = phrases.length - 1;
    // Closing marks at the start move back to the phrase they close.
    // (The marks are all single UTF-16 units: a text's first or last unit is looked at alone.)
    if (prev >= 0 && CLOSING.has(p[0] as string)) {
      let lead = 1;
      while (lead < p.length && CLOSING.has(p[lead] as string)) lead++;
      phrases[prev] += p.slice(0, lead);
      p = p.slice(lead);
      if (p === "") continue;
    }
    // A phrase that ends with an opening mark, or a one-character phrase, joins what follows.
    const last = phrases.at(-1);
    const tiny = parser !== null && isTiny(p) && !PARTICLES.has(p);
    if (
      last !== undefined &&
      (glueNext || tiny || OPENING.has(last[last.length - 1] as string) || (parser && isTiny(last) && !/\s$/.test(last)))
    ) {
      phrases[phrases.length - 1] = last + p;
    } else phrases.push(p);
    glueNext = tiny;
  }
  // A one-character last phrase would sit alone on the last line: keep it with the one before.
  if (phrases.length > 1 && parser && isTiny(phrases.at(-1) as string)) {
    const tail = phrases.pop() as string;
    phrases[phrases.length - 1] += tail;
  }
  return phrases;
}

/** Whether headlines in `lang` are broken by phrase (Chinese); elsewhere browsers break at spaces anyway. */
export const breaksByPhrase = (lang: string): boolean => parserFor(lang) !== null;

/**
 * headlinePhrases, remembered: fitting a point measures each candidate sentence at every scale
 * and slide share it tries. Bounded, so a huge essay does not keep every sentence twice.
 */
const CACHE_LIMIT = 20_000;
/** By language, then by text: a key made of both would be a new string, hashed anew, at every lookup. */
const cache = new Map<string, Map<string, string[]>>();

export function cachedPhrases(text: string, lang: string): string[] {
  let byText = cache.get(lang);
  if (!byText) {
    byText = new Map();
    cache.set(lang, byText);
  }
  let phrases = byText.get(text);
  if (!phrases) {
    if (byText.size >= CACHE_LIMIT) byText.clear();
    phrases = headlinePhrases(text, lang);
    byText.set(text, phrases);
  }
  return phrases;
}
