/**
 * The exports of `build`: each format asked for runs after the HTML build, on the planned deck and
 * the written files: those that need no browser first, then those that need Chromium in one browser
 * session (withBrowser: Ctrl-C ends it and exits 130). Every file is written through the one writer,
 * and only once all formats succeeded, so a failure or Ctrl-C leaves the earlier exports as they were.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import type { DeckSettings } from "../config/settings.js";
import { DeckError, ExitCode } from "../errors.js";
import { displayPath, packageVersion } from "../io/paths.js";
import { assertExportTarget, writeDeck, writeExport } from "../io/write.js";
import { parseTimeout } from "../pdf/options.js";
import { pdfExporter } from "./pdf.js";
import { pngExporter } from "./png.js";
import { pptxExporter } from "./pptx.js";
import type { BuiltDeck, Exported, Exporter, ExportFlags, ExportLog, ExportWhere } from "./types.js";

/** Fast formats first: a PPTX is written in a fraction of a second, before any browser starts. */
export const EXPORTERS: readonly Exporter[] = [pptxExporter, pdfExporter, pngExporter];

export const wantedExporters = (flags: ExportFlags): Exporter[] => EXPORTERS.filter((e) => e.wanted(flags));

/** The export flags `--watch` refuses: those of formats that need a browser. */
export function slowExports(flags: ExportFlags): Exporter[] {
  return wantedExporters(flags).filter((e) => e.browser);
}

/** Check every format's flags before the HTML build, so a bad flag costs no build. */
export function checkExportFlags(flags: ExportFlags, where: Omit<ExportWhere, "essayPath">): void {
  for (const e of wantedExporters(flags)) e.check(flags, where);
}

/** No two formats write the same file (their default names are known once the essay is). */
function checkTargets(exporters: Exporter[], flags: ExportFlags, where: ExportWhere): void {
  const seen = new Map<string, string>();
  for (const e of exporters) {
    for (const target of e.targets(flags, where)) {
      const other = seen.get(target);
      if (other) throw new DeckError(`${other} and ${e.flags} both write ${target}: give them different names`, ExitCode.usage);
      seen.set(target, e.flags);
    }
  }
}

/**
 * Build the deck (`buildDeck`, which reports it) and make every format asked for. When a format needs
 * the browser, Chromium is started first and boots while the deck is built, the formats without a
 * browser are made and the exporters' code is loaded.
 */
export async function runExports(
  buildDeck: () => Omit<BuiltDeck, "stylesheets">,
  flags: ExportFlags,
  cwd: string,
  log: ExportLog,
): Promise<Exported[]> {
  const exporters = wantedExporters(flags);
  const inBrowser = exporters.filter((x) => x.browser);
  const timeout = parseTimeout(flags.browserTimeout);
  const creator = `essay-deck ${packageVersion()}`;
  const noBrowser = (): Promise<Browser> => Promise.reject(new Error("this export runs without a browser"));
  const run = (e: Exporter, built: BuiltDeck, where: ExportWhere, browser: () => Promise<Browser>, doneWithBrowser: () => void) =>
    e.run({ built, flags, where, log, creator, browser, doneWithBrowser, timeout });
  let where: ExportWhere | null = null;
  // Formats without a browser first (a PPTX takes a fraction of a second).
  const prepare = async () => {
    const deck = buildDeck();
    const built: BuiltDeck = { ...deck, stylesheets: userStylesheets(deck.settings) };
    where = { cwd, outDir: built.outDir, essayPath: built.essayPath };
    checkTargets(exporters, flags, where);
    // No export may replace a file essay-deck did not write: checked before any work, and again when writing.
    for (const e of exporters) {
      // A folder (PNGs) is written as a deck of its own, with its own manifest and checks.
      for (const target of e.targets(flags, where)) if (!isFolder(target)) assertExportTarget(built.outDir, target);
    }
    const made: Exported[] = [];
    for (const e of exporters.filter((x) => !x.browser)) {
      made.push(...(await run(e, built, where, noBrowser, () => {})));
    }
    for (const e of inBrowser) await e.preload?.();
    return { built, where, made };
  };
  let prepared: Awaited<ReturnType<typeof prepare>>;
  if (inBrowser.length === 0) prepared = await prepare();
  else {
    // Interrupted, the new index.html stands beside the earlier build's exports: say which are old.
    const undone = () => {
      const earlier = where ? exporters.flatMap((e) => e.targets(flags, where as ExportWhere)).filter((t) => existsSync(t)) : [];
      return `no ${exporters.map((e) => e.name).join(" or ")} written${
        earlier.length > 0
          ? `; index.html is new, but ${earlier.map((t) => displayPath(t, cwd)).join(", ")} ${earlier.length > 1 ? "are" : "is"} from an earlier build`
          : ""
      }`;
    };
    log.info("launching the browser");
    const { withBrowser } = await import("../browser/session.js");
    prepared = await withBrowser({ browserPath: flags.browserPath, timeout, undone, prepare }, async (session, ready) => {
      for (const [i, e] of inBrowser.entries()) {
        // The last format to use the browser lets it close while it finishes its files.
        const done = i === inBrowser.length - 1 ? session.release : () => {};
        ready.made.push(...(await run(e, ready.built, ready.where, async () => session.browser, done)));
      }
      return ready;
    });
  }
  const { built, made } = prepared;
  if (made.length === 0) return made;
  log.info(`writing ${made.map((o) => path.basename(o.kind === "file" ? o.path : o.dir)).join(" and ")}`);
  for (const out of made) {
    if (out.kind === "file") writeExport(built.outDir, out.path, out.bytes);
    else
      writeDeck(
        out.dir,
        out.files.map((f) => ({ path: f.name, contents: f.bytes })),
      );
    log.info(`wrote ${displayPath(out.kind === "file" ? out.path : out.dir, cwd)}: ${out.summary}`);
  }
  return made;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The user's own stylesheets (a theme file, extra CSS) as text: the PPTX takes their colours. */
export function userStylesheets(settings: DeckSettings): string[] {
  const files = [settings.theme, settings.css].filter((f): f is string => typeof f === "string" && /\.css$/i.test(f));
  return files.flatMap((f) => {
    try {
      return [readFileSync(f, "utf8")];
    } catch {
      return [];
    }
  });
}
