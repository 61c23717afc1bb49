/**
 * The compile cache, for real: the bundle run as package.json's bin with the cache in a temporary
 * XDG_CACHE_HOME. It is written after a run that went well, accepted by the next run (no entry is
 * written again), never changes what a build writes, and anything wrong with it costs only speed.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cacheBase, compileFolder } from "../../src/io/compile-cache.js";
import { snapshot } from "../hardening/helpers.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay, root } from "../helpers/paths.js";

const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string; bin: Record<string, string> };
const bin = path.join(root, pkg.bin["essay-deck"] ?? "");

function run(cache: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const clean = { ...process.env };
  delete clean.NODE_DISABLE_COMPILE_CACHE;
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...clean, XDG_CACHE_HOME: cache, ...env },
  });
}

/** The entries of the cache folder, with their modification times. */
function entries(cache: string): Map<string, number> {
  const base = path.join(cache, "essay-deck");
  const found = new Map<string, number>();
  for (const dir of readdirSync(base)) {
    for (const name of readdirSync(path.join(base, dir))) {
      found.set(`${dir}/${name}`, statSync(path.join(base, dir, name)).mtimeMs);
    }
  }
  return found;
}

describe("the compile cache", () => {
  it("is written by a build that went well, accepted by the next, and changes nothing the build writes", () => {
    const cache = tempDir("essay-deck-cache-");
    const first = path.join(tempDir(), "deck");
    const second = path.join(tempDir(), "deck");
    const plain = path.join(tempDir(), "deck");
    expect(run(cache, ["build", referenceEssay, "-o", first, "-q"]).status).toBe(0);
    const written = entries(cache);
    const names = [...written.keys()].map((k) => k.split("/")[1] as string);
    // The CLI's bundle and the CommonJS packages a build loads, under this essay-deck's and Node's folder.
    expect([...written.keys()].every((k) => k.startsWith(`compile-${pkg.version}-node${process.version}-`))).toBe(true);
    expect(names.some((n) => /^build-cli\.cjs-/.test(n))).toBe(true);
    expect(names.some((n) => /^build-handlebars\.runtime\.js-/.test(n))).toBe(true);
    expect(statSync(path.join(cache, "essay-deck", [...written.keys()][0]?.split("/")[0] ?? "")).mode & 0o777).toBe(0o700);

    expect(run(cache, ["build", referenceEssay, "-o", second, "-q"]).status).toBe(0);
    // Every entry was accepted: none was made again.
    expect(entries(cache)).toEqual(written);
    expect(run(cache, ["build", referenceEssay, "-o", plain, "-q"], { NODE_DISABLE_COMPILE_CACHE: "1" }).status).toBe(0);
    expect(snapshot(second)).toEqual(snapshot(first));
    expect(snapshot(plain)).toEqual(snapshot(first));
  });

  it("keeps each command's entries apart, and writes none for a run that failed", () => {
    const cache = tempDir("essay-deck-cache-");
    const r = run(cache, ["outline", path.join(tempDir(), "missing.txt")]);
    expect(r.status).toBe(3);
    expect(readdirSync(path.join(cache, "essay-deck")).flatMap((d) => readdirSync(path.join(cache, "essay-deck", d)))).toEqual(
      [],
    );
    expect(run(cache, ["outline", referenceEssay]).status).toBe(0);
    const names = [...entries(cache).keys()].map((k) => k.split("/")[1] as string);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.startsWith("outline-"))).toBe(true);
  });

  it("survives entries that are garbage: the build is the same, and the entries are made again", () => {
    const cache = tempDir("essay-deck-cache-");
    const good = path.join(tempDir(), "deck");
    const after = path.join(tempDir(), "deck");
    expect(run(cache, ["build", referenceEssay, "-o", good, "-q"]).status).toBe(0);
    const base = path.join(cache, "essay-deck");
    const dir = path.join(base, readdirSync(base)[0] as string);
    for (const name of readdirSync(dir)) writeFileSync(path.join(dir, name), "not V8's code cache");
    const r = run(cache, ["build", referenceEssay, "-o", after, "-q"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(snapshot(after)).toEqual(snapshot(good));
    for (const name of readdirSync(dir)) expect(readFileSync(path.join(dir, name), "utf8")).not.toBe("not V8's code cache");
  });

  it("is not used from a folder others can write, nor through a link, and the build still works", () => {
    const shared = tempDir("essay-deck-cache-");
    mkdirSync(path.join(shared, "essay-deck"));
    const folder = path.join(shared, "essay-deck", `compile-${pkg.version}-node${process.version}-${process.arch}`);
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    expect(compileFolder(path.join(shared, "essay-deck"), pkg.version)).toBeNull();
    const out = path.join(tempDir(), "deck");
    expect(run(shared, ["build", referenceEssay, "-o", out, "-q"]).status).toBe(0);
    expect(readdirSync(folder)).toEqual([]);

    const linked = tempDir("essay-deck-cache-");
    const elsewhere = tempDir("essay-deck-elsewhere-");
    mkdirSync(path.join(linked, "essay-deck"));
    symlinkSync(elsewhere, path.join(linked, "essay-deck", `compile-${pkg.version}-node${process.version}-${process.arch}`));
    expect(compileFolder(path.join(linked, "essay-deck"), pkg.version)).toBeNull();
    expect(run(linked, ["build", referenceEssay, "-o", path.join(tempDir(), "deck"), "-q"]).status).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("removes the folders of other versions when it makes its own, and nothing else", () => {
    const base = tempDir("essay-deck-cache-");
    mkdirSync(path.join(base, "compile-0.0.1-nodev20.0.0-x64"));
    mkdirSync(path.join(base, "notes"));
    const dir = compileFolder(base, pkg.version);
    expect(dir).toBe(path.join(base, `compile-${pkg.version}-node${process.version}-${process.arch}`));
    expect(readdirSync(base).sort()).toEqual([path.basename(dir ?? ""), "notes"].sort());
  });

  it("lives in the platform's cache folder", () => {
    expect(cacheBase({ XDG_CACHE_HOME: "/x/cache" }, "linux")).toBe("/x/cache/essay-deck");
    // A relative XDG_CACHE_HOME is ignored, as the XDG spec says.
    expect(cacheBase({ XDG_CACHE_HOME: "cache" }, "linux")).toMatch(/\.cache[\\/]essay-deck$/);
    expect(cacheBase({}, "darwin")).toMatch(/Library[\\/]Caches[\\/]essay-deck$/);
    expect(cacheBase({ LOCALAPPDATA: "C:\\Users\\a\\AppData\\Local" }, "win32")).toContain("essay-deck");
    expect(cacheBase({}, "win32")).toBeNull();
  });
});
