/** Big5, GBK and UTF-16 essays decode to the same outline as their UTF-8 originals, or are refused with a hint. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/errors.js";
import { decodeEssay } from "../../src/io/decode.js";
import { tempDir } from "../helpers/browser.js";
import { fixtures, referenceEssay } from "../helpers/paths.js";
import { expectUserError, run } from "./helpers.js";

const dir = path.join(fixtures, "encodings");
const fixture = (name: string) => path.join(dir, name);

async function outlineOf(file: string, ...flags: string[]) {
  const result = await run(["outline", file, "--json", ...flags], dir);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as unknown;
}

/** Bytes of text in a legacy encoding, from the decoder's own table (Node can decode these, not encode). */
function encodeLegacy(text: string, encoding: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      try {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a character in this encoding
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`${ch} has no ${encoding} code`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

describe("essays in other encodings", () => {
  it.each([
    ["essay.big5.txt", "essay.utf8.txt"],
    ["essay.gbk.txt", "essay.utf8.txt"],
    ["essay-hans.gbk.txt", "essay-hans.utf8.txt"],
    ["essay.utf16le.txt", "essay.utf8.txt"],
    ["essay.utf16be.txt", "essay.utf8.txt"],
  ])("%s is detected and reads like %s", async (encoded, utf8) => {
    // The essays have no title line: the deck is titled after the file, which differs by name only.
    expect(await outlineOf(encoded, "--title", "T")).toEqual(await outlineOf(utf8, "--title", "T"));
  });

  it("says which encoding it guessed, unless --encoding named it", async () => {
    const guessed = await run(["outline", "essay.big5.txt"], dir);
    expect(guessed.stderr).toMatch(
      /warning: essay\.big5\.txt is not UTF-8: read it as big5 \(pass --encoding to choose another\)/,
    );
    const named = await run(["outline", "essay.big5.txt", "--encoding", "big5"], dir);
    expect(named.stderr).not.toMatch(/not UTF-8/);
  });

  it("tells Big5 from GBK by what the text reads as, when the bytes are valid in both", () => {
    const big5 = readFileSync(fixture("essay.big5.txt"));
    expect(() => new TextDecoder("gbk", { fatal: true }).decode(big5)).not.toThrow();
    expect(decodeEssay(big5, "essay.big5.txt").encoding).toBe("big5");
  });

  it("decodes the whole reference essay saved as Big5 and as GBK", () => {
    const text = readFileSync(referenceEssay, "utf8");
    for (const encoding of ["big5", "gbk"]) {
      const decoded = decodeEssay(encodeLegacy(text, encoding), `essay.${encoding}.txt`);
      expect(decoded.encoding).toBe(encoding);
      expect(decoded.text).toBe(text);
    }
  });

  it("honours --encoding, and builds a deck from it", async () => {
    expect(await outlineOf("essay.big5.txt", "--encoding", "big5", "--title", "T")).toEqual(
      await outlineOf("essay.utf8.txt", "--title", "T"),
    );
    const out = tempDir();
    const result = await run(["build", "essay.gbk.txt", "--encoding", "gbk", "-o", out, "-q"], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("技術平民化讓更多企業可以使用大模型");
  });

  it("refuses bytes that are not valid in the encoding named", async () => {
    const result = await run(["outline", "essay-hans.gbk.txt", "--encoding", "utf-8"], dir);
    expectUserError(result, ExitCode.inputInvalid, /essay-hans\.gbk\.txt is not valid utf-8: check --encoding/);
  });

  it("refuses to guess when both readings are unlikely, and says to pass --encoding", async () => {
    const work = tempDir();
    // Valid in Big5 and in GBK, and ordinary Chinese in neither.
    writeFileSync(path.join(work, "odd.txt"), Buffer.from([0xc9, 0x40, 0xc9, 0x41, 0xc9, 0x42, 0xc9, 0x43, 0x0a]));
    const result = await run(["outline", "odd.txt"], work);
    expectUserError(
      result,
      ExitCode.inputInvalid,
      /odd\.txt is not UTF-8 and its encoding is unclear \((big5 or gbk|gbk or big5)\?\): pass --encoding with the right one/,
    );
  });

  it("tells Big5 from GBK in an essay that is mostly English", () => {
    const text = "First, the AI model 模型 is good.\nSecond, 資料 matters.\n";
    expect(decodeEssay(encodeLegacy(text, "big5"), "mixed.txt")).toEqual({ text, encoding: "big5" });
    expect(decodeEssay(encodeLegacy(text, "gbk"), "mixed.txt")).toEqual({ text, encoding: "gbk" });
  });

  it("spots UTF-16 without a byte-order mark and says which --encoding to pass", async () => {
    const result = await run(["outline", "essay.utf16le-nobom.txt"], dir);
    expectUserError(result, ExitCode.inputInvalid, /looks like UTF-16 without a byte-order mark: pass --encoding utf-16le/);
    expect(await outlineOf("essay.utf16le-nobom.txt", "--encoding", "utf-16le", "--title", "T")).toEqual(
      await outlineOf("essay.utf8.txt", "--title", "T"),
    );
    const work = tempDir();
    writeFileSync(path.join(work, "english.txt"), Buffer.from("I. Intro\nFirst, data matters.\n", "utf16le"));
    expectUserError(await run(["outline", "english.txt"], work), ExitCode.inputInvalid, /pass --encoding utf-16le/);
  });
});
