/**
 * What a folder build remembers between runs, in `.essay-deck-site.json` inside the site: each
 * deck's inputs (a hash of the essay, its config and flags, and of every file it was built from)
 * and what the index page shows of it. An essay whose inputs did not change, and whose deck is
 * still as written, is not built again.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isSafeRelative } from "../io/write.js";
import type { DeckSummary } from "../model/deck.js";

export type { DeckSummary };

export const SITE_STATE = ".essay-deck-site.json";

export interface DeckRecord {
  /** Hash of the essay's bytes, its config file, the flags and essay-deck itself. */
  key: string;
  /** Files the deck was built from besides the essay (themes, CSS, templates, images), with their hashes. */
  sources: Record<string, string>;
  /** SHA-256 of the deck's index.html as written. */
  index: string;
  summary: DeckSummary;
  /** PDFs written for the deck, relative to its folder. */
  pdfs: Array<{ kind: "slides" | "handout"; file: string }>;
  /** The title slide's picture, relative to the deck's folder. */
  thumbnail?: string;
  /** Files of essay-deck's own the deck links from the site's assets/: path → where it was copied from. */
  shared?: Record<string, string>;
}

export interface SiteState {
  generator: "essay-deck";
  decks: Record<string, DeckRecord>;
}

export function sha256(bytes: string | Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The hash of a file's bytes, or null when it cannot be read. */
export function hashOf(file: string): string | null {
  try {
    return sha256(readFileSync(file));
  } catch {
    return null;
  }
}

/** The state of an earlier build; an unreadable or foreign one is no state (everything builds). */
export function readSiteState(siteDir: string): SiteState {
  const empty: SiteState = { generator: "essay-deck", decks: {} };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path.join(siteDir, SITE_STATE), "utf8"));
  } catch {
    return empty;
  }
  const decks = (data as Partial<SiteState> | null)?.decks;
  if (!decks || typeof decks !== "object" || (data as SiteState).generator !== "essay-deck") return empty;
  const out: Record<string, DeckRecord> = Object.create(null);
  for (const [name, record] of Object.entries(decks)) {
    // Read from the user's disk: only well-formed records of plain relative names are kept.
    if (!name.split("/").every((s) => isSafeRelative(s)) || !isRecord(record)) continue;
    out[name] = record;
  }
  return { generator: "essay-deck", decks: out };
}

function isRecord(r: unknown): r is DeckRecord {
  const x = r as Partial<DeckRecord> | null;
  return (
    typeof x?.key === "string" &&
    typeof x.index === "string" &&
    typeof x.sources === "object" &&
    x.sources !== null &&
    typeof x.summary?.title === "string" &&
    typeof x.summary.slides === "number" &&
    Array.isArray(x.pdfs) &&
    x.pdfs.every((p) => typeof p?.file === "string" && isSafeRelative(p.file))
  );
}

/**
 * What makes this essay-deck itself: its version, and when its code and templates were installed
 * or last built, so a changed essay-deck builds every deck again.
 */
export function generatorStamp(packageRoot: string, version: string): string {
  const mtime = (p: string) => statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const code = path.join(packageRoot, "lib", "templates.precompiled.cjs");
  return `${version}:${mtime(code)}:${mtime(path.join(packageRoot, "templates"))}:${mtime(path.join(packageRoot, "templates", "partials"))}`;
}

/** True when every recorded source file still has the hash it had. */
export function sourcesUnchanged(sources: Record<string, string>): boolean {
  return Object.entries(sources).every(([file, hash]) => hashOf(file) === hash);
}
