/**
 * One browser for one command: every command that drives a browser (check, the PDF export) runs
 * inside withBrowser(), which owns the browser's whole life. It launches it, turns Ctrl-C, SIGTERM or
 * SIGHUP (the terminal closed) into "interrupted" (exit 130) after ending the browser so that whatever
 * the command awaits fails at once, and closes it, or kills it when closing fails, in every case. A
 * SIGKILL leaves no browser either: it talks to Chromium over a pipe (launch.ts).
 */
import type { Browser } from "puppeteer-core";
import { DeckError, ExitCode, STOP_SIGNALS } from "../errors.js";
import { launchBrowser } from "./launch.js";

export interface SessionOptions {
  browserPath?: string;
  /** Bounds the launch (ms); the launcher's default when not given. */
  timeout?: number;
  /** What an interruption leaves undone, for its message: "no PDF written". */
  undone: string;
}

export interface BrowserSession {
  browser: Browser;
  /** Whether Ctrl-C, SIGTERM or SIGHUP came: the browser is gone, the command should stop. */
  readonly interrupted: boolean;
}

/**
 * Run `work` with a browser, closed (or killed) afterwards; an interruption rejects with exit code 130.
 * `prepare` runs first, before the launch but already covered by the interrupt handling (check builds
 * its temporary deck there, so that Ctrl-C during the build still removes it).
 */
export async function withBrowser<T, P = undefined>(
  options: SessionOptions & { prepare?: () => P },
  work: (session: BrowserSession, prepared: P) => Promise<T>,
): Promise<T> {
  let browser: Browser | null = null;
  const state = { interrupted: false };
  // Puppeteer's own handlers would end the process before the callers' finally blocks (removing a
  // temporary deck, leaving no partial PDF) ran: the browser is launched without them.
  const onSignal = () => {
    state.interrupted = true;
    browser?.process()?.kill("SIGKILL");
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  const interrupted = () => new DeckError(`interrupted: ${options.undone}`, ExitCode.interrupted);
  try {
    const prepared = options.prepare ? options.prepare() : (undefined as P);
    if (state.interrupted) throw interrupted();
    browser = await launchBrowser({ browserPath: options.browserPath, timeout: options.timeout, handleSignals: false });
    if (state.interrupted) throw interrupted();
    const session: BrowserSession = {
      browser,
      get interrupted() {
        return state.interrupted;
      },
    };
    const result = await work(session, prepared);
    if (state.interrupted) throw interrupted();
    return result;
  } catch (e) {
    throw state.interrupted && !(e instanceof DeckError && e.exitCode === ExitCode.interrupted) ? interrupted() : e;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    await closeOrKill(browser);
  }
}

async function closeOrKill(browser: Browser | null): Promise<void> {
  if (!browser) return;
  try {
    await browser.close();
  } catch {
    // Already gone (killed on a signal): make sure of it.
    browser.process()?.kill("SIGKILL");
  }
}
