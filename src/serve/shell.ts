/**
 * The deck's "shell": everything a page loaded except the slides themselves (head, scripts, Reveal
 * options, stylesheets and every asset's bytes). When a rebuild leaves the shell as it was, an open
 * page swaps in the new slides in place, with no reload: no flash, and the slide, fragment and speaker
 * view stay as they were. Any other change reloads the page.
 */
import { createHash } from "node:crypto";

/** Where the inside of the first `.slides` element is, by counting <div> tags; null if none. */
export function slidesRange(html: string): { start: number; end: number } | null {
  const open = /<div\b[^>]*\bclass\s*=\s*["'][^"']*\bslides\b[^"']*["'][^>]*>/i.exec(html);
  if (!open) return null;
  const start = open.index + open[0].length;
  const tags = /<(\/?)div\b[^>]*>/gi;
  tags.lastIndex = start;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return { start, end: m.index };
  }
  return null;
}

/** A signature of the page without its slides, and of the assets it loads (by their SHA-256, as written). */
export function shellSignature(html: string, assets: Array<{ path: string; sha256: string }>): string {
  const hash = createHash("sha256");
  const range = slidesRange(html);
  hash.update(range ? html.slice(0, range.start) + html.slice(range.end) : html);
  for (const a of [...assets].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))) {
    hash.update(`\0${a.path}\0`);
    hash.update(a.sha256);
  }
  return hash.digest("hex").slice(0, 16);
}
