/** The languages essay-deck speaks, and which one a language tag gets. */
import { en } from "./en.js";
import type { Language } from "./language.js";
import { zhHans } from "./zh-Hans.js";
import { zhHant } from "./zh-Hant.js";

export type { DeckWords, HandoutWords, Language, SiteWords, TimingWords } from "./language.js";

/** Tried in order: the first whose `matches` accepts a tag wins (zh-Hans before the zh catch-all). */
const LANGUAGES: readonly Language[] = [zhHans, zhHant, en];

/** The language a tag is written in; English for a tag no language claims. */
export function languageOf(tag: string): Language {
  return LANGUAGES.find((l) => l.matches(tag)) ?? en;
}

/** The script a tag is written in: zh-Hans (also zh-CN, zh-SG, zh-MY), zh-Hant (any other zh), or en. */
export const scriptOf = (tag: string): string => languageOf(tag).script;
