/**
 * The only writer of an output folder. Under the folder's lock it first finishes what a killed
 * writer left (its journal, its temporary files), then writes every new file into a staging folder,
 * records its intent in a journal, renames the files into place, and writes the manifest: a crash
 * at any instant leaves the earlier deck or the new one, and a state the next writer repairs. A file
 * is replaced or deleted only when the manifest and its hash prove essay-deck wrote it, and no path
 * is followed through a symbolic link.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import type { OutputFile } from "../render/index.js";
import { describeWriteError, hashContents, writeStaged } from "./file-bytes.js";
import { lockFolder, stillHeld } from "./lock.js";
import {
  hashFile,
  isOurs,
  isSafeRelative,
  loadManifest,
  lookInside,
  type Manifest,
  recoverManifest,
  removeJournal,
  TMP_MARKER,
  writeJournal,
  writeManifest,
} from "./manifest.js";
import { isLeftover } from "./process.js";

export { describeWriteError } from "./file-bytes.js";
export { isSafeRelative, MANIFEST } from "./manifest.js";

export interface WriteOptions {
  /** Told once when another essay-deck holds the folder and this writer waits for it. */
  onWait?: (message: string) => void;
}

export function prepareOutputDir(outDir: string): void {
  if (path.parse(outDir).root === outDir) {
    throw new DeckError(`${outDir} is the root of the file system: pass a folder for the deck with -o`, ExitCode.output);
  }
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

/** Refuse to replace what is at `relative` unless it is missing or essay-deck's own, unchanged. */
function checkTarget(outDir: string, relative: string, manifest: Manifest, ours = provenOurs(outDir, manifest)): void {
  const target = path.join(outDir, relative);
  const found = lookInside(outDir, relative);
  if (found.kind === "missing" || found.kind === "notdir") return;
  if (found.kind === "link") {
    throw new DeckError(
      `${found.at} is a symbolic link: essay-deck writes only inside the output folder; remove the link, or pass another folder with -o`,
      ExitCode.output,
    );
  }
  if (found.kind === "file" && ours(relative)) return;
  if (found.kind === "file" && manifest.files.has(relative)) {
    throw new DeckError(
      `${target} was changed since essay-deck wrote it: move your edited copy away, or pass another folder with -o`,
      ExitCode.output,
    );
  }
  throw new DeckError(
    `${target} exists and was not written by essay-deck: pass another folder with -o, or move that file away`,
    ExitCode.output,
  );
}

/** The manifest's check for one path, for callers outside the writer (exports before they print). */
export function assertOwned(outDir: string, relative: string, _owned?: Set<string>): void {
  checkTarget(outDir, relative, loadManifest(outDir));
}

/** The files essay-deck can prove it wrote into outDir. */
export function readManifest(outDir: string): Set<string> {
  const manifest = loadManifest(outDir);
  return new Set([...manifest.files.keys()].filter((f) => isOurs(outDir, f, manifest)));
}

export interface WrittenDeck {
  /** The paths written, relative to outDir. */
  files: string[];
  /** SHA-256 (hex) of each file as written, by relative path: what the manifest records. */
  sha256: Record<string, string>;
}

/** Files `build --pdf/--handout/--pptx` writes beside the deck: a later build without the flag keeps them. */
const isExport = (relative: string): boolean => /\.(pdf|pptx)$/i.test(relative);

interface Staged {
  relative: string;
  /** The staged copy; null when the folder already holds these very bytes (see stage()). */
  tmp: string | null;
  hash: string;
}

/**
 * isOurs, remembered for one write: a file's proof is a hash of its bytes, and a build asks it twice
 * (may it be replaced? may it be removed?), for a 1,600-point deck a 3 MB page each time.
 */
function provenOurs(outDir: string, manifest: Manifest): (relative: string) => boolean {
  const known = new Map<string, boolean>();
  return (relative) => {
    const ours = known.get(relative) ?? isOurs(outDir, relative, manifest);
    known.set(relative, ours);
    return ours;
  };
}

/** Write a whole deck into outDir. */
export function writeDeck(outDir: string, files: OutputFile[], options: WriteOptions = {}): WrittenDeck {
  prepareOutputDir(outDir);
  return underLock(outDir, options, (manifest) => {
    const ours = provenOurs(outDir, manifest);
    for (const f of files) {
      if (!isSafeRelative(f.path)) throw new Error(`output path escapes the output folder: ${f.path}`);
      checkTarget(outDir, f.path, manifest, ours);
    }
    const staged = stage(outDir, files, (relative) => (ours(relative) ? manifest.files.get(relative) : undefined));
    const kept = new Set(files.map((f) => f.path));
    const remove: string[] = [];
    const next = new Map<string, string>();
    for (const [old, hash] of manifest.files) {
      if (kept.has(old) || !ours(old)) continue;
      // Exports stay until rewritten; other files of an earlier build that this one lacks go.
      if (isExport(old)) next.set(old, hash);
      else remove.push(old);
    }
    commit(outDir, manifest, staged, remove, next);
    return { files: staged.map((s) => s.relative), sha256: Object.fromEntries(staged.map((s) => [s.relative, s.hash])) };
  });
}

/**
 * Write one exported file (a PDF, a PPTX). Inside the output folder it follows the deck's rules;
 * outside it (`--pdf ../talk.pdf`) it may replace only a file the manifest recorded there, unchanged.
 */
export function writeExport(outDir: string, target: string, bytes: Uint8Array, options: WriteOptions = {}): void {
  const relative = insideRelative(outDir, target);
  underLock(outDir, options, (manifest) => {
    if (relative !== null) {
      checkTarget(outDir, relative, manifest);
      const staged = stage(outDir, [{ path: relative, contents: bytes }], () => undefined);
      const next = new Map([...manifest.files].filter(([f]) => f !== relative && isOurs(outDir, f, manifest)));
      commit(outDir, manifest, staged, [], next);
      return;
    }
    checkOutside(target, manifest);
    try {
      mkdirSync(path.dirname(target), { recursive: true });
    } catch (e) {
      throw new DeckError(`cannot create ${path.dirname(target)}: ${describeWriteError(e)}`, ExitCode.output);
    }
    removeLeftoversBeside(target);
    const tmp = `${target}${TMP_MARKER}${process.pid}`;
    const hash = writeStaged(tmp, bytes, `cannot write ${target}`);
    writeJournal(outDir, { before: {}, after: {}, outsideAfter: { [target]: hash } });
    renameSync(tmp, target);
    manifest.outside.set(target, hash);
    writeManifest(outDir, manifest);
    removeJournal(outDir);
  });
}

/** Before printing: would writeExport accept this target? */
export function assertExportTarget(outDir: string, target: string): void {
  const relative = insideRelative(outDir, target);
  if (relative !== null) checkTarget(outDir, relative, loadManifest(outDir));
  else checkOutside(target, loadManifest(outDir));
}

function insideRelative(outDir: string, target: string): string | null {
  const relative = path.relative(outDir, target).split(path.sep).join("/");
  return isSafeRelative(relative) ? relative : null;
}

function checkOutside(target: string, manifest: Manifest): void {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(target);
  } catch {
    return;
  }
  const expected = manifest.outside.get(target);
  if (stat.isFile() && expected !== undefined && hashFile(target) === expected) return;
  throw new DeckError(
    `${target} exists and was not written by essay-deck (or was changed since): pass another file name, or move that file away`,
    ExitCode.output,
  );
}

/** Lock the folder, clear a killed writer's leftovers, and run `fn` on the manifest it proves. */
function underLock<T>(outDir: string, options: WriteOptions, fn: (manifest: Manifest) => T): T {
  const release = lockFolder(outDir, options);
  try {
    removeLeftovers(outDir);
    return fn(recoverManifest(outDir));
  } finally {
    release();
  }
}

/** Temporary files and staging folders of writers that are gone, in the folder and beside its files. */
function removeLeftovers(outDir: string): void {
  const dirs = new Set([outDir]);
  for (const f of loadManifest(outDir).files.keys()) dirs.add(path.join(outDir, path.dirname(f)));
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names)
      if (name.includes(TMP_MARKER) && isLeftover(name, TMP_MARKER))
        rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

function removeLeftoversBeside(target: string): void {
  const prefix = `${path.basename(target)}${TMP_MARKER}`;
  let names: string[] = [];
  try {
    names = readdirSync(path.dirname(target));
  } catch {
    return;
  }
  for (const name of names)
    if (name.startsWith(prefix) && isLeftover(name, TMP_MARKER)) rmSync(path.join(path.dirname(target), name), { force: true });
}

const stagingDir = (outDir: string): string => path.join(outDir, `${TMP_MARKER}${process.pid}`);

/**
 * Every file to a staging folder, its folders made in place (never through a link): nothing replaced
 * yet. A file already in the folder with the same bytes (`inPlace`: the hash of a file there proven
 * essay-deck's) is not written again: rebuilding an unchanged deck rewrites none of reveal.js, the
 * themes or the page.
 */
function stage(outDir: string, files: OutputFile[], inPlace: (relative: string) => string | undefined): Staged[] {
  const staging = stagingDir(outDir);
  const staged: Staged[] = [];
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    for (const [i, f] of files.entries()) {
      const present = inPlace(f.path);
      const tmp = path.join(staging, String(i));
      if ("pieces" in f) {
        // A page made piece by piece is hashed as it is written: its bytes are never all held at once.
        makeFolders(outDir, path.posix.dirname(f.path));
        const hash = writeStaged(tmp, f.pieces);
        if (hash === present) rmSync(tmp);
        staged.push({ relative: f.path, tmp: hash === present ? null : tmp, hash });
        continue;
      }
      const bytes = "copyFrom" in f ? readFileSync(f.copyFrom) : f.contents;
      // A new file is hashed as it is written; one that may be in place, before.
      if (present !== undefined && hashContents(bytes) === present) {
        staged.push({ relative: f.path, tmp: null, hash: present });
        continue;
      }
      makeFolders(outDir, path.posix.dirname(f.path));
      staged.push({ relative: f.path, tmp, hash: writeStaged(tmp, bytes) });
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    // Only the file system's errors are the folder's: one raised while a page's pieces were
    // rendered is the renderer's, and goes on as it is.
    if (e instanceof DeckError || typeof (e as NodeJS.ErrnoException)?.code !== "string") throw e;
    throw new DeckError(`cannot write into ${outDir}: ${describeWriteError(e)}; pass another folder with -o`, ExitCode.output);
  }
  return staged;
}

/** The folders of a path inside outDir, made one by one; a link among them is refused. */
function makeFolders(outDir: string, relative: string): void {
  if (relative === "." || relative === "") return;
  let at = outDir;
  for (const segment of relative.split("/")) {
    at = path.join(at, segment);
    let stat: ReturnType<typeof lstatSync> | undefined;
    try {
      stat = lstatSync(at);
    } catch {
      mkdirSync(at);
      continue;
    }
    if (stat.isSymbolicLink()) {
      throw new DeckError(
        `${at} is a symbolic link: essay-deck writes only inside the output folder; remove the link, or pass another folder with -o`,
        ExitCode.output,
      );
    }
    if (!stat.isDirectory()) throw Object.assign(new Error(`${at} is a file`), { code: "ENOTDIR" });
  }
}

/**
 * Journal, renames, manifest, in that order. Before the journal the old deck stands whole; after
 * it, every path holds its old or its new bytes whatever instant the process dies at, and the
 * journal tells the next writer which hashes are essay-deck's.
 */
function commit(outDir: string, manifest: Manifest, staged: Staged[], remove: string[], next: Map<string, string>): void {
  if (!stillHeld(outDir)) {
    rmSync(stagingDir(outDir), { recursive: true, force: true });
    throw new DeckError(`another essay-deck took over ${outDir} while this one wrote: build again`, ExitCode.output);
  }
  const before: Record<string, string> = {};
  const after: Record<string, string> = {};
  const moved = staged.filter((s): s is Staged & { tmp: string } => s.tmp !== null);
  for (const s of moved) {
    const old = manifest.files.get(s.relative);
    if (old) before[s.relative] = old;
    after[s.relative] = s.hash;
  }
  for (const r of remove) before[r] = manifest.files.get(r) as string;
  writeJournal(outDir, { before, after, outsideAfter: {} });
  for (const s of moved) renameSync(s.tmp, path.join(outDir, s.relative));
  for (const r of remove) rmSync(path.join(outDir, r), { force: true });
  for (const s of staged) next.set(s.relative, s.hash);
  writeManifest(outDir, { files: next, outside: manifest.outside });
  removeJournal(outDir);
  rmSync(stagingDir(outDir), { recursive: true, force: true });
}

/** Write one file through a temporary name and a rename (templates ejected into a folder of the user's). */
export function writeFileAtomic(target: string, contents: string | Uint8Array): void {
  removeLeftoversBeside(target);
  const tmp = `${target}${TMP_MARKER}${process.pid}`;
  rmSync(tmp, { force: true });
  writeStaged(tmp, contents, `cannot write ${target}`);
  try {
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new DeckError(`cannot write ${target}: ${describeWriteError(e)}`, ExitCode.output);
  }
}
