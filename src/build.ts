/** The pipeline with its edges: read the essay and settings, parse → plan → render, write the deck. */
import path from "node:path";
import { loadConfig } from "./config/load.js";
import { type DeckSettings, mergeSettings, validateSettings } from "./config/validate.js";
import { DeckError, ExitCode } from "./errors.js";
import { resolveTheme, revealAssets } from "./io/assets.js";
import { readEssay, resolveInput } from "./io/input.js";
import { packageVersion } from "./io/paths.js";
import { loadTemplates } from "./io/templates.js";
import { writeDeck } from "./io/write.js";
import type { Deck } from "./model/deck.js";
import type { Outline } from "./model/outline.js";
import { parseEssay } from "./parse/index.js";
import { planDeck } from "./plan/index.js";
import { type OutputFile, renderDeck } from "./render/index.js";
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
  warnings: string[];
}

/** Read an essay and every layer of its settings; validate and merge them. */
export function loadEssay(options: LoadOptions = {}): LoadedEssay {
  const cwd = options.cwd ?? process.cwd();
  const essayPath = resolveInput(options.input, cwd);
  const source = readEssay(essayPath, options.encoding);
  const outline = parseEssay(source.text, { format: source.format });
  const config = loadConfig(essayPath, options.config, cwd);
  const fromFile = config ? validateSettings(config.raw, path.basename(config.path)) : null;
  const fromFront = validateSettings(
    { ...outline.meta.extra, ...withoutExtra(outline.meta) },
    `${path.basename(essayPath)} front matter`,
  );
  const errors = [...(fromFile?.errors ?? []), ...fromFront.errors];
  if (errors.length > 0) throw new DeckError(errors.join("; "), ExitCode.config);
  const warnings = [
    ...outline.warnings.map((w) => `${path.basename(essayPath)}${w.line ? `:${w.line}` : ""}: ${w.message}`),
    ...(fromFile?.warnings ?? []),
    ...fromFront.warnings,
  ];
  const settings = mergeSettings(options.flags ?? {}, fromFile?.settings ?? {}, fromFront.settings, {
    theme: DEFAULT_THEME,
    layout: "flat",
  });
  return { essayPath, outline, settings, settingsDir: config ? path.dirname(config.path) : cwd, warnings };
}

function withoutExtra(meta: Outline["meta"]): Record<string, unknown> {
  const { extra: _extra, ...rest } = meta;
  return rest;
}

export interface BuildOptions extends LoadOptions {
  outDir?: string;
  allowHtml?: boolean;
}

export interface BuildResult {
  essayPath: string;
  outDir: string;
  outline: Outline;
  deck: Deck;
  files: string[];
  warnings: string[];
  settings: DeckSettings;
}

export function deckFromEssay(loaded: LoadedEssay): Deck {
  const s = loaded.settings;
  return planDeck(loaded.outline, {
    title: s.title,
    subtitle: s.subtitle,
    author: s.author,
    date: s.date,
    lang: s.lang,
    layout: s.layout,
  });
}

/** Render a deck with the settings' theme, templates and Reveal options. Reads templates and themes. */
export function renderFiles(deck: Deck, loaded: LoadedEssay, allowHtml = false): OutputFile[] {
  const s = loaded.settings;
  const cwd = loaded.settingsDir;
  const theme = resolveTheme(s.theme ?? DEFAULT_THEME, cwd);
  if (s.css) {
    const { files } = resolveTheme(s.css, cwd);
    const extra = files.at(-1) as { copyFrom: string };
    theme.files.push({ path: "assets/extra.css", copyFrom: extra.copyFrom });
    theme.stylesheets.push("assets/extra.css");
  }
  const revealOptions: Record<string, unknown> = { ...s.reveal };
  if (s.slideNumber !== undefined) revealOptions.slideNumber = s.slideNumber;
  if (s.transition !== undefined) revealOptions.transition = s.transition;
  return renderDeck(deck, {
    templates: loadTemplates(s.templateDir ? path.resolve(cwd, s.templateDir) : undefined),
    theme,
    reveal: revealAssets(),
    revealOptions,
    width: s.size?.width,
    height: s.size?.height,
    allowHtml,
    generator: `essay-deck ${packageVersion()}`,
  });
}

export function build(options: BuildOptions = {}): BuildResult {
  const cwd = options.cwd ?? process.cwd();
  const loaded = loadEssay(options);
  const deck = deckFromEssay(loaded);
  const files = renderFiles(deck, loaded, options.allowHtml);
  const outDir = path.resolve(cwd, options.outDir ?? "dist");
  if (
    path.resolve(loaded.essayPath).startsWith(outDir + path.sep) &&
    files.some((f) => path.join(outDir, f.path) === loaded.essayPath)
  ) {
    throw new DeckError(`the essay ${loaded.essayPath} would be overwritten: pass another folder with -o`, ExitCode.output);
  }
  const written = writeDeck(outDir, files);
  return {
    essayPath: loaded.essayPath,
    outDir,
    outline: loaded.outline,
    deck,
    files: written,
    warnings: loaded.warnings,
    settings: loaded.settings,
  };
}
