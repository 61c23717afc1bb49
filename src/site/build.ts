/**
 * A folder of essays → a site: each essay's deck in a folder of its own (`site/<name>/index.html`),
 * reveal.js and the built-in themes written once under `site/assets/`, and `site/index.html` listing
 * the decks. One essay failing does not stop the others; an essay that did not change is not built
 * again (see state.ts).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { type BuildOptions, deckFromEssay, type LoadedEssay, loadEssay, renderPieces } from "../build.js";
import { CONFIG_FILE, type LoadedConfig, loadConfig } from "../config/load.js";
import { DeckError, ExitCode, type ExitCodeValue } from "../errors.js";
import { listEssays } from "../io/input.js";
import { packageRoot, packageVersion, revealDist, templatesDir } from "../io/paths.js";
import { isSafeRelative, MANIFEST, readManifest, writeDeck } from "../io/write.js";
import type { Deck } from "../model/deck.js";
import type { OutputFile } from "../render/index.js";
import { type SiteEssay, siteNames, upToSite } from "./names.js";
import {
  type DeckRecord,
  type DeckSummary,
  generatorStamp,
  hashOf,
  readSiteState,
  SITE_STATE,
  type SiteState,
  sha256,
  sourcesUnchanged,
} from "./state.js";

export interface SiteOptions extends Omit<BuildOptions, "input" | "keepHtml"> {
  /** The folder of essays. */
  input: string;
  recursive?: boolean;
  /** Called once an essay is done, with `[3/40] name: 23 slides`. */
  progress?: (line: string, deck: SiteDeck) => void;
  /** The PDFs asked for: a deck that lacks one is built again, to be printed. */
  pdfs?: Array<"slides" | "handout">;
}

export interface SiteDeck {
  name: string;
  essayPath: string;
  /** The deck's own folder inside the site. */
  outDir: string;
  status: "built" | "unchanged" | "failed";
  /** Why it failed (a DeckError for the user's mistakes). */
  error?: unknown;
  /** The planned deck, when it was built this time. */
  deck?: Deck;
  /** What the index shows: this build's, or the last good build's for an unchanged or failed essay. */
  record?: DeckRecord;
  warnings: string[];
}

export interface SiteResult {
  root: string;
  outDir: string;
  decks: SiteDeck[];
  /** Files shared by the decks (reveal.js, themes), by path inside the site. */
  shared: Map<string, string>;
  state: SiteState;
  /** About the folder as a whole (each essay's own warnings are on its SiteDeck). */
  warnings: string[];
  /** The config every essay of the folder without its own reads (--config, or the folder's), if any. */
  folderConfig: LoadedConfig | null;
}

/** Files of essay-deck's own (reveal.js, built-in themes and stylesheets): the same for every deck, so shared. */
export function isPackageFile(copyFrom: string): boolean {
  const inside = (dir: string) => {
    const rel = path.relative(dir, copyFrom);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  return inside(templatesDir) || inside(revealDist());
}

/** What every essay of a folder build shares: where things are, and what the last build left. Plain data. */
export interface SitePlan {
  root: string;
  outDir: string;
  cwd: string;
  essays: SiteEssay[];
  previous: SiteState;
  /** What makes this essay-deck itself (generatorStamp). */
  stamp: string;
}

/** Find the essays of the folder and read what the last build left; refuse an output folder that is not a site's. */
export function planSite(options: SiteOptions): SitePlan {
  const cwd = options.cwd ?? process.cwd();
  const root = path.resolve(cwd, options.input);
  const outDir = path.resolve(cwd, options.outDir ?? "dist");
  const essays = siteNames(root, listEssays(root, { recursive: options.recursive, exclude: outDir }));
  if (essays.length === 0) {
    throw new DeckError(`no essay (.txt or .md) in folder ${root}: add essays, or pass one essay file`, ExitCode.inputMissing);
  }
  refuseSingleDeck(outDir);
  return { root, outDir, cwd, essays, previous: readSiteState(outDir), stamp: generatorStamp(packageRoot, packageVersion()) };
}

/**
 * Build one essay of the folder into its deck folder, or find it unchanged. Never throws: a failure
 * is the deck's `error`. Runs in a worker too, so everything it takes and gives is plain data.
 */
export function buildSiteDeck(essay: SiteEssay, plan: SitePlan, options: Omit<SiteOptions, "progress">): SiteDeck {
  const { cwd, root, previous } = plan;
  const deckDir = deckFolder(essay, plan);
  const done: SiteDeck = { name: essay.name, essayPath: essay.path, outDir: deckDir, status: "failed", warnings: [] };
  const before = previous.decks[essay.name];
  try {
    const config = configFor(essay.path, root, options.config);
    const key = deckKey(essay, plan, options, config);
    if (before && isUnchanged(before, key, deckDir, options.pdfs)) return unchanged(essay, plan, before);
    const loaded = loadEssay({ ...options, input: essay.path, cwd, config });
    done.warnings = loaded.warnings;
    const deck = deckFromEssay(loaded);
    const files = renderPieces(deck, loaded, options.allowHtml, { prefix: upToSite(essay.name), isShared: isPackageFile });
    const own = files.filter((f) => !("copyFrom" in f && isPackageFile(f.copyFrom)));
    const written = writeDeck(deckDir, own);
    const shared: Record<string, string> = {};
    for (const f of files) if ("copyFrom" in f && isPackageFile(f.copyFrom)) shared[f.path] = f.copyFrom;
    const record: DeckRecord = {
      key,
      sources: sourcesOf(loaded, files),
      index: written.sha256["index.html"] ?? "",
      summary: summarize(deck),
      pdfs: before?.pdfs.filter((p) => existsSync(path.join(deckDir, p.file))) ?? [],
      ...(before?.thumbnail ? { thumbnail: before.thumbnail } : {}),
      shared,
    };
    return { ...done, status: "built", deck, record };
  } catch (e) {
    // The index keeps listing the last deck that built, marked as failed this time.
    return { ...done, error: e, ...(before ? { record: before } : {}) };
  }
}

const deckFolder = (essay: SiteEssay, plan: SitePlan): string => path.join(plan.outDir, ...essay.name.split("/"));

/** What an essay's deck is made from, hashed: essay-deck itself, the essay, its config, the flags. */
function deckKey(essay: SiteEssay, plan: SitePlan, options: Omit<SiteOptions, "progress">, config: string | undefined): string {
  const configFile = config ? path.resolve(plan.cwd, config) : path.join(path.dirname(essay.path), CONFIG_FILE);
  return sha256(
    JSON.stringify([
      plan.stamp,
      essay.name,
      hashOf(essay.path),
      hashOf(configFile),
      options.flags ?? {},
      options.encoding ?? null,
      Boolean(options.allowHtml),
    ]),
  );
}

/** The same inputs, the same theme and template files, and the deck still as written. */
function isUnchanged(before: DeckRecord, key: string, deckDir: string, pdfs: readonly string[] = []): boolean {
  const printed = pdfs.every((kind) => before.pdfs.some((p) => p.kind === kind && existsSync(path.join(deckDir, p.file))));
  return (
    before.key === key && printed && hashOf(path.join(deckDir, "index.html")) === before.index && sourcesUnchanged(before.sources)
  );
}

function unchanged(essay: SiteEssay, plan: SitePlan, before: DeckRecord): SiteDeck {
  const deck = { name: essay.name, essayPath: essay.path, outDir: deckFolder(essay, plan), warnings: [] };
  return { ...deck, status: "unchanged", record: { ...before, shared: sharedOf(before) } };
}

/** The essay's deck as the last build left it, when nothing it is made from changed; else null (it must be built). */
export function unchangedDeck(essay: SiteEssay, plan: SitePlan, options: Omit<SiteOptions, "progress">): SiteDeck | null {
  const before = plan.previous.decks[essay.name];
  try {
    const key = deckKey(essay, plan, options, configFor(essay.path, plan.root, options.config));
    return before && isUnchanged(before, key, deckFolder(essay, plan), options.pdfs) ? unchanged(essay, plan, before) : null;
  } catch {
    return null; // unreadable now: building it says why
  }
}

/** The progress line of one essay: `[3/40] talk: 22 slides`. */
export const progressLine = (d: SiteDeck, done: number, total: number): string => `[${done}/${total}] ${d.name}: ${describe(d)}`;

/** The site's result from its decks, in the folder's order: the shared files, the state to keep, the warnings. */
export function finishSite(plan: SitePlan, decks: SiteDeck[], options: SiteOptions): SiteResult {
  const state: SiteState = { generator: "essay-deck", decks: Object.create(null) };
  const shared = new Map<string, string>();
  for (const d of decks) {
    if (!d.record) continue;
    state.decks[d.name] = d.record;
    for (const [p, from] of Object.entries(sharedOf(d.record))) shared.set(p, from);
  }
  const folderConfig = readFolderConfig(plan, options.config);
  const warnings = sharedIdentity(folderConfig, decks.length);
  return { root: plan.root, outDir: plan.outDir, decks, shared, state, warnings, folderConfig };
}

/** Build every essay of a folder, one after the other, into its own deck folder; the caller then writes the index. */
export function buildSiteDecks(options: SiteOptions): SiteResult {
  const plan = planSite(options);
  const { progress, ...rest } = options;
  const decks = plan.essays.map((essay, i) => {
    const d = buildSiteDeck(essay, plan, rest);
    progress?.(progressLine(d, i + 1, plan.essays.length), d);
    return d;
  });
  return finishSite(plan, decks, options);
}

/** The config file an essay of the folder reads: --config, else its own, else the folder's (which applies to all). */
export function configFor(essayPath: string, root: string, explicit?: string): string | undefined {
  if (explicit) return explicit;
  if (existsSync(path.join(path.dirname(essayPath), CONFIG_FILE))) return undefined;
  const shared = path.join(root, CONFIG_FILE);
  return existsSync(shared) ? shared : undefined;
}

/** Keys that name one deck: in a config every essay of the folder reads, each deck gets the same. */
const IDENTITY_KEYS = ["title", "subtitle"];

function sharedIdentity(config: LoadedConfig | null, essays: number): string[] {
  const raw = config?.raw as Record<string, unknown> | null | undefined;
  const keys = essays < 2 ? [] : IDENTITY_KEYS.filter((k) => typeof raw?.[k] === "string");
  return keys.length === 0
    ? []
    : [
        `${path.basename(config?.path ?? CONFIG_FILE)} sets ${keys.map((k) => `"${k}"`).join(" and ")} for every essay of the folder: give each essay its own (a title line or front matter), or move that config beside one essay`,
      ];
}

/** The folder's own config (or --config), read once for the site; a broken one is reported by the decks that read it. */
function readFolderConfig(plan: SitePlan, explicit: string | undefined): LoadedConfig | null {
  try {
    return loadConfig(path.join(plan.root, "index"), explicit, plan.cwd);
  } catch {
    return null;
  }
}

/**
 * A site is not written over the deck of a single essay (its index.html would become the site's):
 * the user picks another folder, or removes the old deck.
 */
function refuseSingleDeck(outDir: string): void {
  if (!existsSync(path.join(outDir, MANIFEST)) || existsSync(path.join(outDir, SITE_STATE))) return;
  if (!readManifest(outDir).has("index.html")) return;
  throw new DeckError(
    `${outDir} holds the deck of a single essay: pass another folder with -o for the decks of a folder, or delete that deck first`,
    ExitCode.output,
  );
}

function describe(d: SiteDeck): string {
  if (d.status === "failed") {
    const why = d.error instanceof DeckError ? d.error.message : `internal error: ${(d.error as Error)?.message ?? d.error}`;
    return `failed: ${why}`;
  }
  const slides = d.record?.summary.slides ?? 0;
  return d.status === "unchanged" ? `unchanged (${slides} slides)` : `${slides} slides`;
}

function summarize(deck: Deck): DeckSummary {
  const seconds = deck.slides.reduce((sum, s) => sum + (s.kind === "title" ? 0 : (s.speaking?.seconds ?? 0)), 0);
  const title = deck.slides[0];
  const own = title?.kind === "title" ? (title.speaking?.seconds ?? 0) : 0;
  return {
    title: deck.title,
    ...(deck.subtitle ? { subtitle: deck.subtitle } : {}),
    ...(deck.author ? { author: deck.author } : {}),
    ...(deck.date ? { date: deck.date } : {}),
    lang: deck.lang,
    slides: deck.slides.length,
    seconds: seconds + own,
    size: deck.size,
  };
}

/** Every file the deck was made from besides the essay and its config, with its hash. */
function sourcesOf(loaded: LoadedEssay, files: OutputFile[]): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const f of files) {
    if (!("copyFrom" in f)) continue;
    const h = hashOf(f.copyFrom);
    if (h) sources[f.copyFrom] = h;
  }
  const s = loaded.settings;
  if (s.templateDir)
    for (const file of filesUnder(path.resolve(loaded.settingsDir, s.templateDir))) {
      const h = hashOf(file);
      if (h) sources[file] = h;
    }
  return sources;
}

/** Every file in a folder and its subfolders (a user's templates: a few dozen at most). */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The shared files a deck linked, as recorded. The record comes from the disk, so only files of
 * essay-deck's own, at plain paths under assets/, are taken from it.
 */
function sharedOf(record: DeckRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [p, from] of Object.entries(record.shared ?? {})) {
    if (typeof from === "string" && isSafeRelative(p) && p.startsWith("assets/") && isPackageFile(from)) out[p] = from;
  }
  return out;
}

/** The exit code of a folder build: the first failed essay's, or 0. */
export function siteExitCode(decks: readonly SiteDeck[]): ExitCodeValue {
  const failed = decks.find((d) => d.status === "failed");
  if (!failed) return ExitCode.ok;
  return failed.error instanceof DeckError ? failed.error.exitCode : ExitCode.internal;
}
