/**
 * A user's stylesheet and the files it references: `url(…)` and `@import`, followed through
 * imported stylesheets, copied beside it so the deck stays whole offline. Nothing outside the
 * stylesheet's own folder is ever copied: a reference that escapes it is an error.
 */
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import type { OutputFile } from "../render/index.js";

export type CssReference =
  | { kind: "local"; url: string; file: string }
  | { kind: "remote"; url: string }
  | { kind: "absolute"; url: string };

/** References a stylesheet makes, in order (pure). data: URLs and #fragments are not references to files. */
export function cssReferences(css: string): CssReference[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const found: Array<{ url: string; at: number }> = [];
  for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/gi)) {
    found.push({ url: m[1] ?? m[2] ?? m[3] ?? "", at: m.index });
  }
  // `@import "file.css"` names a file without url().
  for (const m of text.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) {
    found.push({ url: m[1] ?? m[2] ?? "", at: m.index });
  }
  found.sort((a, b) => a.at - b.at);
  const refs: CssReference[] = [];
  for (const { url } of found) {
    const trimmed = url.trim();
    if (trimmed === "" || /^data:/i.test(trimmed) || trimmed.startsWith("#")) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("//")) refs.push({ kind: "remote", url: trimmed });
    else if (trimmed.startsWith("/") || trimmed.startsWith("\\")) refs.push({ kind: "absolute", url: trimmed });
    else refs.push({ kind: "local", url: trimmed, file: decodePath(trimmed.replace(/[?#].*$/, "")) });
  }
  return refs;
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

export interface CollectedStylesheet {
  /** Path of the stylesheet itself inside the deck. */
  path: string;
  files: OutputFile[];
  warnings: string[];
}

/**
 * The stylesheet `file` and everything it references under its folder, to be placed under `outBase`
 * (e.g. `assets/theme/custom`) with their relative layout kept, so the `url()`s still resolve.
 */
export function collectStylesheet(file: string, outBase: string, label: string): CollectedStylesheet {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new DeckError(`${label} not found: ${file}`, ExitCode.config);
  }
  const root = realpathSync(path.dirname(file));
  const files: OutputFile[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  const visit = (css: string, relative: string): void => {
    const real = realpathSync(css);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path: `${outBase}/${relative.split(path.sep).join("/")}`, copyFrom: real });
    if (!/\.css$/i.test(real)) return;
    const shown = path.relative(root, css);
    for (const ref of cssReferences(readFileSync(real, "utf8"))) {
      if (ref.kind === "remote") {
        warnings.push(`${shown} loads ${ref.url.slice(0, 80)} from the network: the deck will not show it offline`);
        continue;
      }
      // Resolved as the browser will: against the copy's place, which mirrors its place under root.
      const target = ref.kind === "absolute" ? ref.url : path.resolve(path.dirname(css), ref.file);
      const inside = ref.kind === "local" && isInside(root, target);
      if (!inside) {
        throw new DeckError(
          `${shown} references "${ref.url}", outside its folder ${root}: move that file into the folder and refer to it relatively`,
          ExitCode.config,
        );
      }
      if (!existsSync(target) || !statSync(target).isFile()) {
        warnings.push(`${shown} references "${ref.url}", which does not exist: it will be missing from the deck`);
        continue;
      }
      if (!isInside(root, realpathSync(target))) {
        throw new DeckError(
          `${shown} references "${ref.url}", a link to outside ${root}: copy the file instead`,
          ExitCode.config,
        );
      }
      visit(target, path.relative(root, target));
    }
  };
  visit(path.join(root, path.basename(file)), path.basename(file));
  return { path: files[0]?.path ?? `${outBase}/${path.basename(file)}`, files, warnings };
}

const isInside = (root: string, target: string): boolean => {
  const rel = path.relative(root, target);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
};
