/**
 * marked's inline rules, bounded: the essay's block lexer (parse) and the inline renderer (render)
 * both drive marked, and both give its tokenizers only LOOKAHEAD characters to scan.
 */
import type { Tokenizer, TokenizerObject, Tokens } from "marked";

/**
 * How far past its first character any inline construct may reach: a link, an image, a code span,
 * an HTML tag, a URL, a `**…**` pair. marked's rules scan ahead to the end of the text for a closer
 * that may not come; bounded, each position costs at most this much, so a paragraph of any size
 * parses in time linear in its length. Longer constructs (nothing an essay writes) show as text.
 */
export const LOOKAHEAD = 2048;

/**
 * marked's tokenizers that scan ahead from one position, each given only LOOKAHEAD characters, and
 * the first characters they start at ("" for any): elsewhere they are left to decline by themselves.
 */
const WINDOWED = {
  escape: "\\",
  tag: "<",
  link: "[!",
  reflink: "[!",
  codespan: "`",
  br: " \\\n",
  autolink: "<",
  url: "",
  inlineText: "",
} as const;

export function windowedTokenizers(base: typeof Tokenizer): TokenizerObject {
  const out: Record<string, unknown> = {};
  for (const [name, starts] of Object.entries(WINDOWED)) {
    const original = base.prototype[name as keyof typeof WINDOWED] as (
      this: Tokenizer,
      src: string,
      ...rest: never[]
    ) => Tokens.Generic | undefined;
    out[name] = function (this: Tokenizer, src: string, ...rest: never[]) {
      if (src.length <= LOOKAHEAD || (starts !== "" && !starts.includes(src[0] as string))) {
        return original.call(this, src, ...rest);
      }
      const token = original.call(this, src.slice(0, LOOKAHEAD), ...rest);
      // A match that runs to the cut may be one the cut made ("$" ends an unclosed comment there);
      // plain text may, it is cut anywhere.
      return token && (token.raw.length < LOOKAHEAD || name === "inlineText") ? token : undefined;
    };
  }
  return out as TokenizerObject;
}
