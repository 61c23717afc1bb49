import { createRequire } from "node:module";
import type HandlebarsTypes from "handlebars";
import { describe, expect, it } from "vitest";
import { pagePieces, wholeText } from "../../src/render/page-pieces.js";

const Handlebars = createRequire(import.meta.url)("handlebars") as typeof HandlebarsTypes;

/**
 * A page calling partials the ways a user's deck.hbs may: in loops (@index, @first, @root), nested,
 * indented, as a block; compiled, or in source form (the last, `standalone`).
 */
function environment() {
  const hbs = Handlebars.create();
  hbs.registerPartial(
    "slide",
    "<section data-i={{@index}}{{#if @first}} first{{/if}} lang={{@root.lang}}>{{title}}{{> inner}}</section>",
  );
  hbs.registerPartial("inner", hbs.compile("<i>{{@../index}}:{{@index}} {{word}}</i>"));
  hbs.registerPartial("standalone", "line one\nline two {{title}}\n");
  hbs.registerPartial("wrap", hbs.compile("<div>{{> @partial-block}}</div>"));
  const page = hbs.compile(
    "<title>{{title}}</title>\n{{#each groups}}<g{{@index}}>{{#each slides}}{{> slide this word=@root.word}}{{/each}}</g{{@index}}>{{/each}}\n" +
      "  {{> standalone title=title}}\n{{#> wrap}}block {{title}}{{/wrap}}\n",
  );
  return { hbs, page };
}

const context = (title: string) => ({
  title,
  lang: "zh-Hant",
  word: "續",
  groups: [{ slides: [{ title: "一" }, { title: "二 <b>" }] }, { slides: [{ title: "三" }] }],
});

describe("the page in pieces", () => {
  it("spells exactly the page rendered at once, however often it is read", () => {
    const whole = environment();
    const expected = whole.page(context("T & T"));
    const { hbs, page } = environment();
    const pieces = pagePieces(hbs, () => page(context("T & T")));
    expect(Array.from(pieces).length).toBeGreaterThan(4);
    expect(wholeText(pieces)).toBe(expected);
    expect(wholeText(pieces)).toBe(expected);
    expect(expected).toContain("<section data-i=1 lang=zh-Hant>二 &lt;b&gt;<i>0:1 續</i></section>");
  });

  it("renders a partial only when its piece is read", () => {
    const { hbs, page } = environment();
    let calls = 0;
    hbs.registerHelper("count", () => ++calls);
    hbs.registerPartial("slide", hbs.compile("{{count}}"));
    const pieces = pagePieces(hbs, () => page(context("T")));
    expect(calls).toBe(0);
    const iterator = pieces[Symbol.iterator]();
    iterator.next();
    iterator.next();
    expect(calls).toBe(1);
  });

  it("renders the page at once when its own text holds the mark the pieces are cut at", () => {
    const title = "\u0000essay-deck-partial\u0000";
    const expected = environment().page(context(title));
    const { hbs, page } = environment();
    expect(wholeText(pagePieces(hbs, () => page(context(title))))).toBe(expected);
  });
});
