/**
 * A file's bytes as they are written: text encoded to UTF-8 a slice at a time (a page made in
 * pieces never joined), hashed as it goes, into a new file. The writer (write.ts) decides where.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import { DeckError, ExitCode } from "../errors.js";

/** What a failed write means to the user, in words rather than an errno. */
export function describeWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the disk is read-only",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    ENOTDIR: "a folder in that path is a file",
    EISDIR: "a folder is in the way",
    ENAMETOOLONG: "the path is too long",
  };
  return code ? `${words[code] ?? "failed"} (${code})` : String(e);
}

/** Bytes written at a time: a 33 MB page encoded whole, beside its text, would set the peak memory. */
const CHUNK = 1 << 20;

/** What a file's bytes are made from: bytes, text, or text in pieces (a page rendered slide by slide). */
export type Contents = string | Uint8Array | Iterable<string>;

/**
 * Contents as UTF-8 bytes, a buffer of at most CHUNK UTF-16 units at a time (bytes as they are),
 * each handed to `put`. Pieces are encoded straight into the buffer, never joined: joining them
 * would keep megabytes of text alive long enough for the garbage collector to move it to the old
 * generation, which then grows by the size of the page.
 */
function eachSlice(contents: Contents, put: (bytes: Uint8Array) => void): void {
  if (contents instanceof Uint8Array) {
    put(contents);
    return;
  }
  // At most 3 UTF-8 bytes a UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
  const buf = Buffer.allocUnsafe(Math.min(typeof contents === "string" ? contents.length : CHUNK, CHUNK) * 3);
  let used = 0;
  const flush = () => {
    if (used > 0) put(buf.subarray(0, used));
    used = 0;
  };
  const add = (text: string) => {
    if (text.length * 3 > buf.length - used) flush();
    if (text.length * 3 <= buf.length) {
      used += buf.write(text, used, "utf8");
      return;
    }
    for (let start = 0; start < text.length; ) {
      let end = Math.min(start + CHUNK, text.length);
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
      put(buf.subarray(0, buf.write(text.slice(start, end), 0, "utf8")));
      start = end;
    }
  };
  // Never cut a surrogate pair: each half alone would be written as U+FFFD. A piece that ends
  // with the first half waits for the next one.
  let carry = "";
  for (const piece of typeof contents === "string" ? [contents] : contents) {
    const text = carry + piece;
    carry = isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.slice(-1) : "";
    add(carry ? text.slice(0, -1) : text);
  }
  add(carry);
  flush();
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

/** The SHA-256 the file would have once written. */
export function hashContents(contents: Contents): string {
  const hash = createHash("sha256");
  eachSlice(contents, (bytes) => hash.update(bytes));
  return hash.digest("hex");
}

/** Write a new file and return the SHA-256 of what was written; text goes out as UTF-8, a slice at a time. */
export function writeStaged(file: string, contents: Contents, what?: string): string {
  const hash = createHash("sha256");
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (e) {
    if (what) throw new DeckError(`${what}: ${describeWriteError(e)}`, ExitCode.output);
    throw e;
  }
  try {
    eachSlice(contents, (bytes) => {
      hash.update(bytes);
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    });
  } catch (e) {
    closeSync(fd);
    rmSync(file, { force: true });
    if (what) throw new DeckError(`${what}: ${describeWriteError(e)}`, ExitCode.output);
    throw e;
  }
  closeSync(fd);
  return hash.digest("hex");
}
