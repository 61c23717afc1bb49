/**
 * Every deck setting, once: what it means, its type in a config file (the JSON Schema of
 * essay-deck.config.json is made from this table), the flag that sets it, and the one rule a
 * value must follow, whether it comes from a flag, the config file or front matter. Pure.
 */
import { DEFAULT_SLIDE_SIZE, type DeckLayout, type SlideSize } from "../model/deck.js";
import type { DeckIdentity } from "../model/outline.js";

/** The script `--script` converts the deck's text to. */
export type Script = "hans" | "hant";

export interface DeckSettings extends DeckIdentity {
  css?: string;
  templateDir?: string;
  layout?: DeckLayout;
  size?: SlideSize;
  slideNumber?: boolean | string;
  transition?: string;
  script?: Script;
  reveal?: Record<string, unknown>;
  /** Speaking pace for the time estimate in the notes: CJK characters / English words per minute. */
  cpm?: number;
  wpm?: number;
  /** An agenda slide after the title (default true). */
  agenda?: boolean;
  /** The talk's planned length, in minutes. */
  duration?: number;
  /** Show a point's sentences one at a time. */
  fragments?: boolean;
  /** Keep ASCII punctuation between Chinese characters on the slides as typed. */
  keepPunctuation?: boolean;
}

/** A JSON Schema type name. */
export type JsonType = "string" | "number" | "boolean" | "object";

export interface SettingRule {
  /** The JSON types a config file may give (the rule below may narrow them further). */
  type: JsonType | readonly JsonType[];
  /** The values allowed, when they are a fixed few. */
  enum?: readonly (string | boolean)[];
  /** A regular expression a string value matches (JSON Schema `pattern`). */
  pattern?: string;
  /** Keys an object value may not hold, because essay-deck sets them itself (JSON Schema `propertyNames`). */
  reservedKeys?: readonly string[];
  minimum?: number;
  maximum?: number;
  /** What the setting does, for people: the schema's description. */
  description: string;
  /** What a value must be, as an error message says it: `"flat" or "stacked"`. */
  allowed: string;
  /** The command-line option that sets it (commander's syntax, the help line); none for file-only settings. */
  flag?: { syntax: string; help: string; choices?: readonly string[]; negate?: string };
  /**
   * The value checked and made ready for use, or undefined when it breaks the rule. `problem`
   * reports what is wrong beyond that (a Reveal option essay-deck sets itself).
   */
  read: (value: unknown, problem: (message: string) => void) => unknown;
}

export const TRANSITIONS = ["none", "fade", "slide", "convex", "concave", "zoom"] as const;
export const SCRIPTS: readonly Script[] = ["hans", "hant"];
export const LAYOUTS: readonly DeckLayout[] = ["flat", "stacked"];
export const SLIDE_NUMBER_FORMATS = ["c/t", "c", "h.v", "h/v"] as const;

/** A BCP 47 language tag as decks use them: zh-Hant, zh-Hans, zh-TW, en, en-GB. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
export const isLanguageTag = (value: string): boolean => LANGUAGE_TAG.test(value);

/** Text that is not blank: what `nonEmpty` below accepts (JavaScript's \s is what trim() removes). */
const NON_BLANK = "\\S";

/** A speaking pace (characters or words per minute), or null when it is not a sensible one. */
export function parseRate(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n >= 20 && n <= 2000 ? n : null;
}

/** A talk's planned length in minutes (1 to 600, fractions allowed), or null. */
export function parseDuration(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n >= 1 && n <= 600 ? n : null;
}

/** A true/false setting; a flag without a value gives true. */
const onOff = (description: string, allowed: string, flag: SettingRule["flag"]): SettingRule => ({
  type: "boolean",
  description,
  allowed,
  flag,
  read: (value) => (typeof value === "boolean" ? value : undefined),
});

/** 320 to 4096 (a width) and 240 to 4096 (a height), in three or four digits (a leading zero allowed). */
const WIDTH = "0?(?:3[2-9]\\d|[4-9]\\d\\d)|[1-3]\\d{3}|40[0-8]\\d|409[0-6]";
const HEIGHT = "0?(?:2[4-9]\\d|[3-9]\\d\\d)|[1-3]\\d{3}|40[0-8]\\d|409[0-6]";
/** A slide size, range included, as one pattern: parseSize reads it, and the JSON Schema says the same. */
const SLIDE_SIZE = new RegExp(`^(?:16:9|4:3|(${WIDTH})[xX](${HEIGHT}))$`);

/** `16:9` → 1280×720, `4:3` → 960×720, `WxH` as given (320–4096 × 240–4096). */
export function parseSize(value: string): SlideSize | null {
  const m = SLIDE_SIZE.exec(value);
  if (!m) return null;
  if (value === "16:9") return { ...DEFAULT_SLIDE_SIZE };
  if (value === "4:3") return { width: 960, height: 720 };
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Reveal options that essay-deck's own keys set: giving them under "reveal" would contradict those. */
const REVEAL_OWN: Record<string, string> = {
  width: '"size"',
  height: '"size"',
  plugins: "nothing (essay-deck loads its plugins)",
};

const nonEmpty = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value : undefined);

const oneOf =
  <T>(values: readonly T[]) =>
  (value: unknown): T | undefined =>
    values.includes(value as T) ? (value as T) : undefined;

const text = (description: string, flag?: SettingRule["flag"]): SettingRule => ({
  type: "string",
  pattern: NON_BLANK,
  description,
  allowed: "a non-empty string",
  flag,
  read: nonEmpty,
});

const rate = (unit: string, flag: SettingRule["flag"], what: string): SettingRule => ({
  type: "number",
  minimum: 20,
  maximum: 2000,
  description: `Speaking pace for the speaking-time estimate in the notes, ${what}.`,
  allowed: `a number of ${unit} per minute between 20 and 2000`,
  flag,
  read: (value) => parseRate(value) ?? undefined,
});

/** The settings, in the order `--help` and the config's documentation list them. */
export const SETTINGS = {
  title: text("The deck's title, on the title slide and in the PDF's metadata.", {
    syntax: "--title <text>",
    help: "deck title (the essay has none of its own)",
  }),
  subtitle: text("The subtitle on the title slide.", { syntax: "--subtitle <text>", help: "subtitle on the title slide" }),
  author: text("The author, on the title slide and in the PDF's metadata.", {
    syntax: "--author <name>",
    help: "author on the title slide and in PDF metadata",
  }),
  event: text("Where the talk is given (a conference, a class), on the title slide.", {
    syntax: "--event <text>",
    help: "where the talk is given, on the title slide",
  }),
  date: {
    type: ["string", "number"],
    pattern: NON_BLANK,
    description: "The date on the title slide, as it should read.",
    allowed: "a non-empty string",
    flag: { syntax: "--date <text>", help: "date on the title slide" },
    read: (value) => (typeof value === "number" ? String(value) : nonEmpty(value)),
  },
  lang: {
    type: "string",
    pattern: LANGUAGE_TAG.source,
    description: "The deck's language tag (zh-Hant, zh-Hans, en…); detected from the essay when not set.",
    allowed: "a language tag such as zh-Hant, zh-Hans or en",
    flag: { syntax: "--lang <tag>", help: "language of the deck: zh-Hant, zh-Hans, en… (default: detected)" },
    read: (value) => (typeof value === "string" && isLanguageTag(value) ? value : undefined),
  },
  theme: text("A built-in theme's name (essay-deck themes) or a CSS file.", {
    syntax: "--theme <name|file.css>",
    help: "built-in theme (see essay-deck themes) or a CSS file",
  }),
  css: text("A CSS file layered on top of the theme.", { syntax: "--css <file>", help: "extra CSS layered on top of the theme" }),
  templateDir: text("A folder whose templates override the built-in ones, file by file.", {
    syntax: "--template-dir <dir>",
    help: "folder whose templates override the built-in ones",
  }),
  layout: {
    type: "string",
    enum: LAYOUTS,
    description: "flat: one row of slides; stacked: a vertical stack of slides per part.",
    allowed: `"flat" or "stacked"`,
    flag: {
      syntax: "--layout <layout>",
      help: "flat: one row of slides; stacked: a vertical stack per part",
      choices: LAYOUTS,
    },
    read: oneOf(LAYOUTS),
  },
  size: {
    type: "string",
    pattern: SLIDE_SIZE.source,
    description: "The slide size: 16:9 (1280×720, the default), 4:3 (960×720) or WIDTHxHEIGHT in pixels.",
    allowed: `"16:9", "4:3" or WIDTHxHEIGHT such as "1280x720"`,
    flag: { syntax: "--size <size>", help: "slide size: 16:9 (1280x720, default), 4:3 or WIDTHxHEIGHT" },
    read: (value) => (typeof value === "string" ? (parseSize(value) ?? undefined) : undefined),
  },
  slideNumber: {
    type: ["boolean", "string"],
    enum: [true, false, ...SLIDE_NUMBER_FORMATS],
    description: "Slide numbers: true (c/t), false (none), or a format: c/t, c, h.v, h/v.",
    allowed: `true, false, "c/t", "c", "h.v" or "h/v"`,
    flag: {
      syntax: "--slide-number [format]",
      help: "show slide numbers: c/t (default), c, h.v or h/v",
      negate: "hide slide numbers",
    },
    read: (value) => (typeof value === "boolean" ? value : oneOf<string>(SLIDE_NUMBER_FORMATS)(value)),
  },
  transition: {
    type: "string",
    enum: TRANSITIONS,
    description: "The transition between slides.",
    allowed: `one of ${TRANSITIONS.join(", ")}`,
    flag: { syntax: "--transition <name>", help: "slide transition", choices: TRANSITIONS },
    read: oneOf<string>(TRANSITIONS),
  },
  script: {
    type: "string",
    enum: SCRIPTS,
    description: "Convert the slides and notes to Simplified (hans) or Traditional (hant) Chinese.",
    allowed: `"hans" (Simplified) or "hant" (Traditional)`,
    flag: {
      syntax: "--script <script>",
      help: "convert the text to Simplified (hans) or Traditional (hant) Chinese",
      choices: SCRIPTS,
    },
    read: oneOf(SCRIPTS),
  },
  reveal: {
    type: "object",
    description: "Options for Reveal.initialize (controls, progress, hash…), except width, height and plugins.",
    allowed: "an object of Reveal.js options",
    reservedKeys: Object.keys(REVEAL_OWN),
    read: (value, problem) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
      const reveal = safeObject(value as Record<string, unknown>);
      for (const own of Object.keys(REVEAL_OWN).filter((k) => k in reveal)) {
        problem(`"reveal.${own}" is set by essay-deck: use ${REVEAL_OWN[own]} instead`);
      }
      return reveal;
    },
  },
  cpm: rate(
    "characters",
    {
      syntax: "--cpm <n>",
      help: "speaking pace for the notes' time estimate, CJK characters a minute (default 240)",
    },
    "in Chinese (and other CJK) characters a minute (default 240)",
  ),
  wpm: rate(
    "words",
    { syntax: "--wpm <n>", help: "speaking pace for English, words a minute (default 140)" },
    "in English (and other spaced) words a minute (default 140)",
  ),
  duration: {
    type: "number",
    minimum: 1,
    maximum: 600,
    description:
      "The talk's planned length in minutes: the title slide's notes split it over the parts, and a build warns when the essay's estimate runs longer.",
    allowed: "the talk's length in minutes, between 1 and 600",
    flag: {
      syntax: "--duration <minutes>",
      help: "the talk's planned length: a time budget per part in the title notes, a warning when the essay runs longer",
    },
    read: (value) => parseDuration(value) ?? undefined,
  },
  agenda: onOff("An agenda slide (目錄/Contents) after the title, listing the parts (default true).", "true or false", {
    syntax: "--agenda",
    help: "an agenda slide after the title, listing the parts (default)",
    negate: "no agenda slide after the title",
  }),
  fragments: onOff("Show a point's sentences one at a time; the PDF still prints each slide complete.", "true or false", {
    syntax: "--fragments",
    help: "show a point's sentences one at a time (the PDF prints each slide complete)",
  }),
  keepPunctuation: onOff(
    "Keep ASCII , : ; ? ! ( ) between Chinese characters as typed on the slides (default: full width on slides; notes are always verbatim).",
    "true or false",
    {
      syntax: "--keep-punctuation",
      help: "keep ASCII , : ; ? ! ( ) between Chinese characters as typed on the slides",
    },
  ),
} as const satisfies Record<keyof DeckSettings, SettingRule>;

export type SettingKey = keyof typeof SETTINGS;

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** The rule for `key`, if it is a setting (own keys only: "constructor" is not one). */
export const ruleFor = (key: string): SettingRule | undefined =>
  Object.hasOwn(SETTINGS, key) ? (SETTINGS as Record<string, SettingRule>)[key] : undefined;

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A copy without keys that could reach an object's prototype, at any depth: the options end up in an
 * object literal in the page, where `"__proto__": {…}` would set the prototype.
 */
function safeObject(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(k)) continue;
    out[k] = safeValue(v);
  }
  return out;
}

const safeValue = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(safeValue) : v !== null && typeof v === "object" ? safeObject(v as Record<string, unknown>) : v;
