/**
 * A deck theme as PowerPoint sees it: solid colours and one font face per script. The built-in
 * themes are mapped by hand from their CSS (templates/themes/*.css over reveal.js's base themes);
 * a user's theme file gives what it sets of the same `--ed-*` variables. Pure.
 */
import { scriptOf } from "../text/languages/index.js";
import { findTheme } from "../themes.js";

export interface PptxTheme {
  /** Colours as six hex digits, without `#`. */
  background: string;
  text: string;
  heading: string;
  muted: string;
  accent: string;
  accentText: string;
  rule: string;
  serif: boolean;
}

const ESSAY: PptxTheme = {
  background: "FBFAF7",
  text: "1D2330",
  heading: "1D2330",
  muted: "5B6475",
  accent: "B03A2E",
  accentText: "FFFFFF",
  rule: "DCDDDF",
  serif: false,
};

const BUILTIN: Record<string, PptxTheme> = {
  essay: ESSAY,
  paper: {
    background: "F6F1E6",
    text: "2B2620",
    heading: "1F1B16",
    muted: "6F665B",
    accent: "7A2E1F",
    accentText: "FBF7EE",
    rule: "D6CFC2",
    serif: true,
  },
  stage: {
    background: "14161D",
    text: "ECEAE4",
    heading: "FFFFFF",
    muted: "A9AFBC",
    accent: "F0B44C",
    accentText: "17181D",
    rule: "3F4046",
    serif: false,
  },
  projector: {
    background: "FFFFFF",
    text: "000000",
    heading: "000000",
    muted: "2B2B2B",
    accent: "0A3FA8",
    accentText: "FFFFFF",
    rule: "000000",
    serif: false,
  },
  white: { ...ESSAY, background: "FFFFFF", text: "222222", heading: "222222", muted: "6F6F6F", accent: "2A76DD", rule: "E0E0E0" },
  black: {
    ...ESSAY,
    background: "191919",
    text: "FFFFFF",
    heading: "FFFFFF",
    muted: "B0B0B0",
    accent: "42AFFA",
    accentText: "191919",
    rule: "3A3A3A",
  },
  "white-contrast": {
    ...ESSAY,
    background: "FFFFFF",
    text: "000000",
    heading: "000000",
    muted: "575757",
    accent: "2A76DD",
    rule: "DBDBDB",
  },
  "black-contrast": {
    ...ESSAY,
    background: "000000",
    text: "FFFFFF",
    heading: "FFFFFF",
    muted: "A8A8A8",
    accent: "42AFFA",
    accentText: "000000",
    rule: "242424",
  },
};

/**
 * The theme of a built-in name, or of a user's stylesheets (theme file, then extra CSS): the
 * `--ed-*` colours and the page background they set, over the default theme's.
 */
export function pptxTheme(theme: string, css: readonly string[] = []): PptxTheme {
  const builtin = findTheme(theme) ? BUILTIN[theme] : undefined;
  let result = { ...(builtin ?? ESSAY) };
  for (const sheet of css) result = { ...result, ...coloursOf(sheet) };
  return result;
}

const VARIABLES: Record<string, keyof PptxTheme> = {
  "--ed-text": "text",
  "--ed-muted": "muted",
  "--ed-accent": "accent",
  "--ed-accent-text": "accentText",
  "--r-heading-color": "heading",
  "--r-background-color": "background",
};

/** The colours a stylesheet sets, where it writes them as hex: `--ed-text: #123456`. */
export function coloursOf(css: string): Partial<PptxTheme> {
  const found: Partial<Record<keyof PptxTheme, string | boolean>> = {};
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, "");
  for (const m of plain.matchAll(/(--[\w-]+)\s*:\s*(#[0-9a-f]{3,8})\b/gi)) {
    const key = VARIABLES[(m[1] as string).toLowerCase()];
    const hex = hexColour(m[2] as string);
    if (key && hex) found[key] = hex;
  }
  // The slide background: `.reveal-viewport { background: #… }` or `background-color`.
  const viewport = /\.reveal-viewport\s*\{[^}]*?background(?:-color)?\s*:\s*(#[0-9a-f]{3,8})\b/i.exec(plain);
  const background = viewport ? hexColour(viewport[1] as string) : null;
  if (background) found.background = background;
  if (found.text && !found.heading) found.heading = found.text;
  if (/--ed-font\s*:[^;]*serif-/i.test(plain)) found.serif = true;
  return found as Partial<PptxTheme>;
}

function hexColour(value: string): string | null {
  const h = value.slice(1);
  if (h.length === 3 || h.length === 4) {
    return h
      .slice(0, 3)
      .split("")
      .map((c) => c + c)
      .join("")
      .toUpperCase();
  }
  if (h.length === 6 || h.length === 8) return h.slice(0, 6).toUpperCase();
  return null;
}

/**
 * The one face a text run is set in: a CJK font of the deck's script (its Latin letters and
 * digits included), so LibreOffice and PowerPoint draw Traditional glyphs for zh-Hant, Simplified
 * ones for zh-Hans; English decks get the Latin faces every PowerPoint has.
 */
export function fontFace(lang: string, serif: boolean): string {
  const script = scriptOf(lang);
  if (script === "en") return serif ? "Georgia" : "Arial";
  const region = script === "zh-Hans" ? "SC" : "TC";
  return serif ? `Noto Serif CJK ${region}` : `Noto Sans CJK ${region}`;
}

/** Code blocks' face: the monospaced CJK face of the script, Courier New for English. */
export function monoFace(lang: string): string {
  const script = scriptOf(lang);
  if (script === "en") return "Courier New";
  return `Noto Sans Mono CJK ${script === "zh-Hans" ? "SC" : "TC"}`;
}

/** The language PowerPoint files write on each run: zh-TW for Traditional, zh-CN for Simplified. */
export function officeLang(lang: string): string {
  const script = scriptOf(lang);
  if (script === "zh-Hant") return /^zh-(?:Hant-)?HK\b/i.test(lang) ? "zh-HK" : "zh-TW";
  if (script === "zh-Hans") return "zh-CN";
  return /^[a-z]{2}-[A-Z]{2}$/.test(lang) ? lang : "en-US";
}
