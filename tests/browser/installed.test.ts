import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserPlatform, detectBrowserPlatform } from "@puppeteer/browsers";
import { describe, expect, it } from "vitest";
import { browserCacheDir, installedBrowsers, rankInstalled } from "../../src/browser/installed.js";

/** Lay out a browser the way `npx @puppeteer/browsers install` does, with @puppeteer/browsers' own path rules. */
async function install(root: string, browser: string, buildId: string, platform = detectBrowserPlatform() as BrowserPlatform) {
  const { computeExecutablePath } = await import("@puppeteer/browsers");
  const exe = computeExecutablePath({ cacheDir: root, browser: browser as Browser, buildId, platform });
  mkdirSync(path.dirname(exe), { recursive: true });
  writeFileSync(exe, "");
  return exe;
}

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), "essay-deck-installed-"));

describe("browsers installed with @puppeteer/browsers", () => {
  it("looks in Puppeteer's cache: PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer", () => {
    expect(browserCacheDir({}, "/home/a")).toBe(path.join("/home/a", ".cache", "puppeteer"));
    expect(browserCacheDir({ PUPPETEER_CACHE_DIR: "/opt/pc" }, "/home/a")).toBe("/opt/pc");
  });

  it("ranks the headless shell first, then Chrome, then Chromium, newest build first, this platform only", () => {
    const entry = (browser: string, buildId: string, platform = "linux") => ({
      browser,
      buildId,
      platform,
      executablePath: `/${browser}/${buildId}/${platform}`,
    });
    const ranked = rankInstalled(
      [
        entry("chromium", "1400000"),
        entry("chrome", "147.0.7727.56"),
        entry("chrome", "148.0.7778.97"),
        entry("firefox", "stable_140.0"),
        entry("chromedriver", "148.0.7778.97"),
        entry("chrome-headless-shell", "148.0.7778.97", "win64"),
        entry("chrome-headless-shell", "147.0.7727.100"),
        entry("chrome-headless-shell", "147.0.7727.56"),
      ],
      "linux",
    );
    expect(ranked.map((e) => `${e.browser}@${e.buildId}`)).toEqual([
      "chrome-headless-shell@147.0.7727.100",
      "chrome-headless-shell@147.0.7727.56",
      "chrome@148.0.7778.97",
      "chrome@147.0.7727.56",
      "chromium@1400000",
    ]);
  });

  it("finds what the installer laid out in the cache, the headless shell first", async () => {
    const cache = tempDir();
    const chrome = await install(cache, "chrome", "148.0.7778.97");
    const shell = await install(cache, "chrome-headless-shell", "147.0.7727.56");
    // Another platform's build and a folder of another name are not browsers.
    await install(cache, "chrome", "148.0.7778.97", (detectBrowserPlatform() === "win64" ? "linux" : "win64") as BrowserPlatform);
    mkdirSync(path.join(cache, "chromium", "my-notes"), { recursive: true });
    expect(await installedBrowsers({ PUPPETEER_CACHE_DIR: cache })).toEqual([
      { path: shell, source: "Puppeteer's cache" },
      { path: chrome, source: "Puppeteer's cache" },
    ]);
    // ~/.cache/puppeteer when the variable is not set.
    const home = tempDir();
    const cached = await install(path.join(home, ".cache", "puppeteer"), "chrome-headless-shell", "148.0.7778.97");
    expect(await installedBrowsers({}, home)).toEqual([{ path: cached, source: "Puppeteer's cache" }]);
  });

  it("never looks in the current folder, which may be someone else's essay", async () => {
    const folder = tempDir();
    await install(folder, "chrome-headless-shell", "148.0.7778.97");
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      expect(await installedBrowsers({ PUPPETEER_CACHE_DIR: path.join(folder, "missing") }, tempDir())).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });

  it("finds none, without failing, where a file is named like a browser folder", async () => {
    const cache = tempDir();
    writeFileSync(path.join(cache, "chrome"), "not a folder");
    expect(await installedBrowsers({ PUPPETEER_CACHE_DIR: cache })).toEqual([]);
  });
});
