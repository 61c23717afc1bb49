import { describe, expect, it } from "vitest";
import { browserCandidates, noBrowserMessage, resolveBrowser } from "../../src/browser/resolve.js";

const base = { env: {}, platform: "linux" as NodeJS.Platform, exists: () => true };

describe("finding a browser", () => {
  it("takes --browser-path alone when given, even over the environment", () => {
    const input = { ...base, browserPath: "/opt/chrome/chrome", env: { CHROME_PATH: "/x/chrome" } };
    expect(browserCandidates(input)).toEqual([{ path: "/opt/chrome/chrome", source: "--browser-path" }]);
    expect(resolveBrowser({ ...input, exists: () => false })).toBeNull();
  });

  it("looks in order: PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, installed browsers, then system places", () => {
    const sources = browserCandidates({
      ...base,
      env: { PUPPETEER_EXECUTABLE_PATH: "/p/chrome", CHROME_PATH: "/c/chrome" },
      installed: [{ path: "/cache/chrome", source: "Puppeteer's cache" }],
    }).map((c) => c.path);
    expect(sources.slice(0, 4)).toEqual(["/p/chrome", "/c/chrome", "/cache/chrome", "/usr/bin/chromium-headless-shell"]);
  });

  it("skips what does not exist and takes the first that does", () => {
    const found = resolveBrowser({
      ...base,
      env: { CHROME_PATH: "/gone/chrome" },
      installed: [{ path: "/cache/chrome", source: "Puppeteer's cache" }],
      exists: (p) => p === "/usr/bin/google-chrome" || p === "/snap/bin/chromium",
    });
    expect(found).toEqual({ path: "/usr/bin/google-chrome", source: "system" });
  });

  it("knows the places on macOS and Windows, per-user installs included", () => {
    const mac = browserCandidates({ ...base, platform: "darwin", env: { HOME: "/Users/a" } }).map((c) => c.path);
    expect(mac[0]).toBe("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    expect(mac).toContain("/Users/a/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    expect(mac).toContain("/Users/a/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge");
    const win = browserCandidates({ ...base, platform: "win32", env: { LOCALAPPDATA: "C:\\Users\\a\\AppData\\Local" } });
    expect(win.map((c) => c.path)).toContain("C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe");
    expect(win.at(-2)?.path).toBe("C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe");
  });

  it("finds nothing on an unknown platform with an empty environment", () => {
    expect(resolveBrowser({ ...base, platform: "aix" })).toBeNull();
  });

  it("says in one line both ways to get a browser", () => {
    for (const message of [noBrowserMessage(), noBrowserMessage("/nonexistent")]) {
      expect(message).not.toContain("\n");
      expect(message).toContain("apt-get install");
      expect(message).toContain("npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer");
      expect(message).toContain("--browser-path");
    }
    expect(noBrowserMessage("/nonexistent")).toMatch(/^no browser at \/nonexistent/);
  });
});
