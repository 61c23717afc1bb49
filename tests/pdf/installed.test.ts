import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserPlatform, detectBrowserPlatform } from "@puppeteer/browsers";
import { describe, expect, it } from "vitest";
import { browserCacheDirs, installedBrowsers, rankInstalled } from "../../src/browser/installed.js";

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
  it("looks in the current folder, then in Puppeteer's cache (PUPPETEER_CACHE_DIR over ~/.cache/puppeteer)", () => {
    expect(browserCacheDirs({}, "/work/talk", "/home/a").map((d) => d.dir)).toEqual([
      "/work/talk",
      path.join("/home/a", ".cache", "puppeteer"),
    ]);
    expect(browserCacheDirs({ PUPPETEER_CACHE_DIR: "/opt/pc" }, "/work/talk", "/home/a").map((d) => d.dir)).toEqual([
      "/work/talk",
      "/opt/pc",
    ]);
    expect(browserCacheDirs({ PUPPETEER_CACHE_DIR: "/work/talk" }, "/work/talk", "/home/a")).toHaveLength(1);
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

  it("finds what the installer laid out in the current folder and in the cache, folder first", async () => {
    const cwd = tempDir();
    const cache = tempDir();
    const here = await install(cwd, "chrome", "148.0.7778.97");
    const cached = await install(cache, "chrome-headless-shell", "148.0.7778.97");
    // Another platform's build and a user's own folder named like a browser are not browsers.
    await install(cache, "chrome", "148.0.7778.97", (detectBrowserPlatform() === "win64" ? "linux" : "win64") as BrowserPlatform);
    mkdirSync(path.join(cwd, "chromium", "my-notes"), { recursive: true });
    const found = await installedBrowsers({ PUPPETEER_CACHE_DIR: cache }, cwd);
    expect(found).toEqual([
      { path: here, source: "installed in the current folder" },
      { path: cached, source: "Puppeteer's cache" },
    ]);
  });

  it("finds none, without failing, where a file is named like a browser folder or nothing is installed", async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "chrome"), "not a folder");
    expect(await installedBrowsers({ PUPPETEER_CACHE_DIR: path.join(cwd, "missing") }, cwd)).toEqual([]);
  });
});
