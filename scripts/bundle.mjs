#!/usr/bin/env node
/**
 * The CLI as a bundle (`npm run build`, after tsc): lib/bundle/essay-deck.cjs (the bin) turns on the
 * compile cache and loads lib/bundle/cli.cjs, which holds what an HTML build runs, so Node reads a
 * few files instead of resolving and compiling ~90 modules; what only other commands need (PDF,
 * serve, check, a folder's worker pool) stays in chunks loaded when they run. Bundled from tsc's
 * lib/, so the sources and lib/'s modules (the library, the worker) stay as they are. Packages stay
 * outside, resolved from node_modules as before, except commander, which every command loads.
 *
 * CommonJS, because Node 20 can keep V8's compiled code only for scripts (src/io/compile-cache.ts),
 * and it starts them faster than ES modules. A script compiled with a cache cannot run import(), so
 * imports of packages become require() and the output is checked to hold no import() at all.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { rolldown } from "rolldown";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "lib", "bundle");
const BUNDLED = new Set(["commander"]);

rmSync(outDir, { recursive: true, force: true });
const bundle = await rolldown({
  input: { "essay-deck": path.join(root, "lib", "bin.js"), cli: path.join(root, "lib", "cli", "start.js") },
  platform: "node",
  // A bare specifier is a package: left to Node unless listed above.
  external: (id) => !id.startsWith(".") && !path.isAbsolute(id) && !BUNDLED.has(id.split("/")[0]),
  logLevel: "warn",
});
await bundle.write({
  dir: outDir,
  format: "cjs",
  dynamicImportInCjs: false,
  entryFileNames: "[name].cjs",
  chunkFileNames: "chunks/[name]-[hash].cjs",
});
await bundle.close();

// Code, not comments (commander's JSDoc names import("./argument.js") types): strip comments first.
const stripComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
for (const file of readdirSync(outDir, { recursive: true })) {
  if (!String(file).endsWith(".cjs")) continue;
  if (/(^|[^\w$.])import\s*\(/.test(stripComments(readFileSync(path.join(outDir, String(file)), "utf8")))) {
    throw new Error(`bundle: lib/bundle/${file} holds an import(), which the compile cache cannot run`);
  }
}
console.log(`bundled the CLI into ${path.relative(root, outDir)}/essay-deck.cjs`);
