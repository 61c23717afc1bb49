/**
 * Before printing, make sure an installed font has a glyph for every character the PDF will show.
 * document.fonts.check() only knows web fonts, so each character is drawn with the deck's font stack
 * (the same fallback Chromium uses for the page) and compared with the box drawn for a code point no
 * font has: a character that draws as that box would print as one.
 */
import type { Page } from "puppeteer";
import { DeckError, ExitCode } from "../errors.js";

/** Characters that draw nothing and need no glyph. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Variation_Selector}]/u;

export function charactersToCheck(text: string): string[] {
  return [...new Set(text)].filter((c) => !INVISIBLE.test(c)).sort();
}

/** The characters of the deck (slides, notes, title) with no installed glyph, in the page's own fonts. */
export async function missingGlyphs(page: Page, extraText: string): Promise<string[]> {
  const extra = charactersToCheck(extraText);
  const text = await page.evaluate(() => `${document.title}${document.querySelector(".reveal .slides")?.textContent ?? ""}`);
  const chars = charactersToCheck(text + extra.join(""));
  return page.evaluate((list: string[]) => {
    const reveal = document.querySelector(".reveal") ?? document.body;
    const family = getComputedStyle(reveal).fontFamily || "sans-serif";
    const canvas = document.createElement("canvas");
    canvas.width = 40;
    canvas.height = 40;
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    if (!ctx) return [];
    ctx.font = `28px ${family}`;
    ctx.textBaseline = "top";
    const draw = (ch: string): string => {
      ctx.clearRect(0, 0, 40, 40);
      ctx.fillText(ch, 4, 4);
      const data = ctx.getImageData(0, 0, 40, 40).data;
      // A cheap fingerprint of the pixels; identical drawings give identical strings.
      let hash = 0;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) {
        const a = data[i] as number;
        hash = (Math.imul(hash, 31) + a) | 0;
        ink += a;
      }
      return `${hash}:${ink}:${Math.round(ctx.measureText(ch).width)}`;
    };
    // Supplementary private-use code points: no font ships glyphs there.
    const boxes = new Set(["\u{F0000}", "\u{FFFFD}", "\u{10FFFD}"].map(draw));
    return list.filter((ch) => boxes.has(draw(ch)));
  }, chars);
}

export function fontHelp(lang: string): string {
  if (/^(zh|ja|ko)/i.test(lang)) {
    return "install the Noto CJK fonts (Debian/Ubuntu: apt-get install fonts-noto-cjk; macOS and Windows have CJK fonts built in), or name a font that has them in a --css file";
  }
  return "install a font that has them (Debian/Ubuntu: apt-get install fonts-noto-core fonts-noto-cjk), or name one in a --css file";
}

export async function checkFonts(page: Page, lang: string, extraText: string): Promise<void> {
  const missing = await missingGlyphs(page, extraText);
  if (missing.length === 0) return;
  const shown = missing
    .slice(0, 8)
    .map((c) => `${c} (U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")})`)
    .join(", ");
  const more = missing.length > 8 ? ` and ${missing.length - 8} more` : "";
  throw new DeckError(
    `no installed font has ${missing.length === 1 ? "a glyph" : "glyphs"} for ${shown}${more}, which would print as boxes: ${fontHelp(lang)}`,
    ExitCode.fontMissing,
  );
}
