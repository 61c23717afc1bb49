/**
 * Markdown blocks in the page: the helpers the block partials (templates/partials/block-*.hbs) use,
 * and the speaker notes of a block paragraph (a list as a list, a table as lines of text). Pure.
 */
import type HandlebarsTypes from "handlebars";
import type { Block } from "../model/blocks.js";
import type { Deck, SlideBlock } from "../model/deck.js";
import { escapeHtml } from "./inline.js";

type Inline = (text: string) => string;

/**
 * One paragraph of a slide's notes as HTML, for the speaker view and the handout alike: a `<p>`, or
 * the Markdown block the paragraph was written as, in its shape.
 */
export function noteRenderer(deck: Deck, inline: Inline): (text: string) => string {
  const byText = new Map((deck.noteBlocks ?? []).map((n) => [n.source, n.block]));
  return (text) => {
    const block = byText.get(text);
    return block ? blockNotes(block, inline) : `<p>${inline(text)}</p>`;
  };
}

export function registerBlockHelpers(hbs: typeof HandlebarsTypes, deck: Deck, inline: Inline): void {
  const SafeString = hbs.SafeString;
  const note = noteRenderer(deck, inline);
  hbs.registerHelper("note", (value: unknown) => new SafeString(note(String(value ?? ""))));
  hbs.registerHelper("blockPartial", (kind: unknown) => `block-${String(kind)}`);
  // Numbers from the planner only (a scale, a height in px), never the essay's text.
  hbs.registerHelper("blockScale", (scale: unknown) =>
    typeof scale === "number" && scale !== 1 ? new SafeString(` style="--ed-block-scale: ${Number(scale)}"`) : "",
  );
  hbs.registerHelper("imageStyle", (block: Extract<SlideBlock, { kind: "image" }>) =>
    typeof block?.maxHeight === "number" ? new SafeString(` style="max-height: ${Math.round(Number(block.maxHeight))}px"`) : "",
  );
  hbs.registerHelper("cellAlign", (align: unknown, index: unknown) => {
    const a = Array.isArray(align) ? align[Number(index)] : null;
    return a === "left" || a === "center" || a === "right" ? new SafeString(` style="text-align: ${a}"`) : "";
  });
}

/** A block as the speaker notes (and the handout) show it: its text, in the shape it has. */
export function blockNotes(block: Block, inline: Inline): string {
  const paragraphs = (ps: readonly string[]) => ps.map((p) => `<p>${inline(p)}</p>`).join("");
  switch (block.kind) {
    case "image":
      return `<p class="note-image">${block.images.map((i) => inline(i.alt || i.title || "")).join(" ")}</p>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      const start = block.ordered && block.start !== undefined ? ` start="${Number(block.start)}"` : "";
      const items = block.items
        .map(
          (it) =>
            `<li>${inline(it.text)}${it.items ? `<ul>${it.items.map((c) => `<li>${inline(c)}</li>`).join("")}</ul>` : ""}</li>`,
        )
        .join("");
      return `<${tag} class="note-list"${start}>${items}</${tag}>`;
    }
    case "table":
      return `<p class="note-table">${[block.header, ...block.rows].map((row) => row.map(inline).join(" | ")).join("<br>")}</p>`;
    case "quote":
      return `<blockquote class="note-quote">${paragraphs(block.paragraphs)}</blockquote>`;
    case "code":
      return `<pre class="note-code"><code>${escapeHtml(block.text)}</code></pre>`;
    case "container":
      return `<div class="note-container">${paragraphs(block.paragraphs)}</div>`;
  }
}
