/**
 * Before printing, make sure an installed font has a glyph for every character the PDF will show:
 * the deck's text (slides, notes, title) and the handout's own, drawn in the deck's font stack by
 * the in-page probe shared with `check` (browser/glyphs.ts).
 */
import type { Page } from "puppeteer-core";
import { codePointLabel, glyphsOf, missingGlyphsInPage } from "../browser/glyphs.js";
import { DeckError, ExitCode } from "../errors.js";

/** The characters of the deck and of `extraText` with no installed glyph, in the page's own fonts. */
export async function missingGlyphs(page: Page, extraText: string): Promise<string[]> {
  const { text, family } = await page.evaluate(() => ({
    text: `${document.title}${document.querySelector(".reveal .slides")?.textContent ?? ""}`,
    family: getComputedStyle(document.querySelector(".reveal") ?? document.body).fontFamily || "sans-serif",
  }));
  // Notes and the handout's header are not in one element's style: all text is drawn in the deck's
  // regular face, which is what the PDF falls back from.
  const chars = glyphsOf(text + extraText);
  const [missing = []] = await page.evaluate(missingGlyphsInPage, [{ style: "normal", weight: "400", family, chars }]);
  return missing;
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
  const shown = missing.slice(0, 8).map(codePointLabel).join(", ");
  const more = missing.length > 8 ? ` and ${missing.length - 8} more` : "";
  throw new DeckError(
    `no installed font has ${missing.length === 1 ? "a glyph" : "glyphs"} for ${shown}${more}, which would print as boxes: ${fontHelp(lang)}`,
    ExitCode.fontMissing,
  );
}
