/** Deck settings from a config file or front matter: checked purely, with messages naming the key. */
import path from "node:path";
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
}

export interface Validated {
  settings: DeckSettings;
  errors: string[];
  warnings: string[];
}

/** A BCP 47 language tag as decks use them: zh-Hant, zh-Hans, zh-TW, en, en-GB. */
export const isLanguageTag = (value: string): boolean => /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value);

const STRING_KEYS = ["title", "subtitle", "author", "date", "lang", "theme", "css", "templateDir"] as const;
export const TRANSITIONS = ["none", "fade", "slide", "convex", "concave", "zoom"];
export const SCRIPTS: readonly Script[] = ["hans", "hant"];
export const SETTING_KEYS = [...STRING_KEYS, "layout", "size", "slideNumber", "transition", "script", "reveal", "cpm", "wpm"];
/** Reveal options that essay-deck's own keys set: giving them under "reveal" would contradict those. */
const REVEAL_OWN: Record<string, string> = {
  width: '"size"',
  height: '"size"',
  plugins: "nothing (essay-deck loads its plugins)",
};

/** A speaking pace (characters or words per minute), or null when it is not a sensible one. */
export function parseRate(value: unknown): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n >= 20 && n <= 2000 ? n : null;
}

/** `16:9` → 1280×720, `4:3` → 960×720, `WxH` as given. */
export function parseSize(value: string): SlideSize | null {
  if (value === "16:9") return { ...DEFAULT_SLIDE_SIZE };
  if (value === "4:3") return { width: 960, height: 720 };
  const m = /^(\d{3,4})x(\d{3,4})$/i.exec(value);
  if (!m) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  return width >= 320 && height >= 240 && width <= 4096 && height <= 4096 ? { width, height } : null;
}

/** Check raw settings read from `source` (a file name, or "front matter"). */
export function validateSettings(raw: unknown, source: string): Validated {
  const settings: DeckSettings = {};
  const errors: string[] = [];
  const warnings: string[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { settings, errors: [`${source}: expected an object of settings`], warnings };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    const where = `${source}: "${key}"`;
    const fail = (allowed: string) => errors.push(`${where} must be ${allowed} (got ${shown(value)})`);
    if ((STRING_KEYS as readonly string[]).includes(key)) {
      if ((typeof value === "string" && value.trim() !== "") || (key === "date" && typeof value === "number")) {
        settings[key as (typeof STRING_KEYS)[number]] = String(value);
      } else fail(`a non-empty string`);
    } else if (key === "layout") {
      if (value === "flat" || value === "stacked") settings.layout = value;
      else fail(`"flat" or "stacked"`);
    } else if (key === "size") {
      const size = typeof value === "string" ? parseSize(value) : null;
      if (size) settings.size = size;
      else fail(`"16:9", "4:3" or WIDTHxHEIGHT such as "1280x720"`);
    } else if (key === "slideNumber") {
      if (typeof value === "boolean" || (typeof value === "string" && /^(h\.v|h\/v|c|c\/t)$/.test(value))) {
        settings.slideNumber = value;
      } else fail(`true, false, "c/t", "c", "h.v" or "h/v"`);
    } else if (key === "transition") {
      if (typeof value === "string" && TRANSITIONS.includes(value)) settings.transition = value;
      else fail(`one of ${TRANSITIONS.join(", ")}`);
    } else if (key === "script") {
      if (typeof value === "string" && (SCRIPTS as readonly string[]).includes(value)) settings.script = value as Script;
      else fail(`"hans" (Simplified) or "hant" (Traditional)`);
    } else if (key === "cpm" || key === "wpm") {
      const rate = parseRate(value);
      if (rate !== null) settings[key] = rate;
      else fail(`a number of ${key === "cpm" ? "characters" : "words"} per minute between 20 and 2000`);
    } else if (key === "reveal") {
      if (typeof value === "object" && !Array.isArray(value)) {
        const reveal = safeObject(value as Record<string, unknown>);
        for (const own of Object.keys(REVEAL_OWN).filter((k) => k in reveal)) {
          errors.push(`${source}: "reveal.${own}" is set by essay-deck: use ${REVEAL_OWN[own]} instead`);
        }
        settings.reveal = reveal;
      } else fail(`an object of Reveal.js options`);
    } else {
      warnings.push(`${source}: unknown key "${key.slice(0, 40)}" ignored (known: ${SETTING_KEYS.join(", ")})`);
    }
  }
  if (settings.lang !== undefined && !isLanguageTag(settings.lang)) {
    errors.push(`${source}: "lang" must be a language tag such as zh-Hant, zh-Hans or en`);
    delete settings.lang;
  }
  return { settings, errors, warnings };
}

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

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

/** Relative paths in a layer of settings resolved against its folder (cwd for flags, the config's, the essay's). */
export function resolveSettingPaths(settings: DeckSettings, dir: string): DeckSettings {
  const out = { ...settings };
  if (out.theme !== undefined && /\.css$/i.test(out.theme)) out.theme = path.resolve(dir, out.theme);
  if (out.css !== undefined) out.css = path.resolve(dir, out.css);
  if (out.templateDir !== undefined) out.templateDir = path.resolve(dir, out.templateDir);
  return out;
}

/** Flags over config file over front matter over defaults; undefined never overrides. */
export function mergeSettings(...layers: DeckSettings[]): DeckSettings {
  const out: DeckSettings = {};
  for (const layer of [...layers].reverse()) {
    for (const [k, v] of Object.entries(layer)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
