/** Sentence boundaries: English abbreviations do not end a sentence; a title keeps its ？ and ！. */
import { describe, expect, it } from "vitest";
import { parseEssay } from "../../src/parse/index.js";
import { splitSentences, withoutFinalStop } from "../../src/text/sentences.js";

describe("English sentences", () => {
  it("do not end at v., U.S., e.g., Dr., No. 5 or an initial", () => {
    expect(
      splitSentences(
        "In Brown v. Board of Education the U.S. Supreme Court ruled, e.g. on schools. Dr. Smith lives at No. 5 Elm Road. J. R. R. Tolkien wrote it.",
      ),
    ).toEqual([
      "In Brown v. Board of Education the U.S. Supreme Court ruled, e.g. on schools.",
      "Dr. Smith lives at No. 5 Elm Road.",
      "J. R. R. Tolkien wrote it.",
    ]);
  });

  it("end at etc. or Inc. only before a capital, and never before a lower-case word", () => {
    expect(
      splitSentences("They sell phones, tablets, etc. The market grows. Smith et al. (2020) agree. Apple Inc. is big."),
    ).toEqual(["They sell phones, tablets, etc.", "The market grows.", "Smith et al. (2020) agree.", "Apple Inc. is big."]);
    expect(splitSentences("It was 3.5 times larger. See Fig. 3 for details. Done!")).toEqual([
      "It was 3.5 times larger.",
      "See Fig. 3 for details.",
      "Done!",
    ]);
  });
});

describe("headlines", () => {
  it("keep a question or an exclamation, and lose a full stop", () => {
    expect(withoutFinalStop("為什麼要改變？")).toBe("為什麼要改變？");
    expect(withoutFinalStop("Act now!")).toBe("Act now!");
    expect(withoutFinalStop("技術平民化。")).toBe("技術平民化");
    const outline = parseEssay("一、問題\n第一，為什麼要改變？因為世界變了。\n第二，怎麼改變！從小處開始。\n");
    expect(outline.parts[0]?.points.map((p) => p.headline)).toEqual(["為什麼要改變？", "怎麼改變！"]);
  });
});
