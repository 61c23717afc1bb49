/**
 * YAML front matter (`---` … `---` or `...`) at the top of a Markdown essay, read by the `yaml`
 * package: every YAML form (quoted, folded `>` and literal `|` blocks, lists, dates as text).
 * The essay may come from someone else: keys that could reach an object's prototype are dropped at
 * every depth, aliases are capped (no billion laughs), and a syntax error is reported, not thrown.
 */
import { createRequire } from "node:module";
import type * as YamlTypes from "yaml";

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** Lines the front matter took, so body line numbers can be reported against the file. */
  lines: number;
  errors: string[];
}

// yaml is loaded only when an essay has front matter.
const requireYaml = createRequire(import.meta.url);
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** More aliases than a hand-written front matter ever has: past this it is an expansion attack. */
const MAX_ALIASES = 50;

export function splitFrontMatter(text: string): FrontMatter {
  const m = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { data: Object.create(null), body: text, lines: 0, errors: [] };
  const lines = m[0].split("\n").length - 1;
  const { data, errors } = readYaml(m[1] ?? "");
  return { data, body: text.slice(m[0].length), lines, errors };
}

function readYaml(source: string): { data: Record<string, unknown>; errors: string[] } {
  const empty: Record<string, unknown> = Object.create(null);
  if (source.trim() === "") return { data: empty, errors: [] };
  const YAML = requireYaml("yaml") as typeof YamlTypes;
  // The core schema (YAML 1.2): `date: 2024-05-01` stays the text written, `no` stays "no".
  const parse = (text: string) => YAML.parseDocument(text, { schema: "core", uniqueKeys: true, prettyErrors: true });
  let doc = parse(source);
  if (doc.errors.length > 0) {
    // Jekyll and Hugo accept a quoted title continued on an unindented line (title: "Two exercises
    // for\npractice"); strict YAML does not. Read it as they do when that alone was the problem.
    const lenient = parse(source.replace(/\n(?![ \t]|[\w-]+[ \t]*:|-|#|$)/g, "\n  "));
    if (lenient.errors.length === 0) doc = lenient;
  }
  const first = doc.errors[0];
  if (first) {
    // Line 1 of the YAML is line 2 of the file, after the opening ---.
    const line = (first.linePos?.[0]?.line ?? 0) + 1;
    const what = first.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
    return { data: empty, errors: [`front matter line ${line}: ${what} (fix the YAML; its settings were ignored)`] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return { data: empty, errors: [`front matter: ${(e as Error).message} (its settings were ignored)`] };
  }
  if (value === null || value === undefined) return { data: empty, errors: [] };
  if (typeof value !== "object" || Array.isArray(value)) {
    return { data: empty, errors: ['front matter must be "key: value" lines (its settings were ignored)'] };
  }
  return { data: safeCopy(value as Record<string, unknown>), errors: [] };
}

/** A copy with null prototypes and without __proto__/constructor/prototype keys, at any depth. */
function safeCopy(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(k)) continue;
    out[k] = safeValue(v);
  }
  return out;
}

function safeValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(safeValue);
  if (v instanceof Date) return v;
  return v !== null && typeof v === "object" ? safeCopy(v as Record<string, unknown>) : v;
}

const META_KEYS = ["title", "subtitle", "author", "date", "lang", "theme"] as const;
type MetaKey = (typeof META_KEYS)[number];
/** Keys whose value is shown as text: YAML reads `title: 1984` as a number, which was meant as text. */
const SHOWN_KEYS = new Set<string>(["title", "subtitle", "author", "date"]);

/**
 * Front matter values that describe the deck, as text: a list of authors joined as the language
 * joins names (`甲、乙和丙`, `A, B, and C`), a folded or literal block without its final line break.
 * Anything else (a list for a title, `true`) is left in `extra` for the settings validator, which
 * fails naming the key.
 */
export function frontMatterMeta(
  data: Record<string, unknown>,
  lang: () => string,
): { [K in MetaKey]?: string } & { extra: Record<string, unknown> } {
  const meta: { [K in MetaKey]?: string } & { extra: Record<string, unknown> } = { extra: Object.create(null) };
  for (const [key, value] of Object.entries(data)) {
    const text = metaText(key, value, lang);
    if ((META_KEYS as readonly string[]).includes(key) && text !== null) meta[key as MetaKey] = text;
    else meta.extra[key] = value;
  }
  return meta;
}

function metaText(key: string, value: unknown, lang: () => string): string | null {
  if (typeof value === "string") return value.replace(/\n+$/, "");
  if (!SHOWN_KEYS.has(key)) return null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (key === "author" && Array.isArray(value) && value.length > 0) {
    const names = value.map((v) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : null));
    if (names.some((n) => n === null || n === "")) return null;
    return joinNames(names as string[], lang());
  }
  return null;
}

function joinNames(names: string[], lang: string): string {
  try {
    return new Intl.ListFormat(lang || "en", { style: "long", type: "conjunction" }).format(names);
  } catch {
    return names.join(", ");
  }
}
