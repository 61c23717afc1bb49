/** Markdown emphasis markers, which a title shows as plain text. */
export function stripEmphasis(text: string): string {
  return text.replace(/\*\*|__/g, "").trim();
}
