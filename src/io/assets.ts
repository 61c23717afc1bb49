/** The files a deck links: reveal.js's, essay-deck's base stylesheet, and the theme's. */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import type { RenderOptions, ThemeFiles } from "../render/index.js";
import { BUILTIN_THEMES, findTheme } from "../themes.js";
import { revealDist, templatesDir } from "./paths.js";

export function revealAssets(): RenderOptions["reveal"] {
  const dist = revealDist();
  const asset = (file: string) => ({ path: `assets/reveal/${file}`, from: path.join(dist, file) });
  return {
    script: asset("reveal.js"),
    css: [asset("reset.css"), asset("reveal.css")],
    plugins: [asset("plugin/notes.js")],
  };
}

/** A theme by built-in name, or a path to the user's own CSS file (layered on the white base). */
export function resolveTheme(theme: string, cwd: string): ThemeFiles {
  const base = { path: "assets/essay-deck.css", copyFrom: path.join(templatesDir, "deck.css") };
  const builtin = findTheme(theme);
  if (builtin) {
    const files = [
      { path: `assets/theme/${builtin.base}.css`, copyFrom: path.join(revealDist(), "theme", `${builtin.base}.css`) },
      base,
    ];
    if (builtin.css)
      files.push({ path: `assets/theme/${builtin.css}`, copyFrom: path.join(templatesDir, "themes", builtin.css) });
    return { name: builtin.name, stylesheets: files.map((f) => f.path), files };
  }
  if (!theme.endsWith(".css")) {
    const names = BUILTIN_THEMES.map((t) => t.name).join(", ");
    throw new DeckError(`unknown theme "${theme}": use one of ${names}, or a path to a .css file`, ExitCode.config);
  }
  const file = path.resolve(cwd, theme);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new DeckError(`theme file not found: ${file}`, ExitCode.config);
  }
  const files = [
    { path: "assets/theme/white.css", copyFrom: path.join(revealDist(), "theme", "white.css") },
    base,
    { path: "assets/theme/custom.css", copyFrom: file },
  ];
  return { name: path.basename(file, ".css"), stylesheets: files.map((f) => f.path), files };
}
