/**
 * V8's compiled code for the CLI kept between runs, so that a build does not compile the same
 * JavaScript again at every start (most of a small build's time above Node's own start).
 *
 * On Node 22.1 and later this is Node's own `module.enableCompileCache()`. On Node 20, which has no
 * such API, the CommonJS files the CLI loads are compiled here with `vm.Script` and its `cachedData`:
 * the cache is made when the process exits, after the run, so it holds the functions the run
 * compiled and not only the top level. A file is keyed on its path, size and modification time,
 * Node's version and the command run (`build`, `serve`…), so each command warms its own entries.
 *
 * Compiled code is code: the cache folder is the user's own (XDG cache or the platform's), made
 * private, and refused when a link, someone else's, or writable by others. Anything that goes wrong
 * here costs only speed: the CLI then compiles as usual. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";

/** What the CommonJS loader calls to compile a file (Node's `Module.prototype._compile`). */
type Compile = (this: NodeJS.Module, content: string, filename: string, format?: string) => unknown;
type ModuleWithCompile = { prototype: { _compile: Compile }; wrap(content: string): string };

/** The cache folder: the platform's cache folder for essay-deck, or null when none is known. */
export function cacheBase(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const home = os.homedir();
  if (platform === "win32") return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, "essay-deck", "Cache") : null;
  if (platform === "darwin") return home ? path.join(home, "Library", "Caches", "essay-deck") : null;
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : home && path.join(home, ".cache");
  return xdg ? path.join(xdg, "essay-deck") : null;
}

/**
 * This essay-deck's and this Node's folder in `base`, made private if missing (the folders of other
 * versions, which nothing will read again, are removed then); null unless it is a real folder only
 * this user can write.
 */
export function compileFolder(base: string, version: string): string | null {
  const name = `compile-${version}-node${process.version}-${process.arch}`;
  const dir = path.join(base, name);
  try {
    const made = mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined;
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return null;
    if (process.platform !== "win32" && typeof process.getuid === "function") {
      if (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0) return null;
    }
    if (made) {
      for (const old of readdirSync(base)) {
        if (old !== name && old.startsWith("compile-")) rmSync(path.join(base, old), { recursive: true, force: true });
      }
    }
    return dir;
  } catch {
    return null;
  }
}

/**
 * Turn the cache on for what this process loads from now on. `ownDir` is the folder of the CLI's
 * bundle: its files are checked at bundle time to hold no dynamic import(), which a script
 * compiled here could not run; any other CommonJS file is cached only when it has none either.
 */
export function enableCompileCache(ownDir: string, command: string, version: string): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const base = cacheBase();
  const dir = base === null ? null : compileFolder(base, version);
  if (dir === null) return;
  const native = (Module as unknown as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (typeof native === "function") {
    native(dir);
    return;
  }
  hookCompile(dir, ownDir, /^[a-z][a-z-]{0,30}$/.test(command) ? command : "other");
}

function hookCompile(dir: string, ownDir: string, command: string): void {
  const loader = Module as unknown as ModuleWithCompile;
  const original = loader.prototype._compile;
  const toWrite: Array<{ script: vm.Script; file: string }> = [];
  loader.prototype._compile = function compile(content, filename, format) {
    const cacheable =
      format !== "module" &&
      !content.startsWith("#!") &&
      /\.c?js$/.test(filename) &&
      (filename.startsWith(ownDir + path.sep) || !/\bimport\s*\(/.test(content));
    const entry = cacheable ? entryName(filename, command) : null;
    if (entry === null) return original.call(this, content, filename, format);
    const file = path.join(dir, `${entry}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {}
    const script = new vm.Script(loader.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) toWrite.push({ script, file });
    const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const require = createRequire(filename);
    return run.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  // After the run, so the cache holds what it compiled; only a run that went well is worth keeping.
  process.once("exit", (code) => {
    if (code !== 0) return;
    for (const { script, file } of toWrite) {
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, file);
      } catch {
        rmSync(tmp, { force: true });
      }
    }
  });
}

/** The cache entry of a file, null when it cannot be told apart from its next version. */
function entryName(filename: string, command: string): string | null {
  let stamp: string;
  try {
    // V8 checks only the length of the source it is given: a file's new bytes must make a new entry.
    const stat = statSync(filename);
    stamp = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return null;
  }
  const key = `${filename}\0${stamp}`;
  return `${command}-${path.basename(filename).replace(/[^\w.-]/g, "_")}-${createHash("sha256").update(key).digest("hex").slice(0, 24)}`;
}
