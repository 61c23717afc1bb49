/** Start a browser through puppeteer-core, which is imported here only, when a command needs it. */
import { existsSync, statSync } from "node:fs";
import type { Browser, LaunchOptions, Page } from "puppeteer-core";
import { DeckError, ExitCode } from "../errors.js";
import { installedBrowsers } from "./installed.js";
import { noBrowserMessage, resolveBrowser } from "./resolve.js";

export interface LaunchRequest {
  browserPath?: string;
  /** Bounds the launch and, by default, every later wait (ms). */
  timeout?: number;
  /**
   * Let Puppeteer close the browser on Ctrl-C and exit the process (its default). A command's
   * browser session (session.ts) passes false: it handles the signals itself, to clean up and
   * return its own exit code.
   */
  handleSignals?: boolean;
  /** Chromium's profile folder, which the caller then removes; by default Puppeteer makes and removes one. */
  userDataDir?: string;
  /** Called just before Puppeteer spawns the browser (which it does a few promise steps later). */
  onSpawn?: () => void;
}

export const DEFAULT_BROWSER_TIMEOUT = 60_000;

/** Flags that keep a headless Chromium quiet on a closed network and working as root or in a container. */
export function chromiumArgs(): string[] {
  const args = [
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--font-render-hinting=none",
  ];
  if (process.getuid?.() === 0 || existsSync("/.dockerenv") || existsSync("/run/.containerenv") || process.env.container)
    args.unshift("--no-sandbox");
  return args;
}

export async function launchBrowser(request: LaunchRequest = {}): Promise<Browser> {
  const { default: puppeteer } = await import("puppeteer-core");
  const found = resolveBrowser({
    browserPath: request.browserPath,
    env: process.env,
    platform: process.platform,
    exists: isFile,
    installed: request.browserPath ? [] : await installedBrowsers(),
  });
  if (!found) throw new DeckError(noBrowserMessage(request.browserPath), ExitCode.browserMissing);
  const handleSignals = request.handleSignals ?? true;
  const options: LaunchOptions = {
    handleSIGINT: handleSignals,
    handleSIGTERM: handleSignals,
    handleSIGHUP: handleSignals,
    executablePath: found.path,
    headless: found.path.includes("headless-shell") ? "shell" : true,
    args: chromiumArgs(),
    // Over a pipe, Chromium reads end-of-file when this process dies, even by SIGKILL, and quits:
    // measured, no Chromium process outlives a killed export (over a WebSocket, 2 or 3 did, for good).
    pipe: true,
    timeout: request.timeout ?? DEFAULT_BROWSER_TIMEOUT,
    protocolTimeout: Math.max(request.timeout ?? DEFAULT_BROWSER_TIMEOUT, 30_000),
    ...(request.userDataDir ? { userDataDir: request.userDataDir } : {}),
  };
  try {
    const launching = puppeteer.launch(options);
    request.onSpawn?.();
    const browser = await launching;
    // Chromium opens a blank tab as it starts: its renderer is ready, and the first page a command
    // opens takes it instead of starting another.
    const [first] = await browser.pages();
    if (first) blankTabs.set(browser, first);
    return browser;
  } catch (e) {
    if (e instanceof Error && e.name === "TimeoutError") {
      const seconds = (request.timeout ?? DEFAULT_BROWSER_TIMEOUT) / 1000;
      throw new DeckError(
        `the browser at ${found.path} did not start within ${seconds} s: pass a longer --browser-timeout (seconds), or another browser with --browser-path`,
        ExitCode.browser,
      );
    }
    throw new DeckError(
      `could not start the browser at ${found.path} (${found.source}): ${firstLine(e)}; pass another with --browser-path`,
      ExitCode.browser,
    );
  }
}

const blankTabs = new WeakMap<Browser, Page>();

/** The blank tab the browser started with, once (the first caller gets it); else a new page. */
export async function takeBlankTab(browser: Browser): Promise<Page> {
  const tab = blankTabs.get(browser);
  blankTabs.delete(browser);
  return tab ?? browser.newPage();
}

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** The first line of an error's message: browser errors carry a page of log after it. */
export const firstLine = (e: unknown): string => String(e instanceof Error ? e.message : e).split("\n")[0] ?? "";
