#!/usr/bin/env node
/**
 * The CLI as one bundle (`npm run build`, after tsc): lib/bundle/essay-deck.js holds what an HTML
 * build runs, so Node reads a few files instead of resolving and compiling ~90 modules; what only
 * other commands need (PDF, serve, check, a folder's worker pool) stays in chunks loaded by their
 * `import()`. Bundled from tsc's lib/, so the sources and lib/'s modules (the library, the worker)
 * stay as they are. Packages stay outside, resolved from node_modules as before, except commander,
 * which every command loads.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { rolldown } from "rolldown";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "lib", "bundle");
const BUNDLED = new Set(["commander"]);

rmSync(outDir, { recursive: true, force: true });
const bundle = await rolldown({
  input: { "essay-deck": path.join(root, "lib", "bin.js") },
  platform: "node",
  // A bare specifier is a package: left to Node unless listed above.
  external: (id) => !id.startsWith(".") && !path.isAbsolute(id) && !BUNDLED.has(id.split("/")[0]),
  logLevel: "warn",
});
await bundle.write({ dir: outDir, format: "esm", entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" });
await bundle.close();
console.log(`bundled the CLI into ${path.relative(root, outDir)}/essay-deck.js`);
