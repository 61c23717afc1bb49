/**
 * Random essays for the property tests: paragraphs of Chinese and English words and punctuation,
 * numbered points in every scheme the parser knows, part headings, closings, references, blank
 * lines, CRLF and LF. What the generator writes is recorded so a test can check nothing was lost.
 */
import fc from "fast-check";

const CJK_WORDS = [
  "人工智能",
  "創新",
  "技術",
  "市場",
  "企業",
  "发展",
  "政策",
  "模型",
  "數據",
  "安全",
  "我們",
  "的",
  "是",
  "在",
  "和",
  "「杭州」",
  "（AI）",
];
const LATIN_WORDS = [
  "data",
  "model",
  "market",
  "growth",
  "policy",
  "the",
  "a",
  "of",
  "and",
  "AI",
  "open-source",
  "cost",
  "e.g.",
  "Dr.",
  "U.S.",
  "3.5",
  "🚀",
  "café",
  "e\u0301",
  "zero\u200bwidth",
  "𠀀字",
];
const INNER = [
  "",
  "",
  "",
  "，",
  ",",
  "、",
  "：",
  ":",
  "；",
  " ",
  "*",
  "**",
  "_",
  "`",
  "#",
  "[",
  "]",
  "(",
  ")",
  "<b>",
  "{{x}}",
  "&amp;",
  "“",
  "”",
];
const STOPS = ["。", "。", "！", "？", ".", "!", "?", "……", "", "」", "。」"];

const word = fc.oneof(fc.constantFrom(...CJK_WORDS), fc.constantFrom(...LATIN_WORDS));
const sentence = fc
  .tuple(fc.array(fc.tuple(word, fc.constantFrom(...INNER)), { minLength: 1, maxLength: 7 }), fc.constantFrom(...STOPS))
  .map(([parts, stop]) => parts.map(([w, p]) => w + p).join("") + stop);
const prose = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.constantFrom("", " "))
  .map(([sentences, glue]) => sentences.join(glue).trim())
  .filter((t) => t.length > 0);

const POINT_LABELS = [
  "第一,",
  "第二，",
  "第三、",
  "第十一：",
  "第二點，",
  "首先，",
  "其次,",
  "再者，",
  "最後，",
  "其一，",
  "其二,",
  "（一）",
  "(二)",
  "（三）、",
  "First, ",
  "Secondly, ",
  "Finally: ",
  "1. ",
  "2、",
  "3) ",
];
const CLOSINGS = ["總之，", "此外,", "綜上，", "In conclusion, ", "Overall, ", "最后，"];
const PLAIN_HEADINGS = ["一、", "二、", "十二、", "第一部分 ", "第三章：", "I. ", "IV. ", "1. ", "2、"];
const MD_HEADINGS = ["# ", "## ", "### ", "## 一、", "## 第二部分 ", "#### "];
const REFERENCES = ["參考文獻:", "参考文献：", "References", "## References", "**參考資料**"];
const MD_NOISE = ["---", "***", "> 引用一句話。", "- 列表項目", "* item", "```", "<!-- 註解 -->", "| a | b |", "#", "# #"];
/** Lines that are almost a marker: a bare label, a bare numeral, a lone stop. */
const EDGES = [
  "第一,",
  "一、",
  "I.",
  "1.",
  "（一）",
  "總之",
  "References:",
  "。",
  "**第一,重點。**",
  "### 第二,小標題",
  "__首先__，強調。",
  "第一部分",
];

const heading = (markdown: boolean) =>
  fc
    .tuple(
      fc.constantFrom(...(markdown ? [...MD_HEADINGS, ...PLAIN_HEADINGS] : PLAIN_HEADINGS)),
      fc.array(word, { minLength: 1, maxLength: 4 }),
    )
    .map(([mark, words]) => mark + words.join(""));

const line = (markdown: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: prose },
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...POINT_LABELS), prose).map(([l, p]) => l + p) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...CLOSINGS), prose).map(([l, p]) => l + p) },
    { weight: 2, arbitrary: heading(markdown) },
    { weight: 1, arbitrary: fc.constantFrom(...REFERENCES) },
    { weight: markdown ? 1 : 0, arbitrary: fc.constantFrom(...MD_NOISE) },
    { weight: 1, arbitrary: fc.constantFrom(...EDGES) },
  );

export interface RandomEssay {
  source: string;
  /** The source without its front matter: the essay's own text. */
  body: string;
  format: "text" | "markdown";
  /** The lines written, trimmed: each is a paragraph when `oneLinePerParagraph`. */
  lines: string[];
  /** Lines separated by single line breaks only, in a plain-text essay: every line stands alone. */
  oneLinePerParagraph: boolean;
}

const SEPARATORS = ["\n", "\n", "\r\n", "\n\n", "\r\n\r\n", "\n \n", "\n\n\n", "\n\t\n"];
const PADDING = ["", "", "", " ", "\t", "\u3000", "  "];

export const randomEssay: fc.Arbitrary<RandomEssay> = fc.tuple(fc.boolean(), fc.boolean()).chain(([markdown, singleBreaks]) =>
  fc
    .tuple(
      fc.array(fc.tuple(line(markdown), fc.constantFrom(...PADDING), fc.constantFrom(...PADDING)), {
        minLength: 1,
        maxLength: 30,
      }),
      fc.array(fc.constantFrom(...(singleBreaks ? ["\n", "\r\n"] : SEPARATORS)), { minLength: 80, maxLength: 80 }),
      fc.constantFrom("", "\n", "\r\n", "\uFEFF"),
      fc.constantFrom("", "\n", "\r\n"),
      fc.constantFrom("", "", "---\ntitle: 另一個標題\n---\n", "---\nauthor: 王\n---\n\n"),
      // Sometimes a reference list longer than one slide holds.
      fc.oneof(
        fc.constant([]),
        fc.array(fc.oneof({ weight: 9, arbitrary: prose }, { weight: 1, arbitrary: prose.map((p) => p.repeat(120)) }), {
          minLength: 10,
          maxLength: 40,
        }),
      ),
    )
    .map(([generated, separators, start, end, frontMatter, references]) => {
      const listed = ["參考文獻:", ...references].map((r): [string, string, string] => [r, "", ""]);
      const lines = references.length > 0 ? [...generated, ...listed] : generated;
      // A Markdown essay that opens with --- would be read as front matter, which is not essay text.
      const body = lines.map(([text, before, after]) => before + text + after);
      if (markdown && lines[0]?.[0] === "---") body[0] = "## 開頭";
      const source =
        (markdown ? frontMatter : "") + start + body.map((l, i) => (i === 0 ? l : (separators[i] as string) + l)).join("") + end;
      return {
        source,
        body: source.slice(markdown ? frontMatter.length : 0),
        format: markdown ? ("markdown" as const) : ("text" as const),
        lines: body.map((l) => l.trim()),
        oneLinePerParagraph: !markdown && singleBreaks,
      };
    }),
);
