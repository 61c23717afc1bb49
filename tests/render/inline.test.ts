/**
 * Markdown inline syntax in time linear in the text: no construct scans further ahead than
 * LOOKAHEAD characters, so runs of openers that never close (`![![![…`) cost no more than prose.
 * Growth with size is measured by bench/hostile-markdown.mjs, not here: these check what is shown.
 */
import { describe, expect, it } from "vitest";
import { LOOKAHEAD, renderInline } from "../../src/render/inline.js";

const md = { markdown: true };

/** The text a browser would show: tags dropped, entities decoded. */
function shownText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("Markdown inline constructs on hostile runs", () => {
  // Each of these took time growing with the square of its length: 400 KB of "![" took 89 s, the
  // others 1 to 30 s; bench/hostile-markdown.mjs measures them all at 100, 200 and 400 KB.
  const runs: Array<[string, number]> = [
    ["![", 400_000],
    ...["[", "[!", "<", "<!--", "<?", "<![CDATA[", "[a][", "[a](<", "www.a.b/("].map((r): [string, number] => [r, 50_000]),
  ];
  for (const [run, size] of runs) {
    it(`shows ${size / 1000} KB of ${JSON.stringify(run)} as the text it is`, () => {
      const text = `要點。${run.repeat(Math.ceil(size / run.length))}`;
      const html = renderInline(text, md);
      expect(html).not.toMatch(/<(?!\/?a[ >])[a-z!?]/i);
      expect(shownText(html)).toBe(text);
    });
  }
});

describe("constructs up to LOOKAHEAD characters long", () => {
  const long = "長".repeat(LOOKAHEAD - 100);
  const tooLong = "長".repeat(LOOKAHEAD + 100);
  const tail = "後文".repeat(LOOKAHEAD);

  it("renders a link, a code span and strong text as long as a paragraph", () => {
    expect(renderInline(`[${long}](notes.html) ${tail}`, md)).toMatch(
      new RegExp(`^<a href="notes.html" rel="noopener noreferrer">${long}</a>`),
    );
    expect(renderInline(`\`${long}\` ${tail}`, md)).toMatch(new RegExp(`^<code>${long}</code>`));
    expect(renderInline(`**${long}**${tail}`, md)).toMatch(new RegExp(`^<strong>${long}</strong>`));
  });

  it("shows a longer one as written, and loses none of it", () => {
    const text = `[${tooLong}](notes.html) ${tail}`;
    const html = renderInline(text, md);
    expect(html).not.toContain("<a ");
    expect(shownText(html)).toBe(text);
  });

  it("does not let an unclosed comment swallow the text after it, even with --allow-html", () => {
    const text = `<!-- ${tail}`;
    expect(shownText(renderInline(text, md))).toBe(text);
    expect(renderInline(text, { markdown: true, allowHtml: true })).toContain(tail.slice(-LOOKAHEAD));
  });
});
