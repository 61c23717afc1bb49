/** Deck settings from a config file or front matter: checked purely, with messages naming the key. */
import type { DeckLayout } from "../model/deck.js";

export interface DeckSettings {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang?: string;
  theme?: string;
  css?: string;
  templateDir?: string;
  layout?: DeckLayout;
  size?: { width: number; height: number };
  slideNumber?: boolean | string;
  transition?: string;
  reveal?: Record<string, unknown>;
}

export interface Validated {
  settings: DeckSettings;
  errors: string[];
  warnings: string[];
}

const STRING_KEYS = ["title", "subtitle", "author", "date", "lang", "theme", "css", "templateDir"] as const;
const TRANSITIONS = ["none", "fade", "slide", "convex", "concave", "zoom"];
export const SETTING_KEYS = [...STRING_KEYS, "layout", "size", "slideNumber", "transition", "reveal"];

/** `16:9` → 1280×720, `4:3` → 960×720, `WxH` as given. */
export function parseSize(value: string): { width: number; height: number } | null {
  if (value === "16:9") return { width: 1280, height: 720 };
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
    if ((STRING_KEYS as readonly string[]).includes(key)) {
      if (typeof value === "string" || (key === "date" && typeof value === "number")) {
        settings[key as (typeof STRING_KEYS)[number]] = String(value);
      } else errors.push(`${where} must be a string`);
    } else if (key === "layout") {
      if (value === "flat" || value === "stacked") settings.layout = value;
      else errors.push(`${where} must be "flat" or "stacked"`);
    } else if (key === "size") {
      const size = typeof value === "string" ? parseSize(value) : null;
      if (size) settings.size = size;
      else errors.push(`${where} must be "16:9", "4:3" or WIDTHxHEIGHT such as "1280x720"`);
    } else if (key === "slideNumber") {
      if (typeof value === "boolean" || (typeof value === "string" && /^(h\.v|h\/v|c|c\/t)$/.test(value))) {
        settings.slideNumber = value;
      } else errors.push(`${where} must be true, false, "c/t", "c", "h.v" or "h/v"`);
    } else if (key === "transition") {
      if (typeof value === "string" && TRANSITIONS.includes(value)) settings.transition = value;
      else errors.push(`${where} must be one of ${TRANSITIONS.join(", ")}`);
    } else if (key === "reveal") {
      if (typeof value === "object" && !Array.isArray(value)) settings.reveal = safeObject(value as Record<string, unknown>);
      else errors.push(`${where} must be an object of Reveal.js options`);
    } else {
      warnings.push(`${source}: unknown key "${key}" ignored (known: ${SETTING_KEYS.join(", ")})`);
    }
  }
  if (settings.lang !== undefined && !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(settings.lang)) {
    errors.push(`${source}: "lang" must be a language tag such as zh-Hant, zh-Hans or en`);
    delete settings.lang;
  }
  return { settings, errors, warnings };
}

/** A copy without keys that could reach an object's prototype. */
function safeObject(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "__proto__" || k === "constructor" || k === "prototype") continue;
    out[k] = v !== null && typeof v === "object" && !Array.isArray(v) ? safeObject(v as Record<string, unknown>) : v;
  }
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
