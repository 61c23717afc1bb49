/** Where essay-deck's own files are: templates and content resolve from the package, never from cwd. */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package root: the nearest folder above this module with a package.json. This module runs from
 * src/io/ (tests), lib/io/ (the library) and a chunk of the CLI's bundle (lib/bundle/chunks/).
 */
export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
export const templatesDir = path.join(packageRoot, "templates");

const require = createRequire(import.meta.url);

/** reveal.js's dist folder, wherever npm put the package. */
export function revealDist(): string {
  // require.resolve("reveal.js") is dist/reveal.js (package.json itself is not exported).
  return path.dirname(require.resolve("reveal.js"));
}

interface PackageJson {
  version: string;
  repository?: { url?: string };
}

const packageJson = (): PackageJson => require(path.join(packageRoot, "package.json")) as PackageJson;

export function packageVersion(): string {
  return packageJson().version;
}

/** This version's docs/ in the project's repository (package.json `repository`), ending in a slash. */
export function packageDocsUrl(): string {
  const { version, repository } = packageJson();
  const repo = (repository?.url ?? "").replace(/^git\+/, "").replace(/\.git$/, "");
  return `${repo}/blob/v${version}/docs/`;
}

/** A path for messages: relative to cwd when it is inside it, else absolute (`../../tmp/x` helps nobody). */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}
