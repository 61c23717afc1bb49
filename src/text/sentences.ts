/** Sentence boundaries in Chinese and English prose. */

const CJK_STOPS = "。！？!?";
/** A character that may end a sentence: one of CJK_STOPS or an ASCII full stop. Shared: reset before each use. */
const STOP_CANDIDATE = /[。！？!?.]/g;
/** Closing quotes and brackets that belong to the sentence they follow; so does the `**` that closes a bold sentence. */
const CLOSERS = "”’」』）)】》\"'*";
/** Abbreviations a sentence never ends at: titles before a name, Latin, v. of case names, a single initial. */
const NEVER_LAST =
  /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Jr|St|Mt|Ft|Gen|Gov|Sen|Rep|Rev|Hon|Capt|Lt|Col|Sgt|Pres|e\.g|i\.e|cf|viz|vs|v|approx|ca|[A-Z]|(?:[A-Za-z]\.)+[A-Za-z])$/;
/** Abbreviations before a number: No. 5, Fig. 3, pp. 12–14. */
const BEFORE_NUMBER = /^(?:No|Nos|Fig|Figs|Vol|vol|pp|p|ch|Ch|sec|Sec|art|Art|para|op|ed)$/;
/** Abbreviations that end a sentence only when a capital follows: …Apple Inc. The company… */
const MAYBE_LAST = /^(?:etc|al|Inc|Ltd|Co|Corp|Bros|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|ed|eds)$/;

/**
 * Split a paragraph into sentences, each verbatim (terminator and closing quotes included);
 * their concatenation, ignoring whitespace between them, is the paragraph.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const n = text.length;
  // Jump from one possible stop to the next: this runs on every paragraph, twice, for every deck.
  const candidates = STOP_CANDIDATE;
  candidates.lastIndex = 0;
  for (let m = candidates.exec(text); m !== null; m = candidates.exec(text)) {
    const i = m.index;
    let end = -1;
    // `![` opens a Markdown image: its `!` ends no sentence.
    if (text[i] === "!" && text[i + 1] === "[") continue;
    if (CJK_STOPS.includes(text[i] as string)) {
      end = i + 1;
      while (end < n && CJK_STOPS.includes(text[end] as string)) end++;
    } else if (isSentenceDot(text, i)) {
      end = i + 1;
      while (end < n && text[end] === ".") end++;
    }
    if (end < 0) continue;
    while (end < n && CLOSERS.includes(text[end] as string)) end++;
    const sentence = text.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
    candidates.lastIndex = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/**
 * An ASCII full stop ends a sentence when whitespace or the end follows, the next word does not
 * start in lower case (e.g. on schools), and it does not close an abbreviation (v. Board, U.S.
 * Supreme Court, Dr. Smith, No. 5; etc. and Inc. only before a capital).
 */
function isSentenceDot(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next !== undefined && !/\s|["'”’)]/.test(next)) return false;
  const after = /^["'”’)]*\s*(\S?)/.exec(text.slice(i + 1, i + 8))?.[1] ?? "";
  if (/[a-z]/.test(after)) return false;
  const word = /([A-Za-z][A-Za-z.]{0,7})$/.exec(text.slice(Math.max(0, i - 8), i))?.[1];
  // Not a word (a number, a closing bracket), or the tail of a longer one: a plain full stop.
  if (word === undefined || /[A-Za-z]/.test(text[i - word.length - 1] ?? " ")) return true;
  if (NEVER_LAST.test(word)) return false;
  if (BEFORE_NUMBER.test(word)) return !/[0-9]/.test(after);
  if (MAYBE_LAST.test(word)) return /[A-Z]/.test(after) || after === "";
  return true;
}

/** A sentence without its final stop (。 . ； etc.), for use as a title; a question or exclamation keeps its mark. */
export function withoutFinalStop(sentence: string): string {
  return sentence.replace(/[。．.；;，,、:：]+$/u, "").trim();
}

export const endsWithStop = (line: string): boolean => /[。！？!?.…”」』）)]$/.test(line.trim());
