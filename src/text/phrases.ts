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

/** Whether a phrase is a single character (punctuation aside), too short to stand on a line alone. */
const isTiny = (phrase: string): boolean => [...phrase].filter((c) => !CLOSING.has(c) && !OPENING.has(c)).length <= 1;

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
    let lead = 0;
    const chars = [...p];
    while (lead < chars.length && CLOSING.has(chars[lead] as string)) lead++;
    if (lead > 0 && prev >= 0) {
      phrases[prev] += chars.slice(0, lead).join("");
      p = chars.slice(lead).join("");
      if (p === "") continue;
    }
    // A phrase that ends with an opening mark, or a one-character phrase, joins what follows.
    const last = phrases.at(-1);
    const tiny = parser !== null && isTiny(p) && !PARTICLES.has(p);
    if (
      last !== undefined &&
      (glueNext || tiny || OPENING.has([...last].at(-1) as string) || (parser && isTiny(last) && !/\s$/.test(last)))
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
const cache = new Map<string, string[]>();

export function cachedPhrases(text: string, lang: string): string[] {
  const key = `${lang}\u0000${text}`;
  let phrases = cache.get(key);
  if (!phrases) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    phrases = headlinePhrases(text, lang);
    cache.set(key, phrases);
  }
  return phrases;
}
