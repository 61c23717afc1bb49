/**
 * Bytes → text: UTF-8 (with or without BOM), UTF-16 with a BOM, Big5 or GBK told apart by what
 * they decode to, or the encoding the user names with --encoding. Anything else is refused with
 * one line that says what to do; a wrong guess would put mojibake on every slide.
 */
import { DeckError, ExitCode } from "../errors.js";
import { COMMON_HANZI } from "./common-hanzi.js";

const SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (a .docx?)" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: "a program" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Word or Excel file" },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: "a media file" },
];

/** The legacy Chinese encodings tried when the bytes are not UTF-8. */
const LEGACY = ["big5", "gbk"] as const;
/** How much better one decoding must read than the other before we trust it. */
const CLEAR_MARGIN = 0.2;
const MIN_SCORE = 0.5;

export function decodeEssay(bytes: Uint8Array, file: string, encoding?: string): { text: string; encoding: string } {
  if (encoding) return { text: checkText(decodeAs(bytes, encoding, file), file), encoding: normalizeLabel(encoding) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeAs(bytes, "utf-16le", file), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeAs(bytes, "utf-16be", file), encoding: "utf-16be" };
  for (const sig of SIGNATURES) {
    if (sig.bytes.every((b, i) => bytes[i] === b)) {
      throw new DeckError(`${file} is ${sig.what}, not an essay: pass a .txt or .md file`, ExitCode.inputInvalid);
    }
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    const hint = looksLikeUtf16(head);
    throw new DeckError(
      hint
        ? `${file} looks like UTF-16 without a byte-order mark: pass --encoding ${hint} or save it as UTF-8`
        : `${file} is binary, not text: pass a .txt or .md essay`,
      ExitCode.inputInvalid,
    );
  }
  const utf8 = tryDecode(bytes, "utf-8");
  if (utf8 !== null) return { text: checkText(utf8, file), encoding: "utf-8" };
  return decodeLegacy(bytes, file);
}

/** Big5 or GBK: the one that decodes cleanly, or the one whose text reads as ordinary Chinese. */
function decodeLegacy(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  const candidates = LEGACY.flatMap((enc) => {
    const text = tryDecode(bytes, enc);
    return text === null ? [] : [{ enc, text, score: readability(text) }];
  }).sort((a, b) => b.score - a.score);
  const [best, other] = candidates;
  if (!best) {
    throw new DeckError(
      `${file} is not UTF-8 text: save it as UTF-8, or pass --encoding with its encoding (big5, gbk, gb18030, windows-1252…)`,
      ExitCode.inputInvalid,
    );
  }
  const clear = best.score >= MIN_SCORE && (!other || best.score - other.score >= CLEAR_MARGIN);
  if (!clear) {
    const names = candidates.map((c) => c.enc).join(" or ");
    throw new DeckError(
      `${file} is not UTF-8 and its encoding is unclear (${names}?): pass --encoding with the right one (big5, gbk, windows-1252…), or save it as UTF-8`,
      ExitCode.inputInvalid,
    );
  }
  return { text: checkText(best.text, file), encoding: best.enc };
}

/** A character ordinary Chinese text is made of: CJK punctuation, quotes and dashes, common hanzi. */
function isOrdinaryCjk(ch: string): boolean {
  const code = ch.codePointAt(0) as number;
  return (
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff01 && code <= 0xff5e) ||
    code === 0x2014 ||
    code === 0x2026 ||
    (code >= 0x2018 && code <= 0x201d) ||
    COMMON_HANZI.has(ch)
  );
}

/**
 * Share of the non-ASCII characters that ordinary Chinese text is made of. ASCII reads the same
 * in Big5 and GBK, so it is left out: it would only blur the difference.
 */
export function readability(text: string): number {
  let total = 0;
  let ordinary = 0;
  for (const ch of text) {
    if ((ch.codePointAt(0) as number) < 0x80) continue;
    total++;
    if (isOrdinaryCjk(ch)) ordinary++;
  }
  return total === 0 ? 0 : ordinary / total;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function normalizeLabel(encoding: string): string {
  return new TextDecoder(encoding).encoding;
}

function decodeAs(bytes: Uint8Array, encoding: string, file: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new DeckError(
      `unknown encoding "${encoding}": use utf-8, big5, gbk, gb18030, utf-16le, utf-16be or windows-1252`,
      ExitCode.usage,
    );
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DeckError(`${file} is not valid ${decoder.encoding}: check --encoding`, ExitCode.inputInvalid);
  }
}

/** Text full of control characters is a binary file that happened to decode. */
function checkText(text: string, file: string): string {
  const sample = text.slice(0, 65536);
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls > sample.length / 100) {
    throw new DeckError(`${file} is binary, not text: pass a .txt or .md essay`, ExitCode.inputInvalid);
  }
  return text;
}

/** UTF-16 without a BOM: the zero bytes fall in every other place, and the text decodes as prose. */
function looksLikeUtf16(head: Uint8Array): "utf-16le" | "utf-16be" | null {
  const even = head.length - (head.length % 2);
  for (const enc of ["utf-16le", "utf-16be"] as const) {
    const text = tryDecode(head.subarray(0, even), enc);
    if (text === null) continue;
    const chars = [...text];
    const ordinary = chars.filter((ch) => /[\t\n\r\x20-\x7e]/.test(ch) || isOrdinaryCjk(ch)).length;
    if (chars.length > 0 && ordinary / chars.length >= 0.7) return enc;
  }
  return null;
}
