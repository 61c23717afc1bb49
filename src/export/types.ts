/**
 * What every export of a built deck is: a format asked for by a flag, that reads the planned Deck
 * and the written deck and gives back files, which the runner writes through the one writer. A
 * new format is one module listed in src/export/index.ts.
 */
import type { Browser } from "puppeteer-core";
import type { DeckSettings } from "../config/settings.js";
import type { Deck } from "../model/deck.js";

export interface ExportLog {
  info: (message: string) => void;
  warn: (message: string) => void;
}

/** Every export flag of `build`. */
export interface ExportFlags {
  pdf?: boolean | string;
  handout?: boolean | string;
  handoutLayout?: "notes" | "2up" | "3up";
  pptx?: boolean | string;
  png?: boolean | string;
  pngScale?: string;
  singleFile?: boolean;
  browserPath?: string;
  browserTimeout?: string;
}

/** Where the deck is, for naming the exports: defaults sit beside index.html, named after the essay. */
export interface ExportWhere {
  cwd: string;
  outDir: string;
  essayPath: string;
}

/** The built deck an exporter reads. */
export interface BuiltDeck {
  deck: Deck;
  outDir: string;
  essayPath: string;
  settings: DeckSettings;
  /** The user's stylesheets (theme file, extra CSS) as text, for formats that map the theme. */
  stylesheets: string[];
}

/** A file an exporter made, to be written at `path` (absolute). */
export interface ExportedFile {
  kind: "file";
  path: string;
  bytes: Uint8Array;
  /** What the log says after "wrote <path>: ". */
  summary: string;
}

/** A folder of files (PNG slides): written as one set, with a manifest of its own. */
export interface ExportedFolder {
  kind: "folder";
  dir: string;
  files: Array<{ name: string; bytes: Uint8Array }>;
  summary: string;
}

export type Exported = ExportedFile | ExportedFolder;

export interface ExportContext {
  built: BuiltDeck;
  flags: ExportFlags;
  where: ExportWhere;
  log: ExportLog;
  creator: string;
  /** The build's one browser, for the formats that need one (the runner's session owns it). */
  browser: () => Promise<Browser>;
  /**
   * Says the format needs the browser no more while it finishes its files: the last format to use
   * the browser lets it close meanwhile; for the others this does nothing.
   */
  doneWithBrowser: () => void;
  /** Bounds every wait on the browser (ms). */
  timeout: number;
}

export interface Exporter {
  /** The format's name in messages: "PPTX". */
  name: string;
  /** The flags that ask for it, for messages: "--pptx". */
  flags: string;
  wanted: (flags: ExportFlags) => boolean;
  /** The flags checked on their own, before the essay is read, so a bad flag costs no build. */
  check: (flags: ExportFlags, where: Omit<ExportWhere, "essayPath">) => void;
  /** The paths it will write, once the essay (which names the defaults) is known. */
  targets: (flags: ExportFlags, where: ExportWhere) => string[];
  /** Needs Chromium: slow, so refused by --watch. */
  browser: boolean;
  run: (ctx: ExportContext) => Promise<Exported[]>;
  /** Loads the format's code, while the browser starts (formats that need it). */
  preload?: () => Promise<unknown>;
}

/** The essay's file name without its extension: `essay.txt` → `essay`, the default exports' stem. */
export const exportName = (essayPath: string): string =>
  essayPath.replace(/^.*[\\/]/, "").replace(/\.(txt|md|markdown|text)$/i, "");
