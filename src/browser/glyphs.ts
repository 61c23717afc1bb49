/**
 * Which characters no installed font draws, found in the page itself. document.fonts.check() only
 * knows web fonts, so each character is drawn on a canvas with the page's font stack (the same
 * fallback Chromium uses to print) and compared with the box drawn for code points no font has: a
 * character that draws as that box would show as one. One probe for `check` and the PDF export.
 */

/** Characters to draw in one font, given as computed styles (the probe sets the size). */
export interface GlyphRequest {
  /** e.g. "normal", "italic". */
  style: string;
  /** e.g. "400", "700". */
  weight: string;
  /** A font stack, e.g. `"Noto Sans CJK TC", sans-serif`. */
  family: string;
  chars: string[];
}

/** Spaces, controls and marks (combining marks, variation selectors) have no glyph of their own. */
export const needsGlyph = (ch: string): boolean => !/^(?:\s|\p{Cc}|\p{Cf}|\p{M})$/u.test(ch);

/** The distinct characters of `text` that need a glyph, sorted. */
export const glyphsOf = (text: string): string[] => [...new Set(text)].filter(needsGlyph).sort();

/** "X (U+E000)": the character and its code point, for messages. */
export const codePointLabel = (ch: string): string =>
  `${ch} (U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")})`;

/**
 * Runs inside the page (pass it to page.evaluate): self-contained, no closures over Node values.
 * Returns, for each request, the characters that draw as a missing-glyph box.
 */
export function missingGlyphsInPage(requests: GlyphRequest[]): string[][] {
  // 48px on a 64px canvas: big enough that two different glyphs differ in pixels.
  const size = 64;
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) return requests.map(() => []);
  ctx.textBaseline = "alphabetic";
  // A fingerprint of the drawing: identical drawings give identical strings. The width comes first,
  // and differs for almost every real glyph: a character as wide as no box is drawn (no pixels read).
  const width = (ch: string): number => ctx.measureText(ch).width;
  const draw = (ch: string): string => {
    ctx.clearRect(0, 0, size, size);
    ctx.fillText(ch, 4, 52);
    const data = ctx.getImageData(0, 0, size, size).data;
    let hash = 0;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) {
      const a = data[i] as number;
      hash = (Math.imul(hash, 31) + a) | 0;
      ink += a;
    }
    return `${width(ch)}:${hash}:${ink}`;
  };
  const boxes = new Map<string, { drawn: Set<string>; widths: Set<number> }>();
  const verdicts = new Map<string, boolean>();
  return requests.map(({ style, weight, family, chars }) => {
    const font = `${style} ${weight} 48px ${family}`;
    ctx.font = font;
    let box = boxes.get(font);
    if (!box) {
      // Supplementary private-use code points: no font ships glyphs there. A font stack may draw
      // a different box per plane, so any of them counts.
      const planes = ["\u{F0000}", "\u{FFFFD}", "\u{10FFFD}"];
      box = { drawn: new Set(planes.map(draw)), widths: new Set(planes.map(width)) };
      boxes.set(font, box);
    }
    const found = box;
    return chars.filter((ch) => {
      const key = `${font}\u0000${ch}`;
      let missing = verdicts.get(key);
      if (missing === undefined) {
        missing = found.widths.has(width(ch)) && found.drawn.has(draw(ch));
        verdicts.set(key, missing);
      }
      return missing;
    });
  });
}
