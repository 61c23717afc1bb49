/** The pipeline with its edges: read the essay and settings, parse → plan → render, write the deck. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { configPathFor, loadConfig } from "./config/load.js";
import type { DeckSettings } from "./config/settings.js";
import { mergeSettings, resolveSettingPaths, SITE_GENERATOR_KEYS, validateSettings } from "./config/validate.js";
import { loadConverter } from "./convert/opencc.js";
import { convertOutline, convertSettings, scriptLang } from "./convert/script.js";
import { DeckError, ExitCode } from "./errors.js";
import { resolveStyles, revealAssets } from "./io/assets.js";
import { type EssayImages, resolveImages } from "./io/images.js";
import { confineToEssayFolder, readEssay, resolveInput } from "./io/input.js";
import { packageVersion } from "./io/paths.js";
import { loadTemplates, templateFile } from "./io/templates.js";
import { writeDeck } from "./io/write.js";
import { DEFAULT_SLIDE_SIZE, type Deck, type SlideSize } from "./model/deck.js";
import type { Outline } from "./model/outline.js";
import { parseEssay } from "./parse/index.js";
import { planDeck } from "./plan/index.js";
import { overDurationWarning } from "./plan/pacing.js";
import { type OutputFile, renderDeckPieces, type ThemeFiles, withWholeText } from "./render/index.js";
import { wholeText } from "./render/page-pieces.js";
import { singleFileDeck } from "./render/single-file.js";
import { SITE_STATE } from "./site/state.js";
import { DEFAULT_THEME } from "./themes.js";

export interface LoadOptions {
  input?: string;
  cwd?: string;
  /** Settings from command-line flags: they win over the config file and front matter. */
  flags?: DeckSettings;
  config?: string;
  encoding?: string;
}

export interface LoadedEssay {
  essayPath: string;
  outline: Outline;
  settings: DeckSettings;
  /** Folder that relative paths in settings are resolved against. */
  settingsDir: string;
  /** The config file read, or the one a build would read once it is created. */
  configPath: string;
  warnings: string[];
  /** A Markdown essay's local images, copied into the deck. */
  images: EssayImages;
}

/** Read an essay and every layer of its settings; validate and merge them. */
export function loadEssay(options: LoadOptions = {}): LoadedEssay {
  const cwd = options.cwd ?? process.cwd();
  const essayPath = resolveInput(options.input, cwd);
  const source = readEssay(essayPath, options.encoding);
  const parsed = parseEssay(source.text, { format: source.format });
  if (parsed.paragraphs.length === 0) {
    // readEssay refused blank files; what is left blank here is a Markdown essay that is all front matter.
    throw new DeckError(
      `${essayPath} has front matter but no essay after it: write the essay below the closing ---`,
      ExitCode.inputInvalid,
    );
  }
  const config = loadConfig(essayPath, options.config, cwd);
  const fromFile = config ? validateSettings(config.raw, path.relative(cwd, config.path) || config.path) : null;
  const fromFront = validateSettings(
    { ...parsed.meta.extra, ...withoutExtra(parsed.meta) },
    `${path.basename(essayPath)} front matter`,
    SITE_GENERATOR_KEYS,
  );
  // YAML can write an object, but Reveal.js options are the page's own code paths: the user's config only.
  const frontReveal =
    fromFront.settings.reveal !== undefined
      ? [
          `${path.basename(essayPath)} front matter: "reveal" is taken only from essay-deck.config.json (an essay may come from someone else): move it there`,
        ]
      : [];
  const errors = [...(fromFile?.errors ?? []), ...fromFront.errors, ...frontReveal];
  if (errors.length > 0) throw new DeckError(errors.join("; "), ExitCode.config);
  confineToEssayFolder(fromFront.settings, essayPath, `${path.basename(essayPath)} front matter`);
  const images = resolveImages(parsed.blocks, essayPath);
  const warnings = [
    // A guessed encoding can be wrong: say which one was used, so mojibake has an explanation.
    ...(!source.encoding.startsWith("utf-") && !options.encoding
      ? [`${path.basename(essayPath)} is not UTF-8: read it as ${source.encoding} (pass --encoding to choose another)`]
      : []),
    ...essayWarnings(parsed, essayPath),
    ...images.warnings,
    ...(fromFile?.warnings ?? []),
    ...fromFront.warnings,
  ];
  // Each layer's relative paths resolve against its own folder before the layers are merged.
  const merged = mergeSettings(
    resolveSettingPaths(options.flags ?? {}, cwd),
    config ? resolveSettingPaths(fromFile?.settings ?? {}, path.dirname(config.path)) : {},
    resolveSettingPaths(fromFront.settings, path.dirname(essayPath)),
    { theme: DEFAULT_THEME, layout: "flat" },
  );
  if (merged.title === undefined && parsed.title === null) {
    // Never 未命名: the file's own name says more, and the warning says how to give a real one.
    const stem = path.basename(essayPath).replace(/\.[^.]+$/, "");
    warnings.push(
      `${path.basename(essayPath)}: no title found, the deck is titled "${stem}": start the essay with a title line, a # heading or front matter "title:", or pass --title`,
    );
    merged.title = stem;
  }
  let outline = parsed;
  let settings = merged;
  if (merged.script) {
    // Before planning, so slides and notes are cut from the same converted text.
    const convert = loadConverter(merged.script);
    outline = convertOutline(parsed, convert, merged.script);
    settings = { ...convertSettings(merged, convert), lang: scriptLang(merged.lang, merged.script) };
  }
  const configPath = config?.path ?? configPathFor(essayPath, options.config, cwd);
  return { essayPath, outline, settings, settingsDir: config ? path.dirname(config.path) : cwd, configPath, warnings, images };
}

/** Warnings a huge essay (20 MB of repeated parts) has by the thousand: the first few say it all. */
const MAX_ESSAY_WARNINGS = 25;

function essayWarnings(parsed: Outline, essayPath: string): string[] {
  const name = path.basename(essayPath);
  const all = parsed.warnings.map((w) => `${name}${w.line ? `:${w.line}` : ""}: ${w.message}`);
  if (all.length <= MAX_ESSAY_WARNINGS) return all;
  return [...all.slice(0, MAX_ESSAY_WARNINGS), `${name}: ${all.length - MAX_ESSAY_WARNINGS} more warnings not shown`];
}

function withoutExtra(meta: Outline["meta"]): Record<string, unknown> {
  const { extra: _extra, ...rest } = meta;
  return rest;
}

export interface BuildOptions extends LoadOptions {
  outDir?: string;
  allowHtml?: boolean;
  /** Keep index.html's text on the result (the preview server needs it; a plain build frees it). */
  keepHtml?: boolean;
  /** Told once when another essay-deck is writing into the output folder and this build waits. */
  onWait?: (message: string) => void;
  /** Write index.html alone, every asset inside it (`--single-file`). */
  singleFile?: boolean;
}

export interface BuildResult {
  essayPath: string;
  outDir: string;
  outline: Outline;
  deck: Deck;
  files: string[];
  warnings: string[];
  settings: DeckSettings;
  /** What the build read: a watcher rebuilds when one of them changes. */
  sources: BuildSources;
  /** SHA-256 (hex) of each file written, by path relative to outDir. */
  sha256: Record<string, string>;
  /** index.html as written, when `keepHtml` was asked for. */
  html?: string;
  /** index.html's size in bytes, when it holds the whole deck (`singleFile`). */
  singleFileBytes?: number;
}

/** The files a build read, by absolute path. */
export interface BuildSources {
  essay: string;
  /** The config file read, or the one a build would read once it is created (beside the essay, or --config). */
  config: string;
  /** Files copied into the deck: reveal.js, the theme and CSS, what the CSS references, the essay's images. */
  copied: string[];
  /** The template folder the settings name, if any: a template added there overrides a built-in one. */
  templateDir?: string;
}

/** What a build of `loaded` into `files` read. */
export function buildSources(loaded: LoadedEssay, files: readonly OutputFile[]): BuildSources {
  const templateDir = loaded.settings.templateDir;
  return {
    essay: loaded.essayPath,
    config: loaded.configPath,
    copied: files.flatMap((f) => ("copyFrom" in f ? [f.copyFrom] : [])),
    ...(templateDir ? { templateDir: path.resolve(loaded.settingsDir, templateDir) } : {}),
  };
}

export function deckFromEssay(loaded: LoadedEssay): Deck {
  const s = loaded.settings;
  refuseUnfittableTitle(s.title ?? loaded.outline.title ?? "", s.size ?? DEFAULT_SLIDE_SIZE);
  return planDeck(loaded.outline, {
    title: s.title,
    subtitle: s.subtitle,
    author: s.author,
    date: s.date,
    lang: s.lang,
    layout: s.layout,
    size: s.size,
    speaking: { cpm: s.cpm, wpm: s.wpm },
    images: loaded.images.bySrc,
    event: s.event,
    agenda: s.agenda,
    duration: s.duration,
    fragments: s.fragments,
    keepPunctuation: s.keepPunctuation,
  });
}

/**
 * A title no slide can hold, even at the smallest title size (half of 2em of the 42 px base font,
 * with every character only half a square wide): it is refused at once, saying so, rather than
 * planned, laid out and printed for a minute before failing with a browser timeout.
 */
function refuseUnfittableTitle(title: string, size: SlideSize): void {
  const smallest = 0.5 * 2 * 42;
  const most = Math.floor((size.width * size.height) / (0.5 * smallest * smallest));
  const length = Array.from(title).length;
  if (length <= most) return;
  throw new DeckError(
    `the title is ${length.toLocaleString("en")} characters: a ${size.width}×${size.height} slide holds at most about ${most.toLocaleString("en")} even at the smallest size; shorten it (--title, front matter "title:") and put the rest in the subtitle or the essay`,
    ExitCode.inputInvalid,
  );
}

/** Render a deck with the settings' theme, templates and Reveal options. Reads templates and themes. */
/**
 * Assets several decks share (a folder build): the copied files `isShared` accepts are linked
 * through `prefix` (`../`), where the caller writes them once for all decks.
 */
export interface SharedAssets {
  prefix: string;
  isShared: (copyFrom: string) => boolean;
}

export function renderFiles(deck: Deck, loaded: LoadedEssay, allowHtml = false, shared?: SharedAssets): OutputFile[] {
  return renderPieces(deck, loaded, allowHtml, shared).map(withWholeText);
}

/** renderFiles with the page in pieces, rendered as the writer reads them: a build never holds it whole. */
export function renderPieces(deck: Deck, loaded: LoadedEssay, allowHtml = false, shared?: SharedAssets): OutputFile[] {
  const s = loaded.settings;
  const cwd = loaded.settingsDir;
  const templateDir = s.templateDir ? path.resolve(cwd, s.templateDir) : undefined;
  const { theme, warnings } = resolveStyles({ theme: s.theme ?? DEFAULT_THEME, css: s.css, baseDir: cwd, templateDir });
  if (deck.noteBlocks || loaded.outline.blocks) withBlockStyles(theme, templateDir);
  for (const w of warnings) if (!loaded.warnings.includes(w)) loaded.warnings.push(w);
  const revealOptions: Record<string, unknown> = { ...s.reveal };
  if (s.slideNumber !== undefined) revealOptions.slideNumber = s.slideNumber;
  if (s.transition !== undefined) revealOptions.transition = s.transition;
  const reveal = revealAssets();
  const sharedPaths = new Set(
    shared ? [reveal.script, ...reveal.css, ...reveal.plugins].filter((a) => shared.isShared(a.from)).map((a) => a.path) : [],
  );
  if (shared) for (const f of theme.files) if ("copyFrom" in f && shared.isShared(f.copyFrom)) sharedPaths.add(f.path);
  const files = renderDeckPieces(deck, {
    templates: loadTemplates(templateDir),
    theme,
    reveal,
    revealOptions,
    allowHtml,
    generator: `essay-deck ${packageVersion()}`,
    ...(shared ? { assetHref: (p: string) => (sharedPaths.has(p) ? shared.prefix + p : p) } : {}),
  });
  return [...files, ...loaded.images.files];
}

const fileBytes = (f: OutputFile): Uint8Array =>
  "copyFrom" in f ? readFileSync(f.copyFrom) : Buffer.from("contents" in f ? f.contents : wholeText(f.pieces));

/** A deck with Markdown blocks links their stylesheet after essay-deck's own, before the theme's. */
function withBlockStyles(theme: ThemeFiles, templateDir: string | undefined): void {
  const file = { path: "assets/essay-deck-blocks.css", copyFrom: templateFile("blocks.css", templateDir) };
  const at = theme.stylesheets.indexOf("assets/essay-deck.css") + 1;
  theme.stylesheets.splice(at, 0, file.path);
  theme.files.push(file);
}

export function build(options: BuildOptions = {}): BuildResult {
  const cwd = options.cwd ?? process.cwd();
  const loaded = loadEssay(options);
  const deck = deckFromEssay(loaded);
  const over = overDurationWarning(deck.pacing);
  if (over) loaded.warnings.push(over);
  const rendered = renderPieces(deck, loaded, options.allowHtml);
  // The page is written as it is rendered, slide by slide, unless it is wanted whole.
  const whole = options.singleFile || options.keepHtml ? rendered.map(withWholeText) : rendered;
  const files = options.singleFile ? [singleFileDeck(whole, fileBytes)] : whole;
  const outDir = path.resolve(cwd, options.outDir ?? "dist");
  if (
    path.resolve(loaded.essayPath).startsWith(outDir + path.sep) &&
    files.some((f) => path.join(outDir, f.path) === loaded.essayPath)
  ) {
    throw new DeckError(`the essay ${loaded.essayPath} would be overwritten: pass another folder with -o`, ExitCode.output);
  }
  if (existsSync(path.join(outDir, SITE_STATE))) {
    throw new DeckError(
      `${outDir} holds the decks of a folder of essays: pass another folder with -o for a single essay's deck`,
      ExitCode.output,
    );
  }
  const written = writeDeck(outDir, files, { onWait: options.onWait });
  const page = options.keepHtml ? files.find((f) => f.path === "index.html") : undefined;
  return {
    essayPath: loaded.essayPath,
    outDir,
    outline: loaded.outline,
    deck,
    files: written.files,
    sha256: written.sha256,
    ...(page && "contents" in page && typeof page.contents === "string" ? { html: page.contents } : {}),
    warnings: loaded.warnings,
    settings: loaded.settings,
    sources: buildSources(loaded, rendered),
    ...(options.singleFile ? { singleFileBytes: Buffer.byteLength((files[0] as { contents: string }).contents) } : {}),
  };
}
