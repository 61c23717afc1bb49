/** Source text → paragraphs, each with the line it starts on. */

import { endsWithStop } from "../text/sentences.js";
import { matchMarkdownHeading, matchReferences } from "./markers.js";
import { OPENS_PROSE, readMarker, weight } from "./shapes.js";

export interface SourceParagraph {
  text: string;
  line: number;
}

/** Strip a BOM and turn CRLF / CR into LF. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** A line that starts a paragraph of its own: a heading, a numbered point, the references marker. */
function opensParagraph(line: string, markdown: boolean): boolean {
  if (markdown && (matchMarkdownHeading(line) || /^(?:[-*+]|\d{1,3}[.)])\s/.test(line))) return true;
  return readMarker(line) !== null || matchReferences(line) !== null;
}

/** A line that takes no next line into it: a heading, the references marker. */
function standsAlone(line: string, markdown: boolean): boolean {
  if (markdown && (matchMarkdownHeading(line) || /^(?:[-*+]|\d{1,3}[.)])\s/.test(line))) return true;
  if (matchReferences(line) !== null) return true;
  const marker = readMarker(line);
  return marker?.line === true && !OPENS_PROSE.has(marker.scheme);
}

const LATIN_END = /[A-Za-z0-9,;:)'"]$/;
const LATIN_START = /^[A-Za-z0-9("']/;
/** Beyond this length a joined paragraph is prose: no marker pattern matches it any more. */
const OPENER_SCAN = 400;
/** Shorter than this (half-width units), a plain-text line without a stop is a line of its own. */
const SHORT_LINE = 40;

/**
 * Paragraphs are lines, or blank-line separated blocks whose lines are hard-wrapped.
 * In a text with no blank lines between its lines (the reference essay) every line is a paragraph.
 * Where blank lines separate blocks, a line that does not end a sentence continues into the next.
 */
export function splitParagraphs(text: string, markdown: boolean, firstLine = 1): SourceParagraph[] {
  const lines = text.split("\n");
  const blocks: Array<{ line: number; lines: string[] }> = [];
  let current: { line: number; lines: string[] } | null = null;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) {
      current = null;
      return;
    }
    if (!current) {
      current = { line: firstLine + i, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  const blankSeparated = markdown || blocks.length > 1;
  const out: SourceParagraph[] = [];
  for (const block of blocks) {
    let para: SourceParagraph | null = null;
    // The paragraph's last line and whether it stands alone: tests on the growing text itself
    // would rescan it at every joined line, which makes a long hard-wrapped paragraph quadratic.
    let last = "";
    let alone = false;
    block.lines.forEach((line, i) => {
      // A lowercase line continues whatever came before it: a heading does not end in mid-phrase.
      // In plain text a short line with no stop (a title, a date, a heading above its paragraph) ends
      // there: a hard-wrapped line runs close to the wrap width, or breaks after a comma.
      const short = () => !markdown && weight(last) < SHORT_LINE && !/[，,、；;：:]$/.test(last);
      const continues = () => (!alone && !short()) || /^[a-z]/.test(line);
      // Asked only where a line may join (text with blank lines): in an essay of one line a
      // paragraph, every line is a paragraph, whatever its weight.
      const joins =
        para !== null && blankSeparated && !opensParagraph(line, markdown) && continues() && (markdown || !endsWithStop(last));
      if (joins && para) {
        para.text += LATIN_END.test(last) && LATIN_START.test(line) ? ` ${line}` : markdown ? `\n${line}` : line;
        last = line;
        // Only a short paragraph can still turn into a heading, point or references line by growing.
        if (para.text.length <= OPENER_SCAN) alone = standsAlone(para.text, markdown);
        return;
      }
      para = { text: line, line: block.line + i };
      last = line;
      alone = standsAlone(line, markdown);
      out.push(para);
    });
  }
  return out;
}
