/** Sentence boundaries in Chinese and English prose. */

const CJK_STOPS = "。！？!?";
/** A character that may end a sentence: one of CJK_STOPS or an ASCII full stop. Shared: reset before each use. */
const STOP_CANDIDATE = /[。！？!?.]/g;
/** Closing quotes and brackets that belong to the sentence they follow; so does the `**` that closes a bold sentence. */
const CLOSERS = "”’」』）)】》\"'*";
const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|Prof|St|No|Fig|cf)|\b[A-Z])$/;

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

/** An ASCII full stop ends a sentence when whitespace or the end follows and it is not an abbreviation. */
function isSentenceDot(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next !== undefined && !/\s|["'”’)]/.test(next)) return false;
  const before = text.slice(Math.max(0, i - 6), i);
  return !ABBREVIATIONS.test(before);
}

/** A sentence without its final stop (。 . ； etc.), for use as a title; a question or exclamation keeps its mark. */
export function withoutFinalStop(sentence: string): string {
  return sentence.replace(/[。．.；;，,、:：]+$/u, "").trim();
}

export const endsWithStop = (line: string): boolean => /[。！？!?.…”」』）)]$/.test(line.trim());
