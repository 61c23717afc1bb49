/**
 * What essay-deck needs to know of a language: which tags it answers to, the few words the deck
 * itself adds (continued, summary, page X of Y…), and how its text is set. One file per language
 * (zh-Hant.ts, zh-Hans.ts, en.ts) fills this in; adding a language is one more such file, listed in
 * index.ts.
 */
export interface Language {
  /** The tag the deck's own words are written for: "zh-Hant", "zh-Hans", "en". */
  script: string;
  /** Whether a BCP 47 tag (zh-TW, zh-CN, en-GB…) is written in this language's script. */
  matches: (tag: string) => boolean;
  deck: DeckWords;
  timing: TimingWords;
  pacing: PacingWords;
  handout: HandoutWords;
  site: SiteWords;
  /** The budoux model that cuts headlines into phrases; none where lines break at spaces anyway. */
  phraseModel?: "zh-hans" | "zh-hant";
}

/** The words slides add: an untitled deck, a part's summary, references, a continued slide. */
export interface DeckWords {
  untitled: string;
  summary: string;
  references: string;
  continued: string;
  part: (label: string) => string;
  /** The agenda slide's heading: 目錄, 目录, Contents. */
  agenda: string;
  /** The line under a listing too long for its slide: "and 12 more". */
  more: (n: number) => string;
}

/** The title notes' time budget: the talk's estimate split over its parts, or a planned duration. */
export interface PacingWords {
  /** The first line with a planned duration: "時間分配：共 20 分". */
  budget: (duration: string) => string;
  /** A part's estimate: "第一部分：預估 6 分". */
  estimate: (label: string, time: string) => string;
  /** A part's share of the planned duration, with its estimate. */
  share: (label: string, time: string, estimate: string) => string;
  /** The slides outside parts (title, agenda, references). */
  outside: string;
}

/** The speaking-time line at the top of the notes. */
export interface TimingWords {
  slide: (time: string) => string;
  total: (time: string, slides: number) => string;
  time: (minutes: number, seconds: number) => string;
}

export interface HandoutWords {
  /** "第 3 頁，共 24 頁": `page` and `total` are inserted as given (numbers, or CSS counters). */
  pageOf: (page: string, total: string) => string;
  /** The handout PDF's subject. */
  subject: string;
  /** CSS font stack for the handout's notes and its header and footer. */
  fonts: string;
}

/** The index page of a folder build. */
export interface SiteWords {
  heading: string;
  /** "3 decks, 61 slides" */
  summary: (decks: number, slides: number) => string;
  slides: (n: number) => string;
  slidesPdf: string;
  handoutPdf: string;
  /** A deck whose essay failed to build this time. */
  failed: string;
}
