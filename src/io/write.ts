/**
 * The only writer of a deck: every file goes to a temporary name first and is renamed into place
 * once all are written, so a failed build leaves the previous deck whole. A manifest records what
 * essay-deck wrote; files it did not write are never overwritten or deleted.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import type { OutputFile } from "../render/index.js";

export const MANIFEST = ".essay-deck-manifest.json";

interface Manifest {
  generator: "essay-deck";
  files: string[];
}

export function readManifest(outDir: string): Set<string> {
  try {
    const data = JSON.parse(readFileSync(path.join(outDir, MANIFEST), "utf8")) as Partial<Manifest>;
    return new Set(Array.isArray(data.files) ? data.files.filter((f) => typeof f === "string") : []);
  } catch {
    return new Set();
  }
}

function writeManifest(outDir: string, files: Iterable<string>): void {
  const body = `${JSON.stringify({ generator: "essay-deck", files: [...files].sort() }, null, 2)}\n`;
  writeFileAtomic(path.join(outDir, MANIFEST), body);
}

export function prepareOutputDir(outDir: string): void {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new DeckError(`output path ${outDir} is a file: pass a folder with -o`, ExitCode.output);
  }
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw new DeckError(`cannot create output folder ${outDir}: ${(e as NodeJS.ErrnoException).code}`, ExitCode.output);
  }
}

/** Refuse to overwrite a file essay-deck did not write. */
export function assertOwned(outDir: string, relative: string, owned: Set<string>): void {
  const target = path.join(outDir, relative);
  if (existsSync(target) && !owned.has(relative)) {
    throw new DeckError(
      `${target} exists and was not written by essay-deck: pass another folder with -o, or move that file away`,
      ExitCode.output,
    );
  }
}

/** Write a whole deck into outDir; returns the paths written, relative to outDir. */
export function writeDeck(outDir: string, files: OutputFile[]): string[] {
  prepareOutputDir(outDir);
  const owned = readManifest(outDir);
  for (const f of files) {
    if (path.isAbsolute(f.path) || f.path.split(/[\\/]/).includes("..")) {
      throw new Error(`output path escapes the output folder: ${f.path}`);
    }
    assertOwned(outDir, f.path, owned);
  }
  const staged: Array<{ tmp: string; target: string }> = [];
  try {
    for (const f of files) {
      const target = path.join(outDir, f.path);
      mkdirSync(path.dirname(target), { recursive: true });
      const tmp = tempName(target);
      staged.push({ tmp, target });
      if ("copyFrom" in f) copyFileSync(f.copyFrom, tmp);
      else writeFileSync(tmp, f.contents);
    }
  } catch (e) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw new DeckError(`cannot write into ${outDir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, ExitCode.output);
  }
  for (const s of staged) renameSync(s.tmp, s.target);
  const written = files.map((f) => f.path);
  const now = new Set(written);
  // Files of an earlier build that this one no longer has; exports (PDFs) stay until rewritten.
  for (const old of owned) {
    if (now.has(old)) continue;
    if (old.endsWith(".pdf") && existsSync(path.join(outDir, old))) {
      now.add(old);
      continue;
    }
    rmSync(path.join(outDir, old), { force: true });
  }
  writeManifest(outDir, now);
  return written;
}

/** Add exported files (PDFs) to the manifest after they are written. */
export function recordOwned(outDir: string, relative: string[]): void {
  const owned = readManifest(outDir);
  for (const r of relative) owned.add(r);
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
    throw new DeckError(`cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, ExitCode.output);
  }
}
