/**
 * Which browser to drive, in this order: --browser-path, PUPPETEER_EXECUTABLE_PATH, CHROME_PATH,
 * a browser installed with @puppeteer/browsers in Puppeteer's cache, then the usual system
 * places. Pure: the caller passes in the environment, the installed browsers and a way to test
 * whether a file exists.
 */
export interface BrowserCandidate {
  path: string;
  /** Where the path came from, for messages: "--browser-path", "CHROME_PATH", "system". */
  source: string;
}

export interface ResolveInput {
  browserPath?: string;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  exists: (file: string) => boolean;
  /** Browsers in Puppeteer's cache, installed with `npx @puppeteer/browsers install …`, best first (browser/installed.ts). */
  installed?: BrowserCandidate[];
}

export const SYSTEM_BROWSERS: Record<string, string[]> = {
  linux: [
    // First: Chromium's headless shell starts about three times faster, and prints the same PDFs.
    "/usr/bin/chromium-headless-shell",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/opt/google/chrome/chrome",
    "/usr/bin/microsoft-edge",
    "/usr/bin/microsoft-edge-stable",
    "/snap/bin/chromium",
  ],
  darwin: [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  ],
  win32: [
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
    "C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe",
  ],
};

/** The candidates in order; the first that exists is used. An explicit path is the only candidate. */
export function browserCandidates(input: ResolveInput): BrowserCandidate[] {
  if (input.browserPath) return [{ path: input.browserPath, source: "--browser-path" }];
  const out: BrowserCandidate[] = [];
  for (const name of ["PUPPETEER_EXECUTABLE_PATH", "CHROME_PATH"]) {
    const value = input.env[name];
    if (value) out.push({ path: value, source: name });
  }
  out.push(...(input.installed ?? []));
  for (const p of SYSTEM_BROWSERS[input.platform] ?? []) out.push({ path: p, source: "system" });
  for (const p of userBrowsers(input)) out.push({ path: p, source: "system" });
  return out;
}

/** Per-user installs: Chrome on Windows goes to %LOCALAPPDATA% without admin rights; apps in ~/Applications on macOS. */
function userBrowsers(input: ResolveInput): string[] {
  if (input.platform === "win32" && input.env.LOCALAPPDATA) {
    const base = input.env.LOCALAPPDATA.replace(/[\\/]+$/, "");
    return [`${base}\\Google\\Chrome\\Application\\chrome.exe`, `${base}\\Chromium\\Application\\chrome.exe`];
  }
  if (input.platform === "darwin" && input.env.HOME) {
    return (SYSTEM_BROWSERS.darwin ?? []).map((app) => `${input.env.HOME}${app}`);
  }
  return [];
}

export function resolveBrowser(input: ResolveInput): BrowserCandidate | null {
  return browserCandidates(input).find((c) => input.exists(c.path)) ?? null;
}

export const NO_BROWSER_HELP =
  "install Chrome, Chromium or Edge (Debian/Ubuntu: apt-get install -y --no-install-recommends chromium-headless-shell fonts-noto-cjk; " +
  "anywhere: npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer), or pass --browser-path /path/to/chrome";

/** One line: what was not found, and both ways to get a browser. */
export function noBrowserMessage(browserPath?: string): string {
  if (browserPath) return `no browser at ${browserPath} (--browser-path): ${NO_BROWSER_HELP}`;
  return `no Chrome, Chromium or Edge found (looked at PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, Puppeteer's cache and the usual places): ${NO_BROWSER_HELP}`;
}
