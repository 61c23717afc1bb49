/**
 * The shape of each paragraph in its context: a Markdown heading, a numbering marker (a Markdown
 * list's items only when they are the essay's points), a bold run-in headline, an unnumbered
 * heading line, or prose (null).
 */
import { stripEmphasis } from "../text/emphasis.js";
import { matchMarkdownHeading } from "./markers.js";
import { matterOf } from "./matter.js";
import type { SourceParagraph } from "./paragraphs.js";
import { boldLead, isBareHeading, OPENS_PROSE, readMarker, type Shape, undecorated } from "./shapes.js";

/** Each paragraph's shape: a Markdown heading, a numbering marker, an unnumbered heading line, or prose (null). */
export function shapesOf(body: readonly SourceParagraph[], markdown: boolean): Array<Shape | null> {
  const shapes = body.map((p, i): Shape | null => {
    const heading = markdown ? matchMarkdownHeading(p.text) : null;
    if (heading) {
      const inner = readMarker(heading.text);
      return {
        scheme: `md${heading.level}`,
        label: inner?.label ?? "",
        numeral: inner?.numeral ?? "",
        number: inner?.number ?? Number.NaN,
        line: true,
        rest: inner?.rest ?? heading.text,
      };
    }
    const marker = readMarker(p.text);
    if (marker && markdown && !listOpensPoints(body, i, marker)) return null;
    if (marker) return marker;
    const bold = markdown ? boldLead(p.text) : null;
    return bold ? { scheme: "bold", label: "", numeral: "", number: Number.NaN, line: false, rest: bold } : null;
  });
  // A short line with no number is a heading only when prose follows it, not another such line.
  const bare = body.map((p, i) => shapes[i] === null && matterOf(p.text) === null && isBareHeading(p.text, markdown));
  bare.forEach((isBare, i) => {
    const next = body[i + 1];
    // 国务院 above 2019年1月24日 signs a notice: a signature, not a heading.
    if (!isBare || !next || bare[i + 1] || shapes[i + 1]?.line || matterOf(next.text) === "date") return;
    const text = undecorated(stripEmphasis(body[i]?.text ?? ""));
    shapes[i] = { scheme: "bare", label: "", numeral: "", number: Number.NaN, line: true, rest: text };
  });
  return shapes;
}

const BULLET_ITEM = /^[-*+]\s/;
const NUMBERED_ITEM = /^\d{1,3}[.)]\s/;

/**
 * Whether a Markdown list item opens a point: a bulleted list is shown together unless its items
 * open with ordinal words; a numbered one numbers points when most of its items are paragraphs
 * (sentences, or a bold run-in headline), not when they are phrases (1. Demonstrate humility).
 */
function listOpensPoints(body: readonly SourceParagraph[], i: number, marker: Shape): boolean {
  const text = (body[i] as SourceParagraph).text;
  if (BULLET_ITEM.test(text)) return OPENS_PROSE.has(marker.scheme);
  if (!NUMBERED_ITEM.test(text)) return true;
  let from = i;
  while (from > 0 && NUMBERED_ITEM.test((body[from - 1] as SourceParagraph).text)) from--;
  let to = i + 1;
  while (to < body.length && NUMBERED_ITEM.test((body[to] as SourceParagraph).text)) to++;
  const items = body.slice(from, to).map((p) => readMarker(p.text)?.rest ?? p.text);
  // A sentence ends with its stop; a list's phrases do not (1. Ombudsman Group—handles the issues).
  const prose = items.filter((rest) => /[。！？.!?]["'”’」』）)*_]*$/u.test(rest) || boldLead(rest) !== null).length;
  return prose * 2 > items.length;
}
