/**
 * One writer at a time in an output folder. Two builds into one folder would interleave their
 * renames and manifests (a theme file lost from the manifest, a PDF printed from the other build's
 * index.html), so every writer holds `.essay-deck-lock` while it writes, and a build that exports
 * holds it from its HTML to its last PDF. A lock whose process is gone (killed, crashed, out of
 * memory) is stale and taken over; so is one not refreshed for STALE_MS (another machine's, on a
 * shared disk, or a process that hangs).
 */
import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import { TMP_MARKER } from "./manifest.js";
import { isAlive, processStart } from "./process.js";

export const LOCK = ".essay-deck-lock";
/** A live holder refreshes its lock this often; one older than STALE_MS is taken over. */
const REFRESH_MS = 5_000;
const STALE_MS = 60_000;
const POLL_MS = 50;

interface LockBody {
  pid: number;
  host: string;
  /** The holder's start time (Linux): a recycled pid is then not mistaken for the holder. */
  start: string | null;
  nonce: string;
}

interface Held {
  file: string;
  nonce: string;
  depth: number;
  timer: NodeJS.Timeout;
}

/** Folders this process holds, by lock file: a writer inside a held folder does not lock again. */
const held = new Map<string, Held>();
/** While a command keeps its locks (build + exports), writers do not release at their end. */
let keeping = 0;

export interface LockOptions {
  /** Told once when another essay-deck holds the folder and this one waits. */
  onWait?: (message: string) => void;
}

/** Hold the folder's lock (waiting for another writer to finish); returns the release. */
export function lockFolder(dir: string, options: LockOptions = {}): () => void {
  const file = path.join(dir, LOCK);
  const mine = held.get(file);
  if (mine) {
    mine.depth += 1;
    return () => release(file);
  }
  const body: LockBody = {
    pid: process.pid,
    host: os.hostname(),
    start: processStart(process.pid),
    nonce: randomBytes(8).toString("hex"),
  };
  let told = false;
  for (;;) {
    if (tryCreate(file, body)) break;
    const other = readLock(file);
    if (other === "gone") continue;
    if (isStale(file, other)) {
      takeOver(file, other);
      continue;
    }
    if (!told) {
      told = true;
      const who = other ? `pid ${other.pid}` : "another process";
      options.onWait?.(`waiting for another essay-deck (${who}) writing into ${dir}`);
    }
    sleep(POLL_MS);
  }
  const timer = setInterval(() => touch(file), REFRESH_MS);
  timer.unref();
  held.set(file, { file, nonce: body.nonce, depth: 1, timer });
  return () => release(file);
}

/**
 * Run `fn` keeping every folder lock a writer takes until it ends: `build --pdf` holds its output
 * folder from the HTML to the last PDF, so no other build writes index.html between them.
 */
export async function keepingLocks<T>(fn: () => Promise<T>): Promise<T> {
  keeping += 1;
  try {
    return await fn();
  } finally {
    keeping -= 1;
    if (keeping === 0) for (const file of [...held.keys()]) forceRelease(file);
  }
}

/** True when this process still holds the lock it took (nobody took it over as stale). */
export function stillHeld(dir: string): boolean {
  const mine = held.get(path.join(dir, LOCK));
  const body = mine ? readLock(mine.file) : null;
  return Boolean(mine && body && body !== "gone" && body.nonce === mine.nonce);
}

function release(file: string): void {
  const mine = held.get(file);
  if (!mine) return;
  mine.depth -= 1;
  if (mine.depth > 0 || keeping > 0) return;
  forceRelease(file);
}

function forceRelease(file: string): void {
  const mine = held.get(file);
  if (!mine) return;
  clearInterval(mine.timer);
  held.delete(file);
  const body = readLock(file);
  if (body && body !== "gone" && body.nonce === mine.nonce) rmSync(file, { force: true });
}

/** Create the lock with its content in one step: a reader never sees it empty. */
function tryCreate(file: string, body: LockBody): boolean {
  // Named as the writer's temporary files are: a process killed here leaves one the next removes.
  const tmp = `${file}${TMP_MARKER}${process.pid}-${body.nonce}`;
  try {
    writeFileSync(tmp, JSON.stringify(body));
    linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new DeckError(`cannot lock ${path.dirname(file)}: ${(e as NodeJS.ErrnoException).code ?? e}`, ExitCode.output);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The lock's holder; null when unreadable (not ours to judge by content), "gone" when removed meanwhile. */
function readLock(file: string): LockBody | null | "gone" {
  try {
    const body = JSON.parse(readFileSync(file, "utf8")) as Partial<LockBody>;
    return typeof body?.pid === "number" && typeof body.nonce === "string" ? (body as LockBody) : null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? "gone" : null;
  }
}

function isStale(file: string, body: LockBody | null): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(file).mtimeMs;
  } catch {
    return false;
  }
  if (age > STALE_MS) return true;
  if (!body || body.host !== os.hostname()) return false;
  if (body.pid === process.pid) return !held.has(file);
  if (!isAlive(body.pid)) return true;
  return body.start !== null && processStart(body.pid) !== body.start;
}

/**
 * Move the stale lock aside and check it is the one judged stale: another waiter may have taken
 * it over first, and its fresh lock is then put back.
 */
function takeOver(file: string, judged: LockBody | null): void {
  const aside = `${file}${TMP_MARKER}${process.pid}-stale-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(file, aside);
  } catch {
    return;
  }
  const moved = readLock(aside);
  const same = judged === null ? moved === null : moved !== null && moved !== "gone" && moved.nonce === judged.nonce;
  if (!same) {
    try {
      linkSync(aside, file);
    } catch {
      // A third writer locked meanwhile: theirs stands.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
}

function touch(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Removed under us: stillHeld() tells the writer before it commits.
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
/** The writer is synchronous (one build, nothing else to do meanwhile): wait without a busy loop. */
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}
