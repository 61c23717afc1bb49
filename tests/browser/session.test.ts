import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { withBrowser } from "../../src/browser/session.js";
import { DeckError, ExitCode } from "../../src/errors.js";

/** Whether a process still runs (signal 0 only asks). */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const waitGone = async (pid: number): Promise<boolean> => {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
};

/** This process's children (the browser, once spawned). */
const children = (): string[] => {
  try {
    return execFileSync("pgrep", ["-P", String(process.pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
  } catch {
    return [];
  }
};

/** Every process under `pid`: a wrapper script's Chromium and Chromium's own helpers. */
const descendants = (pid: number): number[] => {
  let kids: number[] = [];
  try {
    kids = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {}
  return kids.flatMap((k) => [k, ...descendants(k)]);
};

describe("one browser session", () => {
  it("hands the browser to the work and closes it after", async () => {
    let pid = 0;
    const title = await withBrowser({ undone: "nothing done" }, async ({ browser }) => {
      pid = browser.process()?.pid ?? 0;
      const page = await browser.newPage();
      await page.setContent("<title>in session</title>");
      return page.title();
    });
    expect(title).toBe("in session");
    expect(pid).toBeGreaterThan(0);
    expect(await waitGone(pid)).toBe(true);
  });

  it("closes the browser on release() while the work goes on without it", async () => {
    let processes: number[] = [];
    const result = await withBrowser({ undone: "nothing done" }, async (session) => {
      const pid = session.browser.process()?.pid ?? 0;
      const page = await session.browser.newPage();
      await page.setContent("<p>printed</p>");
      processes = [pid, ...descendants(pid)];
      session.release();
      const gone = await Promise.all(processes.map(waitGone));
      return { gone, connected: session.browser.connected };
    });
    expect(processes.length).toBeGreaterThan(1);
    expect(result.gone.every(Boolean)).toBe(true);
    expect(result.connected).toBe(false);
  });

  it("closes the browser when the work fails, and passes the failure on", async () => {
    let pid = 0;
    const failing = withBrowser({ undone: "nothing done" }, async ({ browser }) => {
      pid = browser.process()?.pid ?? 0;
      throw new DeckError("the work failed", ExitCode.browser);
    });
    await expect(failing).rejects.toMatchObject({ message: "the work failed", exitCode: ExitCode.browser });
    expect(await waitGone(pid)).toBe(true);
  });

  it("turns Ctrl-C into exit 130: the browser ends at once, what the work awaits fails, the handlers go", async () => {
    const before = process.listenerCount("SIGINT");
    let pid = 0;
    // Debian's chromium is a script that runs Chromium as its child: both must end.
    let chromium: number[] = [];
    const interrupted = withBrowser({ undone: "nothing was done" }, async (session) => {
      pid = session.browser.process()?.pid ?? 0;
      const page = await session.browser.newPage();
      chromium = descendants(pid);
      expect(process.listenerCount("SIGINT")).toBe(before + 1);
      process.emit("SIGINT");
      expect(session.interrupted).toBe(true);
      // The browser is gone: this never resolves normally.
      await page.evaluate(() => new Promise(() => {}));
    });
    await expect(interrupted).rejects.toMatchObject({ message: "interrupted: nothing was done", exitCode: 130 });
    expect(await waitGone(pid)).toBe(true);
    expect(await Promise.all(chromium.map(waitGone))).toEqual(chromium.map(() => true));
    expect(process.listenerCount("SIGINT")).toBe(before);
  });

  it("runs prepare while the browser starts (already spawned) and gives the work its result", async () => {
    const order: string[] = [];
    let spawned: string[] = [];
    const got = await withBrowser(
      {
        undone: "nothing done",
        prepare: () => {
          order.push("prepare");
          spawned = children();
          return 42;
        },
      },
      async ({ browser }, prepared) => {
        order.push("work");
        expect(spawned).toContain(String(browser.process()?.pid));
        return prepared;
      },
    );
    expect(got).toBe(42);
    expect(order).toEqual(["prepare", "work"]);
  });

  it("reports prepare's failure, not the browser's, and closes the browser", async () => {
    let pid = "";
    const failed = withBrowser(
      {
        undone: "nothing done",
        prepare: () => {
          pid = children().at(-1) ?? "";
          throw new DeckError("the essay is empty", ExitCode.inputInvalid);
        },
      },
      async () => "never",
    );
    await expect(failed).rejects.toMatchObject({ message: "the essay is empty" });
    expect(pid).not.toBe("");
    expect(await waitGone(Number(pid))).toBe(true);
  });
});
