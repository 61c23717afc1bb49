#!/usr/bin/env node
/**
 * Import cycles among the compiled modules (lib/ by default): what `madge --circular lib` reports,
 * without madge (it wants TypeScript 5 as a peer). Reads every static import and export-from and
 * every import() of a literal path, resolves the relative ones, and prints each cycle; exits 1 when
 * there is one. Type-only imports are gone from lib/, so this is the graph that runs.
 *
 *   node scripts/check-cycles.mjs [dir]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(process.argv[2] ?? "lib");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(m?js)$/.test(name) ? [full] : [];
  });
}

// `import x from "./a.js"`, `import "./a.js"`, `export { y } from "./a.js"`, `import("./a.js")`.
const IMPORT =
  /(?:^|[;\s}])(?:import|export)\s[^'"`;]*?from\s*["']([^"']+)["']|(?:^|[;\s])import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

/** The modules a file imports, resolved to files under root (packages and node: builtins left out). */
function importsOf(file) {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
  const out = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec.startsWith(".")) continue;
    const target = path.resolve(path.dirname(file), spec);
    out.push({ target, dynamic: m[3] !== undefined });
  }
  return out;
}

const all = files(root);
const known = new Set(all);
const graph = new Map(all.map((f) => [f, importsOf(f).filter((i) => known.has(i.target))]));

// Tarjan's strongly connected components: every component of more than one module (or a module
// importing itself) holds a cycle.
let index = 0;
const indices = new Map();
const lowlinks = new Map();
const stack = [];
const onStack = new Set();
const components = [];
function connect(v) {
  indices.set(v, index);
  lowlinks.set(v, index);
  index++;
  stack.push(v);
  onStack.add(v);
  for (const { target: w } of graph.get(v)) {
    if (!indices.has(w)) {
      connect(w);
      lowlinks.set(v, Math.min(lowlinks.get(v), lowlinks.get(w)));
    } else if (onStack.has(w)) lowlinks.set(v, Math.min(lowlinks.get(v), indices.get(w)));
  }
  if (lowlinks.get(v) === indices.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v).some((i) => i.target === v)) components.push(component);
  }
}
for (const v of all) if (!indices.has(v)) connect(v);

/** One cycle through `start` inside its component, as the path of imports that makes it. */
function cycleFrom(start, members) {
  const seen = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const { target: w, dynamic } of graph.get(v)) {
      if (!members.has(w)) continue;
      if (w === start) {
        const steps = [{ file: v, dynamic }];
        for (let p = seen.get(v); p; p = seen.get(p.file)) steps.unshift(p);
        return [start, ...steps.map((s) => s.file).slice(1), start].map((f, i) =>
          i === 0 ? rel(f) : `${steps[i - 1]?.dynamic ? "→ import()" : "→"} ${rel(f)}`,
        );
      }
      if (!seen.has(w)) {
        seen.set(w, { file: v, dynamic });
        queue.push(w);
      }
    }
  }
  return [rel(start)];
}

const rel = (f) => path.relative(process.cwd(), f);

if (components.length === 0) {
  console.log(`no import cycles among ${all.length} modules in ${rel(root) || "."}`);
} else {
  for (const component of components) {
    const members = new Set(component);
    const start = [...component].sort()[0];
    console.log(`cycle: ${cycleFrom(start, members).join(" ")}`);
    if (component.length > 2) console.log(`  all tied together: ${component.map(rel).sort().join(", ")}`);
  }
  console.log(`${components.length} import cycle(s) among ${all.length} modules in ${rel(root)}`);
  process.exitCode = 1;
}
