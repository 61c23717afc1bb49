/**
 * Browsers that `npx @puppeteer/browsers install chrome-headless-shell@stable` put on the disk: in
 * the folder it ran in (its default `--path`), or in Puppeteer's cache (`~/.cache/puppeteer`,
 * `PUPPETEER_CACHE_DIR`), where Puppeteer itself installs them. @puppeteer/browsers reads those
 * folders; this module says where to look and which one to take.
 */
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@puppeteer/browsers";
import type { BrowserCandidate } from "./resolve.js";

export interface InstalledEntry {
  browser: string;
  buildId: string;
  platform: string;
  executablePath: string;
}

export interface CacheDir {
  dir: string;
  /** For messages: where the browser came from. */
  source: string;
}

/** The current folder first (where the installer put it by default), then Puppeteer's cache. */
export function browserCacheDirs(env: Record<string, string | undefined>, cwd: string, home: string): CacheDir[] {
  const cache = env.PUPPETEER_CACHE_DIR || path.join(home, ".cache", "puppeteer");
  const dirs = [{ dir: cwd, source: "installed in the current folder" }];
  if (path.resolve(cache) !== path.resolve(cwd)) dirs.push({ dir: cache, source: "Puppeteer's cache" });
  return dirs;
}

/** Chrome's headless shell starts faster and prints the same PDFs: it comes first, then Chrome, then Chromium. */
const PREFERENCE = ["chrome-headless-shell", "chrome", "chromium"];

/** The usable browsers of one folder, best first: by kind, then the newest build. Pure. */
export function rankInstalled(entries: InstalledEntry[], platform: string | undefined): InstalledEntry[] {
  return entries
    .filter((e) => PREFERENCE.includes(e.browser) && e.platform === platform)
    .sort((a, b) => PREFERENCE.indexOf(a.browser) - PREFERENCE.indexOf(b.browser) || compareBuilds(b.buildId, a.buildId));
}

/** `148.0.7778.97` against `147.0.7727.56` (Chrome), or `1400000` against `1399999` (Chromium). */
function compareBuilds(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The installed browsers as candidates, best first. Each `<dir>/<browser>/<platform>-<buildId>` folder
 * of this platform is one; @puppeteer/browsers computes its executable's path. Folders of other names
 * (a user's own `chrome/notes`) and unreadable folders are passed over.
 */
export async function installedBrowsers(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Promise<BrowserCandidate[]> {
  const { computeExecutablePath, detectBrowserPlatform } = await import("@puppeteer/browsers");
  const platform = detectBrowserPlatform();
  if (!platform) return [];
  const out: BrowserCandidate[] = [];
  for (const { dir, source } of browserCacheDirs(env, cwd, os.homedir())) {
    const entries: InstalledEntry[] = [];
    for (const browser of PREFERENCE) {
      for (const folder of subfolders(path.join(dir, browser))) {
        if (!folder.startsWith(`${platform}-`)) continue;
        const buildId = folder.slice(platform.length + 1);
        const executablePath = computeExecutablePath({ cacheDir: dir, browser: browser as Browser, buildId, platform });
        entries.push({ browser, buildId, platform, executablePath });
      }
    }
    for (const e of rankInstalled(entries, platform)) out.push({ path: e.executablePath, source });
  }
  return out;
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return [];
  }
}
