/**
 * Browsers installed in Puppeteer's cache (`~/.cache/puppeteer`, or `PUPPETEER_CACHE_DIR`): by
 * `npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer`, or by
 * Puppeteer itself. Never the current folder, the installer's default: that is often the folder of
 * an essay from someone else, and a file laid out like a browser there would be run. @puppeteer/browsers
 * computes the paths; this module says where to look and which one to take.
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

/** Puppeteer's cache: PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer (on every system, as Puppeteer has it). */
export function browserCacheDir(env: Record<string, string | undefined>, home: string): string {
  return env.PUPPETEER_CACHE_DIR || path.join(home, ".cache", "puppeteer");
}

/** Chrome's headless shell starts faster and prints the same PDFs: it comes first, then Chrome, then Chromium. */
const PREFERENCE = ["chrome-headless-shell", "chrome", "chromium"];

/** The usable browsers of the cache, best first: by kind, then the newest build. Pure. */
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
 * The installed browsers as candidates, best first. Each `<cache>/<browser>/<platform>-<buildId>`
 * folder of this platform is one; @puppeteer/browsers computes its executable's path. Folders of other
 * names and an unreadable cache are passed over.
 */
export async function installedBrowsers(
  env: Record<string, string | undefined> = process.env,
  home = os.homedir(),
): Promise<BrowserCandidate[]> {
  const { computeExecutablePath, detectBrowserPlatform } = await import("@puppeteer/browsers");
  const platform = detectBrowserPlatform();
  if (!platform) return [];
  const cacheDir = browserCacheDir(env, home);
  const entries: InstalledEntry[] = [];
  for (const browser of PREFERENCE) {
    for (const folder of subfolders(path.join(cacheDir, browser))) {
      if (!folder.startsWith(`${platform}-`)) continue;
      const buildId = folder.slice(platform.length + 1);
      const executablePath = computeExecutablePath({ cacheDir, browser: browser as Browser, buildId, platform });
      entries.push({ browser, buildId, platform, executablePath });
    }
  }
  return rankInstalled(entries, platform).map((e) => ({ path: e.executablePath, source: "Puppeteer's cache" }));
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
