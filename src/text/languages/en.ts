/** English, and the deck's words for any language without a file of its own. */
import type { Language } from "./language.js";

export const en: Language = {
  script: "en",
  matches: (tag) => /^en\b/i.test(tag),
  deck: {
    untitled: "Untitled",
    summary: "Summary",
    references: "References",
    continued: "(cont.)",
    part: (l) => `Part ${l}`,
    agenda: "Contents",
    more: (n) => `… and ${n} more`,
  },
  timing: {
    slide: (t) => `Speaking time: about ${t}`,
    total: (t, n) => `Whole talk: about ${t} (${n} slides)`,
    time: (m, s) => (m > 0 ? `${m} min${s > 0 ? ` ${s} s` : ""}` : `${s} s`),
  },
  site: {
    heading: "Decks",
    summary: (d, n) => `${d} deck${d === 1 ? "" : "s"}, ${n} slide${n === 1 ? "" : "s"}`,
    slides: (n) => `${n} slide${n === 1 ? "" : "s"}`,
    slidesPdf: "Slides PDF",
    handoutPdf: "Handout PDF",
    failed: "failed to build this time",
  },
  pacing: {
    budget: (d) => `Time budget: ${d} in all`,
    estimate: (l, t) => `${l}: about ${t}`,
    share: (l, t, e) => `${l}: ${t} (estimate ${e})`,
    outside: "Opening and close",
  },
  handout: {
    pageOf: (page, total) => `Page ${page} of ${total}`,
    subject: "Handout",
    fonts: `"Source Sans Pro", "Helvetica Neue", Helvetica, Arial, "Noto Sans CJK TC", sans-serif`,
  },
};
