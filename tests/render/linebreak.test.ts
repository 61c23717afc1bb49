import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { phraseHtml } from "../../src/render/linebreak.js";
import { headlinePhrases } from "../../src/text/phrases.js";

const CLOSING = [..."，。、；：！？」』）》〉】”’,.;:!?)"];
const OPENING = [..."「『（《〈【“‘("];
const textOf = (html: string) =>
  html
    .replace(/<wbr>/g, "")
    .replace(/<\/?span[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, "`")
    .replace(/&#61;/g, "=")
    .replace(/&amp;/g, "&");

describe("headline phrases (line-break rules)", () => {
  it("breaks Chinese at phrase boundaries and keeps the text whole", () => {
    const text = "DeepSeek改變潮流方向:高性能計算的崛起";
    const phrases = headlinePhrases(text, "zh-Hant");
    expect(phrases.length).toBeGreaterThan(1);
    expect(phrases.join("")).toBe(text);
  });

  it("never starts a phrase with closing punctuation nor ends one with opening punctuation", () => {
    const phrases = headlinePhrases("技術平民化，打破「巨頭」壟斷（以開源為平臺）、促進增值應用。", "zh-Hant");
    for (const p of phrases.slice(1)) expect(CLOSING).not.toContain([...p][0]);
    for (const p of phrases.slice(0, -1)) expect(OPENING).not.toContain([...p].at(-1));
  });

  it("never cuts a word around a one-character phrase of budoux's (潮 / 流方 / 向)", () => {
    const phrases = headlinePhrases("一、DeepSeek改變潮流方向:高性能計算的崛起", "zh-Hant");
    expect(phrases.join("")).toBe("一、DeepSeek改變潮流方向:高性能計算的崛起");
    for (const word of ["潮流", "方向", "高性能", "崛起"]) {
      expect(
        phrases.some((p) => p.includes(word)),
        `${word} in ${phrases.join(" | ")}`,
      ).toBe(true);
    }
  });

  it("never leaves a single character alone as the last phrase", () => {
    const phrases = headlinePhrases("顛覆性創新的重要性", "zh-Hant");
    expect([...(phrases.at(-1) as string)].length).toBeGreaterThan(1);
  });

  it("holds for any Chinese text: same text, rules kept", () => {
    const chars = fc.constantFrom(..."人工智能的顛覆性創新技術平民化成本效益，。、「」（）ＡＢ12ab ");
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 60 }), (arr) => {
        const text = arr.join("");
        const phrases = headlinePhrases(text, "zh-Hant");
        expect(phrases.join("")).toBe(text);
        for (const p of phrases.slice(1)) expect(CLOSING).not.toContain([...p][0]);
      }),
      { numRuns: 200 },
    );
  });

  it("escapes user text: markup in a headline stays text, textContent is the headline", () => {
    const text = '人工智能<script>alert("x")</script>的顛覆性創新';
    const html = phraseHtml(text, "zh-Hant");
    expect(html).not.toContain("<script>");
    expect(textOf(html)).toBe(text);
  });

  it("leaves English to the browser's own word breaks", () => {
    expect(phraseHtml("Why disruptive innovation matters", "en")).toBe("Why disruptive innovation matters");
  });
});
