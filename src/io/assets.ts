/** The files a deck links: reveal.js's, essay-deck's base stylesheet, the theme's and the user's extra CSS. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import type { RenderOptions, ThemeFiles } from "../render/index.js";
import { BUILTIN_THEMES, type BuiltinTheme, findTheme } from "../themes.js";
import { collectStylesheet } from "./css-refs.js";
import { revealDist } from "./paths.js";
import { templateFile } from "./templates.js";

export function revealAssets(): RenderOptions["reveal"] {
  const dist = revealDist();
  const asset = (file: string) => ({ path: `assets/reveal/${file}`, from: path.join(dist, file) });
  return {
    script: asset("reveal.js"),
    css: [asset("reset.css"), asset("reveal.css")],
    plugins: [asset("plugin/notes.js")],
  };
}

export interface StyleOptions {
  /** A built-in theme name or a path to a .css file. */
  theme: string;
  /** Extra CSS layered on top of the theme. */
  css?: string;
  /** Folder that relative theme and css paths resolve against. */
  baseDir: string;
  /** A user's templates folder: its `deck.css` and `themes/*.css` override the built-ins. */
  templateDir?: string;
}

export interface ResolvedStyles {
  theme: ThemeFiles;
  warnings: string[];
}

const BASES: ReadonlyArray<BuiltinTheme["base"]> = ["white", "black", "white-contrast", "black-contrast"];

/** The stylesheets of a deck, in the order the page links them: reveal base, deck.css, theme, extra. */
export function resolveStyles(options: StyleOptions): ResolvedStyles {
  const warnings: string[] = [];
  const base = { path: "assets/essay-deck.css", copyFrom: templateFile("deck.css", options.templateDir) };
  const revealTheme = (name: BuiltinTheme["base"]) => ({
    path: `assets/theme/${name}.css`,
    copyFrom: path.join(revealDist(), "theme", `${name}.css`),
  });
  let theme: ThemeFiles;
  const builtin = findTheme(options.theme);
  if (builtin) {
    const files = [revealTheme(builtin.base), base];
    if (builtin.css) {
      files.push({
        path: `assets/theme/${builtin.css}`,
        copyFrom: templateFile(path.join("themes", builtin.css), options.templateDir),
      });
    }
    theme = { name: builtin.name, stylesheets: files.map((f) => f.path), files };
  } else {
    if (!/\.css$/i.test(options.theme)) {
      const names = BUILTIN_THEMES.map((t) => t.name).join(", ");
      throw new DeckError(`unknown theme "${options.theme}": use one of ${names}, or a path to a .css file`, ExitCode.config);
    }
    const file = path.resolve(options.baseDir, options.theme);
    const own = collectStylesheet(file, "assets/theme/custom", "theme file");
    warnings.push(...own.warnings);
    const baseName = declaredBase(file);
    theme = {
      name: path.basename(file).replace(/\.css$/i, ""),
      stylesheets: [`assets/theme/${baseName}.css`, base.path, own.path],
      files: [revealTheme(baseName), base, ...own.files],
    };
  }
  if (options.css) {
    if (!/\.css$/i.test(options.css)) {
      throw new DeckError(`--css takes a .css file (got "${options.css}")`, ExitCode.config);
    }
    const extra = collectStylesheet(path.resolve(options.baseDir, options.css), "assets/extra", "extra CSS file");
    warnings.push(...extra.warnings);
    theme.stylesheets.push(extra.path);
    theme.files.push(...extra.files);
  }
  return { theme, warnings };
}

/**
 * A user's theme sits on reveal's white theme unless it names another base in a comment:
 * `/* essay-deck-base: black *\/` — a dark theme then inherits reveal's dark defaults.
 */
export function declaredBase(file: string): BuiltinTheme["base"] {
  const head = existsSync(file) ? readFileSync(file, "utf8").slice(0, 4096) : "";
  const m = /essay-deck-base\s*:\s*([a-z-]+)/.exec(head);
  if (!m) return "white";
  const name = m[1] as BuiltinTheme["base"];
  if (!BASES.includes(name)) {
    throw new DeckError(`${file}: essay-deck-base must be one of ${BASES.join(", ")} (got "${m[1]}")`, ExitCode.config);
  }
  return name;
}

/** A theme alone (no extra CSS, no template folder), for callers that render without settings. */
export function resolveTheme(theme: string, baseDir: string): ThemeFiles {
  return resolveStyles({ theme, baseDir }).theme;
}
