/** The few words the deck itself adds, in the essay's language. */
import { scriptOf } from "../parse/lang.js";

export interface DeckWords {
  untitled: string;
  summary: string;
  references: string;
  continued: string;
  part: (label: string) => string;
}

const WORDS: Record<string, DeckWords> = {
  "zh-Hant": { untitled: "未命名", summary: "小結", references: "參考文獻", continued: "（續）", part: (l) => `第${l}部分` },
  "zh-Hans": { untitled: "未命名", summary: "小结", references: "参考文献", continued: "（续）", part: (l) => `第${l}部分` },
  en: { untitled: "Untitled", summary: "Summary", references: "References", continued: "(cont.)", part: (l) => `Part ${l}` },
};

export function wordsFor(lang: string): DeckWords {
  return WORDS[scriptOf(lang)] as DeckWords;
}
