/**
 * Nothing lost in the page either: on random essays, every paragraph the plan puts in notes or in
 * the references is in the built index.html, whole and escaped (Markdown: rendered inline).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveTheme, revealAssets } from "../../src/io/assets.js";
import { loadTemplates } from "../../src/io/templates.js";
import { parseEssay } from "../../src/parse/index.js";
import { planDeck } from "../../src/plan/index.js";
import { blockNotes } from "../../src/render/blocks.js";
import { renderDeck } from "../../src/render/index.js";
import { renderInline } from "../../src/render/inline.js";
import { root } from "../helpers/paths.js";
import { randomEssay } from "./essays.js";

const RUNS = { numRuns: Math.ceil((Number(process.env.ESSAY_DECK_PROPERTY_RUNS) || 200) / 2) };

describe("nothing lost in the page, on random essays", () => {
  const options = { templates: loadTemplates(), theme: resolveTheme("essay", root), reveal: revealAssets() };

  it("writes every note and reference into index.html, escaped", () => {
    fc.assert(
      fc.property(randomEssay, (essay) => {
        const deck = planDeck(parseEssay(essay.source, { format: essay.format }));
        const page = renderDeck(deck, options)[0] as { contents: string };
        const html = String(page.contents);
        const markdown = essay.format === "markdown";
        const shown = (p: string) => renderInline(p, { markdown });
        // A note written as a Markdown block (a list, a quote) shows in its shape: its text, whole.
        const blocks = new Map((deck.noteBlocks ?? []).map((n) => [n.source, n.block]));
        // A reference's own number and its text are set apart, and Chinese breaks only between phrases.
        const plain = (h: string) => h.replace(/<wbr>|<span class="[a-z-]+">|<\/span>/g, "");
        const flat = plain(html);
        for (const slide of deck.slides) {
          for (const note of slide.notes) {
            const block = blocks.get(note);
            expect(html).toContain(block ? blockNotes(block, shown) : `<p>${shown(note)}</p>`);
          }
          if (slide.kind === "references") for (const e of slide.entries) expect(flat).toContain(`<li>${plain(shown(e))}</li>`);
        }
      }),
      RUNS,
    );
  });
});
