/**
 * How wide text is and how many lines it takes, without a browser: the width model the planner
 * fits slides with (plan/fit.ts holds the slide's geometry). Full-width characters (CJK, full-width
 * marks) count 1, anything else ½; tests/browser/fit.test.ts checks it against Chromium.
 */
/** Width in full-width character units: a CJK character or full-width mark is 1, anything else ½. */
export function textWidth(text: string): number {
  // By UTF-16 unit, not by code point: fitting a deck measures every candidate sentence many times.
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one (wide) character: skip its second half.
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    width += c >= 0x2e80 || (c >= 0x2010 && c <= 0x201f) ? 1 : 0.5;
  }
  return width;
}

/**
 * Full-width characters a line holds. One character less than the box allows: strict line
 * breaking may push a character to the next line rather than start one with a closing mark.
 */
export function charsPerLine(widthPx: number, fontPx: number): number {
  return Math.max(4, Math.floor(widthPx / fontPx) - 1);
}

/** Lines a run of text breakable anywhere takes (CJK; Latin words are short against a line). */
export function linesOf(text: string, cpl: number): number {
  return Math.max(1, Math.ceil(textWidth(text) / cpl));
}

/** Lines a run of unbreakable phrases takes, filled greedily as a browser does. */
export function linesOfPhrases(phrases: readonly string[], cpl: number): number {
  let lines = 1;
  let used = 0;
  for (const phrase of phrases) {
    const w = textWidth(phrase.trimEnd());
    if (used > 0 && used + w > cpl) {
      lines++;
      used = 0;
    }
    if (w > cpl) {
      // Wider than a line: overflow-wrap breaks it anywhere.
      lines += Math.ceil(w / cpl) - 1;
      used = w % cpl;
    } else used += textWidth(phrase);
  }
  return lines;
}
