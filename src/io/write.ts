/**
 * The only writer of a deck: every file goes to a temporary name first and is renamed into place
 * once all are written, so a failed build leaves the previous deck whole. A manifest records what
 * essay-deck wrote and a SHA-256 of each file as written: a file it did not write, or one changed
 * since it wrote it, is never overwritten or deleted.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import type { OutputFile } from "../render/index.js";

export const MANIFEST = ".essay-deck-manifest.json";

interface Manifest {
  generator: "essay-deck";
  files: string[];
  /** Hash of each file as written; older manifests have none, and their files are trusted as they are. */
  sha256?: Record<string, string>;
}

interface Owned {
  files: Set<string>;
  sha256: Map<string, string>;
}

/**
 * A manifest is read from the user's disk, so it is not trusted: entries that are not plain
 * relative paths inside the folder ("../x", "/etc/x", the manifest itself) are ignored.
 */
export function isSafeRelative(p: unknown): p is string {
  if (typeof p !== "string" || p === "" || p.length > 1024 || p.includes("\0")) return false;
  if (path.isAbsolute(p) || path.win32.isAbsolute(p) || p.split(/[\\/]/).some((s) => s === ".." || s === "")) return false;
  return p !== MANIFEST;
}

function loadManifest(outDir: string): Owned {
  const owned: Owned = { files: new Set(), sha256: new Map() };
  let data: Partial<Manifest>;
  try {
    data = JSON.parse(readFileSync(path.join(outDir, MANIFEST), "utf8")) as Partial<Manifest>;
  } catch {
    return owned;
  }
  if (data === null || typeof data !== "object" || !Array.isArray(data.files)) return owned;
  for (const f of data.files) if (isSafeRelative(f)) owned.files.add(f);
  const hashes = data.sha256 !== null && typeof data.sha256 === "object" ? data.sha256 : {};
  for (const f of owned.files) {
    const h = Object.hasOwn(hashes, f) ? hashes[f] : undefined;
    if (typeof h === "string") owned.sha256.set(f, h);
  }
  return owned;
}

export function readManifest(outDir: string): Set<string> {
  return loadManifest(outDir).files;
}

function writeManifest(outDir: string, owned: Owned): void {
  const files = [...owned.files].sort();
  const sha256: Record<string, string> = {};
  for (const f of files) {
    const h = owned.sha256.get(f);
    if (h) sha256[f] = h;
  }
  const body = `${JSON.stringify({ generator: "essay-deck", files, sha256 }, null, 2)}\n`;
  writeFileAtomic(path.join(outDir, MANIFEST), body);
}

/**
 * Bytes hashed or written at a time. A deck of 16,000 points is a 33 MB page: read or encoded
 * whole, as a copy beside the text, it would set the build's peak memory.
 */
const CHUNK = 1 << 20;

function hashFile(file: string): string | null {
  try {
    const hash = createHash("sha256");
    const fd = openSync(file, "r");
    try {
      const buf = Buffer.allocUnsafe(CHUNK);
      for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null)) {
        hash.update(buf.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
    return hash.digest("hex");
  } catch {
    return null;
  }
}

/** Write a new file and return the SHA-256 of what was written; text goes out as UTF-8, a slice at a time. */
function writeHashed(file: string, contents: string | Uint8Array): string {
  const hash = createHash("sha256");
  const fd = openSync(file, "w");
  const put = (bytes: Uint8Array) => {
    hash.update(bytes);
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
  };
  try {
    if (typeof contents !== "string") put(contents);
    else {
      // At most 3 UTF-8 bytes a UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
      const buf = Buffer.allocUnsafe(Math.min(contents.length, CHUNK) * 3);
      for (let start = 0; start < contents.length; ) {
        let end = Math.min(start + CHUNK, contents.length);
        const last = contents.charCodeAt(end - 1);
        // Never cut a surrogate pair: each half alone would be written as U+FFFD.
        if (end < contents.length && last >= 0xd800 && last <= 0xdbff) end--;
        put(buf.subarray(0, buf.write(contents.slice(start, end), 0, "utf8")));
        start = end;
      }
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

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

export function prepareOutputDir(outDir: string): void {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new DeckError(`output path ${outDir} is a file: pass a folder with -o`, ExitCode.output);
  }
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw new DeckError(
      `cannot create output folder ${outDir}: ${describeWriteError(e)}; pass another folder with -o`,
      ExitCode.output,
    );
  }
}

/** Refuse to overwrite a file essay-deck did not write, or one changed since it wrote it. */
export function assertOwned(outDir: string, relative: string, owned: Set<string>, hashes?: Map<string, string>): void {
  const target = path.join(outDir, relative);
  if (!existsSync(target) && !isSymlink(target)) return;
  if (!owned.has(relative) || !lstatSync(target).isFile()) {
    throw new DeckError(
      `${target} exists and was not written by essay-deck: pass another folder with -o, or move that file away`,
      ExitCode.output,
    );
  }
  const expected = (hashes ?? loadManifest(outDir).sha256).get(relative);
  if (expected && hashFile(target) !== expected) {
    throw new DeckError(
      `${target} was changed since essay-deck wrote it: move your edited copy away, or pass another folder with -o`,
      ExitCode.output,
    );
  }
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

export interface WrittenDeck {
  /** The paths written, relative to outDir. */
  files: string[];
  /** SHA-256 (hex) of each file as written, by relative path: what the manifest records. */
  sha256: Record<string, string>;
}

/** Write a whole deck into outDir. */
export function writeDeck(outDir: string, files: OutputFile[]): WrittenDeck {
  prepareOutputDir(outDir);
  const owned = loadManifest(outDir);
  for (const f of files) {
    if (!isSafeRelative(f.path)) throw new Error(`output path escapes the output folder: ${f.path}`);
    assertOwned(outDir, f.path, owned.files, owned.sha256);
  }
  const staged: Array<{ tmp: string; target: string; relative: string; hash: string }> = [];
  try {
    for (const f of files) {
      const target = path.join(outDir, f.path);
      mkdirSync(path.dirname(target), { recursive: true });
      const tmp = tempName(target);
      const bytes = "copyFrom" in f ? readFileSync(f.copyFrom) : f.contents;
      const entry = { tmp, target, relative: f.path, hash: "" };
      staged.push(entry);
      entry.hash = writeHashed(tmp, bytes);
    }
  } catch (e) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw new DeckError(`cannot write into ${outDir}: ${describeWriteError(e)}; pass another folder with -o`, ExitCode.output);
  }
  for (const s of staged) renameSync(s.tmp, s.target);
  const now: Owned = { files: new Set(staged.map((s) => s.relative)), sha256: new Map() };
  for (const s of staged) now.sha256.set(s.relative, s.hash);
  // Files of an earlier build that this one no longer has; exports (PDFs) stay until rewritten.
  for (const old of owned.files) {
    if (now.files.has(old)) continue;
    const target = path.join(outDir, old);
    if (!existsSync(target) || !lstatSync(target).isFile()) continue;
    const expected = owned.sha256.get(old);
    // Edited since we wrote it: the user's now, so neither deleted nor claimed.
    if (expected && hashFile(target) !== expected) continue;
    if (old.endsWith(".pdf")) {
      now.files.add(old);
      if (expected) now.sha256.set(old, expected);
      continue;
    }
    rmSync(target, { force: true });
  }
  writeManifest(outDir, now);
  return { files: staged.map((s) => s.relative), sha256: Object.fromEntries(staged.map((s) => [s.relative, s.hash])) };
}

/** Add exported files (PDFs) to the manifest after they are written. */
export function recordOwned(outDir: string, relative: string[]): void {
  const owned = loadManifest(outDir);
  for (const r of relative) {
    if (!isSafeRelative(r)) continue;
    owned.files.add(r);
    const h = hashFile(path.join(outDir, r));
    if (h) owned.sha256.set(r, h);
  }
  writeManifest(outDir, owned);
}

export function tempName(target: string): string {
  return `${target}.essay-deck-tmp-${process.pid}`;
}

/** Write one file through a temporary name and a rename. */
export function writeFileAtomic(target: string, contents: string | Uint8Array): void {
  const tmp = tempName(target);
  try {
    writeFileSync(tmp, contents);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new DeckError(`cannot write ${target}: ${describeWriteError(e)}`, ExitCode.output);
  }
}
