/**
 * Characters of the other script in a Chinese essay: Simplified forms (采用, 基于) in a Traditional
 * essay, or Traditional ones in a Simplified essay, as text pasted from several sources has. Each
 * such character converts to another under `--script`; the check reports them, and `--script`
 * is the fix. Pure: the caller passes the converter towards the essay's own script.
 */
import type { TextConverter } from "./script.js";

export interface MixedScript {
  /** Each character of the other script once, in order of first appearance, with a word around it. */
  chars: Array<{ char: string; count: number; example: string }>;
  total: number;
}

/**
 * Characters both scripts write, which OpenCC still changes in some words (證明了 → 證明瞭, 干擾 →
 * 幹擾, 台灣 → 臺灣): reporting them would call correct Traditional text mixed.
 */
const SHARED = new Set([..."了干只台"]);

/** Characters of `paragraphs` that `toOwnScript` changes, one by one (OpenCC works by character here). */
export function otherScriptChars(paragraphs: readonly string[], toOwnScript: TextConverter): MixedScript {
  const found = new Map<string, { char: string; count: number; example: string }>();
  let total = 0;
  for (const text of paragraphs) {
    const converted = toOwnScript(text);
    // OpenCC's character conversion keeps the length; a phrase table that does not is not compared.
    if (converted === text || converted.length !== text.length) continue;
    for (let i = 0; i < text.length; i++) {
      const char = text[i] as string;
      if (char === converted[i] || SHARED.has(char)) continue;
      total++;
      const entry = found.get(char);
      if (entry) entry.count++;
      else found.set(char, { char, count: 1, example: text.slice(Math.max(0, i - 2), i + 3) });
    }
  }
  return { chars: [...found.values()], total };
}

/** The outline's warning, or null when the essay is all in one script. */
export function mixedScriptWarning(mixed: MixedScript, essayName: string, own: "zh-Hant" | "zh-Hans"): string | null {
  if (mixed.total === 0) return null;
  const other = own === "zh-Hant" ? "Simplified" : "Traditional";
  const shown = mixed.chars
    .slice(0, 8)
    .map((c) => `${c.char} (${c.example})`)
    .join(", ");
  const more = mixed.chars.length > 8 ? `, and ${mixed.chars.length - 8} more` : "";
  const flag = own === "zh-Hant" ? "hant" : "hans";
  return `${essayName}: ${mixed.total} ${other} character${mixed.total === 1 ? "" : "s"} in a ${own} essay: ${shown}${more}; pass --script ${flag} to convert them`;
}
