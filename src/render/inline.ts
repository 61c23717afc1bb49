/**
 * Essay text → safe inline HTML. Plain-text essays are escaped and nothing else; Markdown essays get
 * marked's inline syntax (emphasis, code, links) with raw HTML shown as text, unsafe link targets
 * dropped and remote images replaced by their alt text, so a deck never runs or fetches anything.
 */
import { createRequire } from "node:module";
import type { Marked, Token, TokenizerExtension, Tokens } from "marked";
import { LOOKAHEAD, windowedTokenizers } from "../parse/lookahead.js";

export { LOOKAHEAD } from "../parse/lookahead.js";

// marked is loaded on the first Markdown essay: a plain-text essay (the common case) never needs it,
// and loading it builds all its grammar at once.
const requireMarked = createRequire(import.meta.url);

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
  "=": "&#61;",
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"'`=]/g, (c) => ESCAPES[c] as string);

const SAFE_URL = /^(?:https?:|mailto:|#|\.{0,2}\/|[\w][\w./-]*$)/i;

function safeHref(href: string): string | null {
  const trimmed = href.trim().replace(/[\u0000-\u001f\s]/g, "");
  if (/^(?:javascript|vbscript|data|file):/i.test(trimmed)) return null;
  return SAFE_URL.test(trimmed) ? href.trim() : null;
}

/**
 * CommonMark's flanking rules leave `**第一,標題。**正文` unbolded: a closing `**` after CJK punctuation
 * and before a letter does not count. Chinese has no spaces to flank with, so an emphasis pair is
 * taken as written: `**…**` is strong and `*…*` emphasis whenever both markers are on one line.
 */
const CJK_EMPHASIS: TokenizerExtension[] = [
  {
    name: "cjkStrong",
    level: "inline",
    // No start(): "*" already ends a text run, so the lexer tries this at every "*" by itself. A
    // start() that searched the rest of the text at every stop made the whole parse quadratic.
    tokenizer(this: { lexer: { inlineTokens(src: string): Token[] } }, src: string) {
      const m = /^\*\*(?=[^\s*])([^\n]*?[^\s*])\*\*/.exec(src.slice(0, LOOKAHEAD));
      if (!m) return undefined;
      return { type: "strong", raw: m[0], text: m[1] as string, tokens: this.lexer.inlineTokens(m[1] as string) };
    },
  },
  {
    name: "cjkEm",
    level: "inline",
    tokenizer(this: { lexer: { inlineTokens(src: string): Token[] } }, src: string) {
      const m = /^\*(?=[^\s*])([^\n*]*?[^\s*])\*(?!\*)/.exec(src.slice(0, LOOKAHEAD));
      if (!m) return undefined;
      return { type: "em", raw: m[0], text: m[1] as string, tokens: this.lexer.inlineTokens(m[1] as string) };
    },
  },
];

function createMarked(allowHtml: boolean): Marked {
  const { Marked, Tokenizer } = requireMarked("marked") as typeof import("marked");
  return new Marked({
    gfm: true,
    breaks: false,
    extensions: CJK_EMPHASIS,
    tokenizer: windowedTokenizers(Tokenizer),
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag): string {
        return allowHtml ? text : escapeHtml(text);
      },
      link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link): string {
        const inner = this.parser.parseInline(token.tokens);
        const href = safeHref(token.href);
        if (href === null) return inner;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : "";
        return `<a href="${escapeHtml(href)}"${title} rel="noopener noreferrer">${inner}</a>`;
      },
      // An image inside text is its alt text: the planner shows the image itself as a block of the
      // slide, from the copy in the deck's assets (the path as written points at nothing there).
      image(token: Tokens.Image): string {
        return escapeHtml(token.text);
      },
    },
  });
}

/**
 * marked is quadratic in unmatched emphasis markers (1 MB of "_a" never finishes), so a text with
 * more of them than prose ever has is shown literally, escaped: slower formatting is not worth a hang.
 */
export const MAX_EMPHASIS_MARKS = 200;
const EMPHASIS_MARK = /[*_~]/g;

let markedSafe: Marked | undefined;
let markedTrusted: Marked | undefined;

export interface InlineOptions {
  markdown: boolean;
  /** A trusted author's raw HTML passes through (--allow-html). */
  allowHtml?: boolean;
}

export function renderInline(text: string, options: InlineOptions): string {
  if (!options.markdown) return escapeHtml(text);
  // A heading line kept as a paragraph (a # title that front matter replaced) shows as its text.
  const heading = /^#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(text);
  if (heading) return renderInline(heading[1] as string, options);
  if ((text.match(EMPHASIS_MARK)?.length ?? 0) > MAX_EMPHASIS_MARKS) return escapeHtml(text);
  return markedFor(options.allowHtml === true).parseInline(text, { async: false }) as string;
}

function markedFor(allowHtml: boolean): Marked {
  if (allowHtml) {
    markedTrusted ??= createMarked(true);
    return markedTrusted;
  }
  markedSafe ??= createMarked(false);
  return markedSafe;
}
