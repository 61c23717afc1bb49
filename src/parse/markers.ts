/** The markers an essay uses around its structure: Markdown headings, closings, references. */

const MD_HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;

/** A setext heading: one line of text underlined with === (level 1) or --- (level 2). */
const SETEXT_HEADING = /^([^\n]*\S[^\n]*)\n {0,3}(=+|-+)[ \t]*$/;

export function matchMarkdownHeading(line: string): { level: number; text: string } | null {
  const m = MD_HEADING.exec(line);
  if (m) return { level: (m[1] as string).length, text: (m[2] as string).trim() };
  const setext = line.length < 400 ? SETEXT_HEADING.exec(line) : null;
  return setext ? { level: (setext[2] as string).startsWith("=") ? 1 : 2, text: (setext[1] as string).trim() } : null;
}

const CLOSING =
  /^(?:\*\*|__)?(?:此外|另外|總之|总之|綜上|综上|總而言之|总而言之|總的來說|总的来说|最後|最后|In conclusion|To conclude|In summary|In sum|To sum up|Overall|In short)(?:[,，、:：\s]|$)/iu;

export const isClosing = (paragraph: string): boolean => CLOSING.test(paragraph);

const REFERENCES =
  /^(?:#{1,6}\s+)?(?:\*\*|__)?(參考文獻|参考文献|參考資料|参考资料|引用文獻|引用文献|References|Bibliography|Works Cited|Sources)(?:\*\*|__)?\s*[:：]?\s*(?:\*\*|__)?\s*$/iu;

/** `參考文獻:` or `## References`: the line that starts the reference list. */
export function matchReferences(paragraph: string): string | null {
  const m = REFERENCES.exec(paragraph.trim());
  return m ? (m[1] as string) : null;
}
