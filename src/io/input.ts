/** Find and read the essay: the only place that turns bytes from disk into essay text. */
import { type Dirent, existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import type { EssayFormat } from "../model/outline.js";
import { decodeEssay } from "./decode.js";

export const ESSAY_EXTENSIONS = [".txt", ".md", ".markdown", ".text"];
/**
 * Larger essays are refused. The reference essay is 19 KB and a whole book about 2 MB; 20 MB of the
 * reference essay repeated builds in about 2 s using about 230 MB, so the pipeline stays linear well past this.
 */
export const MAX_ESSAY_BYTES = 32 * 1024 * 1024;

export interface EssaySource {
  path: string;
  format: EssayFormat;
  text: string;
  encoding: string;
}

export const formatOf = (file: string): EssayFormat => (/\.(md|markdown)$/i.test(file) ? "markdown" : "text");

/** The essay file a user means: the path given, the one essay in a folder, or the one in ./content/. */
export function resolveInput(input: string | undefined, cwd: string): string {
  const given = input ?? "content";
  const full = path.resolve(cwd, given);
  if (!existsSync(full)) {
    if (input === undefined) {
      throw new DeckError(
        "no essay given and no content/ folder here: pass the essay's path, e.g. essay-deck build my-essay.txt",
        ExitCode.inputMissing,
      );
    }
    throw new DeckError(`essay not found: ${full} (check the path)`, ExitCode.inputMissing);
  }
  if (!statSync(full).isDirectory()) return full;
  let names: string[];
  try {
    names = readdirSync(full);
  } catch (e) {
    throw new DeckError(`cannot read folder ${full}: ${(e as NodeJS.ErrnoException).code ?? e}`, ExitCode.inputMissing);
  }
  const essays = essayNames(full, names);
  if (essays.length === 1) return path.join(full, essays[0] as string);
  if (essays.length === 0) {
    throw new DeckError(`no essay (.txt or .md) in folder ${full}: pass the essay file itself`, ExitCode.inputMissing);
  }
  throw new DeckError(
    `${essays.length} essays in folder ${full} (${essays.join(", ")}): pass the one you mean`,
    ExitCode.inputMissing,
  );
}

/** The essay files among a folder's entries, sorted: a README, a hidden file or a dangling link is none. */
function essayNames(dir: string, names: string[]): string[] {
  const isFile = (f: string): boolean => statSync(path.join(dir, f), { throwIfNoEntry: false })?.isFile() ?? false;
  return names
    .filter((f) => ESSAY_EXTENSIONS.includes(path.extname(f).toLowerCase()) && !/^(?:readme\.|\.)/i.test(f))
    .filter(isFile)
    .sort();
}

/**
 * True when the input is a folder built as a site: it holds more than one essay, or `recursive`
 * asks for its subfolders too. A folder holding one essay builds that essay alone, as ever.
 */
export function isSiteInput(input: string | undefined, cwd: string, recursive = false): boolean {
  const dir = path.resolve(cwd, input ?? "content");
  if (!(statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false)) return false;
  return recursive || listEssays(dir).length > 1;
}

/** Folders a recursive walk never enters: hidden ones, dependencies, and the output folder itself. */
const SKIPPED_FOLDERS = /^(?:\.|node_modules$)/;

/**
 * Every essay in a folder (and its subfolders with `recursive`), as absolute paths in a stable order:
 * a folder's own essays first, then its subfolders' by name. `exclude` (the output folder) is not entered.
 */
export function listEssays(dir: string, options: { recursive?: boolean; exclude?: string } = {}): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (e) {
      throw new DeckError(`cannot read folder ${folder}: ${(e as NodeJS.ErrnoException).code ?? e}`, ExitCode.inputMissing);
    }
    found.push(
      ...essayNames(
        folder,
        entries.map((e) => e.name),
      ).map((f) => path.join(folder, f)),
    );
    if (!options.recursive) return;
    const subfolders = entries
      .filter((e) => e.isDirectory() && !SKIPPED_FOLDERS.test(e.name))
      .map((e) => path.join(folder, e.name))
      .filter((f) => !options.exclude || path.resolve(f) !== path.resolve(options.exclude))
      .sort();
    for (const sub of subfolders) walk(sub);
  };
  walk(dir);
  return found;
}

export function readEssay(file: string, encoding?: string): EssaySource {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    // A device or pipe (/dev/zero) would be read forever.
    if (!stat.isFile()) {
      throw new DeckError(`${file} is not a regular file: pass the essay file itself`, ExitCode.inputInvalid);
    }
    if (stat.size > MAX_ESSAY_BYTES) {
      throw new DeckError(
        `${file} is ${(stat.size / 1048576).toFixed(1)} MB: essays over ${MAX_ESSAY_BYTES / 1048576} MB are refused; split it`,
        ExitCode.inputInvalid,
      );
    }
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof DeckError) throw e;
    throw new DeckError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, ExitCode.inputMissing);
  }
  const { text, encoding: used } = decodeEssay(bytes, file, encoding);
  const body = text.replace(/^\uFEFF/, "");
  if (!body) throw new DeckError(`${file} is empty: write the essay in it first`, ExitCode.inputInvalid);
  if (!body.trim()) {
    throw new DeckError(`${file} holds only blank lines and spaces: write the essay in it first`, ExitCode.inputInvalid);
  }
  // A NUL past the part looked at for binary content would go raw into the page: shown as U+FFFD.
  return {
    path: file,
    format: formatOf(file),
    text: text.includes("\0") ? text.replaceAll("\0", "\uFFFD") : text,
    encoding: used,
  };
}

/**
 * Files an essay's front matter names (a theme or CSS file, a template folder) must lie in the
 * essay's own folder: an essay may come from someone else, and must not pull other files of the
 * disk into the deck. Flags and the config file are the user's own and may point anywhere.
 */
export function confineToEssayFolder(
  settings: { theme?: string; css?: string; templateDir?: string },
  essayPath: string,
  source: string,
): void {
  const dir = path.dirname(essayPath);
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : p);
  const root = real(dir);
  for (const key of ["theme", "css", "templateDir"] as const) {
    const value = settings[key];
    if (value === undefined || (key === "theme" && !/\.css$/i.test(value))) continue;
    const target = real(path.resolve(dir, value));
    const flag = `--${key === "templateDir" ? "template-dir" : key}`;
    if (!inside(root, target)) {
      throw new DeckError(
        `${source}: "${key}" points outside the essay's folder (${value}): front matter may only name files beside the essay; pass ${flag} instead`,
        ExitCode.config,
      );
    }
    // The folder is inside; each file in it must be too, once its links are followed.
    const escaping = key === "templateDir" ? fileLeaving(target, root) : null;
    if (escaping) {
      throw new DeckError(
        `${source}: "${key}" holds ${path.relative(target, escaping.file)}, a link to ${escaping.to} outside the essay's folder: copy the file in, or pass ${flag} instead`,
        ExitCode.config,
      );
    }
  }
}

function inside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return !(rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel));
}

/** The first file or folder under `dir` (two levels: partials/, themes/) whose real path leaves `root`. */
function fileLeaving(dir: string, root: string, depth = 0): { file: string; to: string } | null {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return null;
  }
  for (const name of entries) {
    const file = path.join(dir, name);
    let to: string;
    try {
      to = realpathSync(file);
    } catch {
      continue;
    }
    if (!inside(root, to)) return { file, to };
    if (depth < 2 && statSync(to, { throwIfNoEntry: false })?.isDirectory()) {
      const deeper = fileLeaving(file, root, depth + 1);
      if (deeper) return deeper;
    }
  }
  return null;
}
