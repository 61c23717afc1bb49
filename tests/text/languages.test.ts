import { describe, expect, it } from "vitest";
import { languageOf, scriptOf } from "../../src/text/languages/index.js";

describe("languages", () => {
  it("gives each tag the script it is written in", () => {
    expect(["zh-Hans", "zh-CN", "zh-SG", "zh-MY", "zh-hans-CN"].map(scriptOf)).toEqual(Array(5).fill("zh-Hans"));
    expect(["zh-Hant", "zh-TW", "zh-HK", "zh"].map(scriptOf)).toEqual(Array(4).fill("zh-Hant"));
    expect(["en", "en-GB", "fr", "ja"].map(scriptOf)).toEqual(Array(4).fill("en"));
    // "zh" must be a whole subtag: "zha" (Zhuang) is not Chinese.
    expect(scriptOf("zha")).toBe("en");
  });

  it("has every word the deck adds, in each language", () => {
    for (const tag of ["zh-Hant", "zh-Hans", "en"]) {
      const l = languageOf(tag);
      expect(l.script).toBe(tag);
      for (const w of [l.deck.untitled, l.deck.summary, l.deck.references, l.deck.continued, l.handout.subject]) {
        expect(w.trim()).not.toBe("");
      }
      expect(l.deck.part("一")).toContain("一");
      expect(l.handout.pageOf("3", "24")).toMatch(/3.*24/);
      expect(l.timing.total(l.timing.time(2, 30), 7)).toContain("7");
    }
    expect(languageOf("zh-TW").deck.continued).toBe("（續）");
    expect(languageOf("zh-CN").timing.time(1, 0)).toBe("1 分");
    expect(languageOf("de").handout.pageOf("1", "2")).toBe("Page 1 of 2");
  });

  it("cuts Chinese headlines by phrase only", () => {
    expect(languageOf("zh-Hant").phraseModel).toBe("zh-hant");
    expect(languageOf("zh-Hans").phraseModel).toBe("zh-hans");
    expect(languageOf("en").phraseModel).toBeUndefined();
  });
});
