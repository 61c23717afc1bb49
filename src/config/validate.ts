/**
 * Deck settings from a config file, front matter or flags: each value checked by its rule in the
 * one table of settings (settings.ts), with messages naming where it came from and the key. Pure.
 */
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import { type DeckSettings, ruleFor, SETTING_KEYS, SETTINGS, type SettingKey, type SettingRule } from "./settings.js";

export interface Validated {
  settings: DeckSettings;
  errors: string[];
  warnings: string[];
}

/** Check raw settings read from `source` (a file name, or "front matter"). */
/**
 * Keys that blog front matter (Jekyll, Hugo, Eleventy) uses with meanings of its own (`layout: post`):
 * in an essay's front matter, a value essay-deck cannot read there is the site generator's, ignored
 * with a warning rather than refused.
 */
export const SITE_GENERATOR_KEYS: readonly string[] = ["layout"];

export function validateSettings(raw: unknown, source: string, foreign: readonly string[] = []): Validated {
  const settings: DeckSettings = {};
  const errors: string[] = [];
  const warnings: string[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { settings, errors: [`${source}: expected an object of settings`], warnings };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    // "$schema" points an editor at the file's JSON Schema: it is not a setting.
    if (key === "$schema") {
      if (typeof value !== "string")
        errors.push(`${source}: "$schema" must be the path or URL of a JSON Schema (got ${shown(value)})`);
      continue;
    }
    const rule = ruleFor(key);
    if (!rule) {
      warnings.push(`${source}: unknown key "${key.slice(0, 40)}" ignored (known: ${SETTING_KEYS.join(", ")})`);
      continue;
    }
    if (foreign.includes(key) && rule.read(value, () => {}) === undefined) {
      warnings.push(
        `${source}: "${key}: ${shown(value)}" is not essay-deck's ${key} (${rule.allowed}): ignored, as a site generator's`,
      );
      continue;
    }
    const read = rule.read(value, (message) => errors.push(`${source}: ${message}`));
    if (read === undefined) errors.push(`${source}: "${key}" must be ${rule.allowed} (got ${shown(value)})`);
    else (settings as Record<string, unknown>)[key] = read;
  }
  return { settings, errors, warnings };
}

/**
 * Settings from command-line flags (commander names them as the settings are named), through the
 * same rules as a config file's; a bad value is a usage error naming the flag.
 */
export function settingsFromFlags(flags: Partial<Record<SettingKey, unknown>>): DeckSettings {
  const settings: DeckSettings = {};
  for (const key of SETTING_KEYS) {
    const rule: SettingRule = SETTINGS[key];
    const value = flags[key];
    if (value === undefined || !rule.flag) continue;
    const problems: string[] = [];
    const read = rule.read(value, (message) => problems.push(message));
    const flag = rule.flag.syntax.split(" ")[0];
    if (read === undefined) throw new DeckError(`${flag} must be ${rule.allowed} (got ${shown(value)})`, ExitCode.usage);
    if (problems.length > 0) throw new DeckError(`${flag}: ${problems.join("; ")}`, ExitCode.usage);
    (settings as Record<string, unknown>)[key] = read;
  }
  return settings;
}

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

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
