/**
 * What essay-deck wrote into an output folder, and the proof: `.essay-deck-manifest.json` lists each
 * file with the SHA-256 of its bytes as written. A manifest is read from the user's disk, so nothing
 * in it is believed alone: a file is essay-deck's only when it is listed with a hash, reached from
 * the folder without a symbolic link, a regular file, and still has that hash.
 */
import { createHash } from "node:crypto";
import { closeSync, lstatSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";

export const MANIFEST = ".essay-deck-manifest.json";
/** Written before the first rename of a write and removed after its manifest: see recoverFolder(). */
export const JOURNAL = ".essay-deck-journal.json";
/** Temporary names: a staging folder in the output folder, or a suffix beside a file outside it. */
export const TMP_MARKER = ".essay-deck-tmp-";

export interface Manifest {
  /** Files inside the folder, by relative path, with their hash as written. */
  files: Map<string, string>;
  /** Exports written outside the folder (`--pdf ../talk.pdf`), by absolute path, with their hash. */
  outside: Map<string, string>;
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * A plain relative path inside the folder: no "..", no absolute path, no empty segment, no NUL,
 * not one of the writer's own bookkeeping files (manifest, journal, lock, temporary names).
 */
export function isSafeRelative(p: unknown): p is string {
  if (typeof p !== "string" || p === "" || p.length > 1024 || p.includes("\0")) return false;
  if (path.isAbsolute(p) || path.win32.isAbsolute(p)) return false;
  const segments = p.split(/[\\/]/);
  if (segments.some((s) => s === ".." || s === "" || s === ".")) return false;
  const first = segments[0] as string;
  return ![MANIFEST, JOURNAL].includes(first) && !first.startsWith(".essay-deck-lock") && !p.includes(TMP_MARKER);
}

/** The manifest as the folder holds it; entries without a well-formed hash are not essay-deck's. */
export function loadManifest(dir: string): Manifest {
  const manifest: Manifest = { files: new Map(), outside: new Map() };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8"));
  } catch {
    return manifest;
  }
  if (data === null || typeof data !== "object") return manifest;
  const { sha256, outside } = data as { sha256?: unknown; outside?: unknown };
  for (const [key, hash] of entries(sha256)) if (isSafeRelative(key) && HASH.test(hash)) manifest.files.set(key, hash);
  for (const [key, hash] of entries(outside)) if (path.isAbsolute(key) && HASH.test(hash)) manifest.outside.set(key, hash);
  return manifest;
}

function entries(value: unknown): Array<[string, string]> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string");
}

export function writeManifest(dir: string, manifest: Manifest): void {
  const sort = (m: Map<string, string>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const sha256 = sort(manifest.files);
  const body = { generator: "essay-deck", files: Object.keys(sha256), sha256, outside: sort(manifest.outside) };
  replaceFile(path.join(dir, MANIFEST), `${JSON.stringify(body, null, 2)}\n`);
}

/**
 * What is at a path inside the folder, every segment looked at without following a link: a file,
 * nothing, or what is in the way (a link, a file where a folder should be, a folder) and where.
 */
export type Found = { kind: "missing" | "file" } | { kind: "link" | "notdir" | "dir" | "other"; at: string };

export function lookInside(dir: string, relative: string): Found {
  const segments = relative.split("/");
  let at = dir;
  for (let i = 0; i < segments.length; i++) {
    at = path.join(at, segments[i] as string);
    let stat: ReturnType<typeof lstatSync>;
    try {
      stat = lstatSync(at);
    } catch {
      return { kind: "missing" };
    }
    // A link anywhere: whatever lies behind it is not in the folder.
    if (stat.isSymbolicLink()) return { kind: "link", at };
    if (i === segments.length - 1) {
      if (stat.isFile()) return { kind: "file" };
      return { kind: stat.isDirectory() ? "dir" : "other", at };
    }
    if (!stat.isDirectory()) return { kind: "notdir", at };
  }
  return { kind: "missing" };
}

/** A file essay-deck wrote and nobody changed since: listed, in the folder, with its hash. */
export function isOurs(dir: string, relative: string, manifest: Manifest): boolean {
  const expected = manifest.files.get(relative);
  return expected !== undefined && lookInside(dir, relative).kind === "file" && hashFile(path.join(dir, relative)) === expected;
}

/** Bytes hashed at a time: a 33 MB page read whole would set a large build's peak memory. */
const CHUNK = 1 << 20;

export function hashFile(file: string): string | null {
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

/** A small file replaced whole: written beside, then renamed over. */
export function replaceFile(target: string, contents: string): void {
  const tmp = `${target}${TMP_MARKER}${process.pid}`;
  try {
    writeFileSync(tmp, contents);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new DeckError(`cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? e}`, ExitCode.output);
  }
}

/**
 * A write's intent, on disk before its first rename: for each path, the hash it had (in the
 * manifest) and the hash it is getting. Whatever instant the writer dies at, each such file holds
 * one of the two, and the next writer rebuilds the manifest from it.
 */
export interface Journal {
  before: Record<string, string>;
  after: Record<string, string>;
  outsideAfter: Record<string, string>;
}

export function writeJournal(dir: string, journal: Journal): void {
  replaceFile(path.join(dir, JOURNAL), JSON.stringify(journal));
}

export function removeJournal(dir: string): void {
  rmSync(path.join(dir, JOURNAL), { force: true });
}

/**
 * Finish what a killed writer left: with a journal, every file it names that holds its old or its
 * new hash is essay-deck's (with that hash), anything else is not; the manifest is rewritten so,
 * and the journal removed. Returns the manifest to go on with.
 */
export function recoverManifest(dir: string): Manifest {
  const manifest = loadManifest(dir);
  let journal: Partial<Journal>;
  try {
    journal = JSON.parse(readFileSync(path.join(dir, JOURNAL), "utf8")) as Partial<Journal>;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") removeJournal(dir);
    return manifest;
  }
  const before = new Map(entries(journal.before));
  const after = new Map(entries(journal.after));
  const paths = new Set([...manifest.files.keys(), ...before.keys(), ...after.keys()]);
  const files = new Map<string, string>();
  for (const p of paths) {
    if (!isSafeRelative(p) || lookInside(dir, p).kind !== "file") continue;
    const hash = hashFile(path.join(dir, p));
    const known = [manifest.files.get(p), before.get(p), after.get(p)];
    if (hash && known.includes(hash)) files.set(p, hash);
  }
  const outside = new Map(manifest.outside);
  for (const [p, expected] of entries(journal.outsideAfter)) {
    if (path.isAbsolute(p) && HASH.test(expected) && hashFile(p) === expected) outside.set(p, expected);
  }
  const recovered = { files, outside };
  writeManifest(dir, recovered);
  removeJournal(dir);
  return recovered;
}
