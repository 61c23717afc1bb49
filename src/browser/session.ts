/**
 * One browser for one command: every command that drives a browser (check, the PDF export) runs
 * inside withBrowser(), which owns the browser's whole life. It launches it, turns Ctrl-C, SIGTERM or
 * SIGHUP (the terminal closed) into "interrupted" (exit 130) after ending the browser so that whatever
 * the command awaits fails at once, and closes it, or kills it when closing fails, in every case. A
 * SIGKILL leaves no browser either: it talks to Chromium over a pipe (launch.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, CDPSession } from "puppeteer-core";
import { DeckError, ExitCode, STOP_SIGNALS } from "../errors.js";
import { launchBrowser } from "./launch.js";

export interface SessionOptions {
  browserPath?: string;
  /** Bounds the launch (ms); the launcher's default when not given. */
  timeout?: number;
  /** What an interruption leaves undone, for its message: "no PDF written" (asked when it comes). */
  undone: string | (() => string);
}

export interface BrowserSession {
  browser: Browser;
  /** Whether Ctrl-C, SIGTERM or SIGHUP came: the browser is gone, the command should stop. */
  readonly interrupted: boolean;
  /**
   * The work needs the browser no more: it closes while the work finishes without it (a PDF's last
   * steps run in this process). Nothing may use the browser afterwards.
   */
  release(): void;
}

/**
 * Run `work` with a browser, closed (or killed) afterwards; an interruption rejects with exit code 130.
 * `prepare` runs while the browser starts (its process is spawned first, so Chromium boots on the
 * other core while this process builds the deck and loads the export's code), already covered by the
 * interrupt handling (check builds its temporary deck there, so that Ctrl-C during the build still
 * removes it). When `prepare` fails, its error is the one reported, and the browser is closed.
 */
export async function withBrowser<T, P = undefined>(
  options: SessionOptions & { prepare?: () => P | Promise<P> },
  work: (session: BrowserSession, prepared: P) => Promise<T>,
): Promise<T> {
  // A profile folder of our own: Puppeteer's would be made asynchronously, after `prepare` began.
  const profile = mkdtempSync(path.join(os.tmpdir(), "essay-deck-chromium-"));
  let browser: Browser | null = null;
  const state = { interrupted: false };
  // Puppeteer's own handlers would end the process before the callers' finally blocks (removing a
  // temporary deck, leaving no partial PDF) ran: the browser is launched without them.
  const onSignal = () => {
    state.interrupted = true;
    if (browser) stop(browser);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  const interrupted = () =>
    new DeckError(`interrupted: ${typeof options.undone === "string" ? options.undone : options.undone()}`, ExitCode.interrupted);
  let spawning: () => void = () => {};
  const spawned = new Promise<void>((resolve) => {
    spawning = resolve;
  });
  const launching = launchBrowser({
    browserPath: options.browserPath,
    timeout: options.timeout,
    handleSignals: false,
    userDataDir: profile,
    onSpawn: () => spawning(),
  }).then((b) => {
    browser = b;
    if (state.interrupted) stop(b);
    return b;
  });
  launching.catch(() => spawning());
  // A session on the browser itself, opened while the work runs, so closing sends Browser.close at once.
  const browserCdp = launching.then((b) => b.target().createCDPSession());
  browserCdp.catch(() => undefined);
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= launching.then(
      (b) => closeOrKill(b, browserCdp),
      () => undefined,
    );
    return closing;
  };
  try {
    // Puppeteer spawns Chromium a few promise steps after it is called: let them run.
    await spawned;
    await new Promise((resolve) => setImmediate(resolve));
    const prepared = options.prepare ? await options.prepare() : (undefined as P);
    if (state.interrupted) throw interrupted();
    const ready = await launching;
    if (state.interrupted) throw interrupted();
    const session: BrowserSession = {
      browser: ready,
      get interrupted() {
        return state.interrupted;
      },
      release: () => void close(),
    };
    const result = await work(session, prepared);
    if (state.interrupted) throw interrupted();
    return result;
  } catch (e) {
    throw state.interrupted && !(e instanceof DeckError && e.exitCode === ExitCode.interrupted) ? interrupted() : e;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    await close();
    removeProfile(profile);
  }
}

/**
 * End the browser at once. The process killed may be a wrapper script (Debian's chromium is one)
 * whose Chromium lives on: Chromium quits when its end of the pipe closes, so this process's ends
 * are closed too. Dropping the connection fails every call still waiting on the browser now, not
 * at its timeout.
 */
function stop(browser: Browser): void {
  const child = browser.process();
  child?.kill("SIGKILL");
  for (const stream of child?.stdio ?? []) stream?.destroy();
  browser.disconnect().catch(() => undefined);
}

/** How long Chromium may take to quit once asked, before it is killed (ms). */
const QUIT_WAIT = 5_000;

/**
 * Ask Chromium to quit and wait until it has, or kill it. Not Puppeteer's browser.close(): that
 * closes the pages' sessions while still connected, and each then waits 100 ms for a frame swap
 * that never comes, holding the process open after its work is done. Here Browser.close is sent on
 * the browser's own session, the connection dropped at once, and only the browser's process awaited.
 */
async function closeOrKill(browser: Browser, browserCdp: Promise<CDPSession>): Promise<void> {
  const child = browser.process();
  const exited = new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const quit = async () => {
    const cdp = await browserCdp;
    cdp.send("Browser.close").catch(() => undefined);
    await browser.disconnect();
    await exited;
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      quit(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("Chromium did not quit")), QUIT_WAIT);
      }),
    ]);
  } catch {
    // Already gone (killed on a signal), or not quitting: make sure of it.
    stop(browser);
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Best effort, as Puppeteer does with its own: a killed browser's last processes may still be writing there. */
function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch {
    // Left in the system's temporary folder.
  }
}
