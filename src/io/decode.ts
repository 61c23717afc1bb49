/** Bytes → text: UTF-8 (with or without BOM), UTF-16 with a BOM, or an encoding the user names. */
import { DeckError, ExitCode } from "../errors.js";

const SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive (a .docx?)" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: "a program" },
];

export function decodeEssay(bytes: Uint8Array, file: string, encoding?: string): { text: string; encoding: string } {
  if (encoding) return { text: decodeAs(bytes, encoding, file), encoding };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeAs(bytes, "utf-16le", file), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeAs(bytes, "utf-16be", file), encoding: "utf-16be" };
  for (const sig of SIGNATURES) {
    if (sig.bytes.every((b, i) => bytes[i] === b)) {
      throw new DeckError(`${file} is ${sig.what}, not an essay: pass a .txt or .md file`, ExitCode.inputInvalid);
    }
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new DeckError(`${file} is binary, not text: pass a .txt or .md essay`, ExitCode.inputInvalid);
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const guess = guessLegacy(bytes);
    throw new DeckError(
      `${file} is not UTF-8${guess ? ` (it looks like ${guess})` : ""}: pass --encoding ${guess ?? "big5|gbk"} or save it as UTF-8`,
      ExitCode.inputInvalid,
    );
  }
}

function decodeAs(bytes: Uint8Array, encoding: string, file: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new DeckError(`unknown encoding "${encoding}": use utf-8, big5, gbk, gb18030 or utf-16le`, ExitCode.usage);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DeckError(`${file} is not valid ${encoding}: check --encoding`, ExitCode.inputInvalid);
  }
}

/** Which legacy Chinese encoding decodes the bytes cleanly, if one does. */
function guessLegacy(bytes: Uint8Array): string | null {
  for (const enc of ["big5", "gbk"]) {
    try {
      new TextDecoder(enc, { fatal: true }).decode(bytes);
      return enc;
    } catch {
      // not this one
    }
  }
  return null;
}
