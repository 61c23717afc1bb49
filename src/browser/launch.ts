/** Start a browser through Puppeteer, which is imported here only, when a command needs it. */
import { existsSync } from "node:fs";
import type { Browser, LaunchOptions } from "puppeteer";
import { DeckError, ExitCode } from "../errors.js";
import { NO_BROWSER_HELP, resolveBrowser } from "./resolve.js";

export interface LaunchRequest {
  browserPath?: string;
  /** Bounds the launch and, by default, every later wait (ms). */
  timeout?: number;
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
  if (process.getuid?.() === 0 || existsSync("/.dockerenv") || process.env.container) args.unshift("--no-sandbox");
  return args;
}

export async function launchBrowser(request: LaunchRequest = {}): Promise<Browser> {
  const found = resolveBrowser({
    browserPath: request.browserPath,
    env: process.env,
    platform: process.platform,
    exists: existsSync,
  });
  if (!found) {
    const what = request.browserPath ? `no browser at ${request.browserPath} (from --browser-path): ` : "";
    throw new DeckError(`${what}${NO_BROWSER_HELP}`, ExitCode.browserMissing);
  }
  const { default: puppeteer } = await import("puppeteer");
  const options: LaunchOptions = {
    executablePath: found.path,
    headless: found.path.includes("headless-shell") ? "shell" : true,
    args: chromiumArgs(),
    timeout: request.timeout ?? DEFAULT_BROWSER_TIMEOUT,
    protocolTimeout: Math.max(request.timeout ?? DEFAULT_BROWSER_TIMEOUT, 30_000),
  };
  try {
    return await puppeteer.launch(options);
  } catch (e) {
    throw new DeckError(
      `could not start the browser at ${found.path} (${found.source}): ${firstLine(e)}; pass another with --browser-path`,
      ExitCode.browser,
    );
  }
}

const firstLine = (e: unknown): string => String(e instanceof Error ? e.message : e).split("\n")[0] ?? "";
