/** `essay-deck check`: build the deck, measure every slide in Chromium, report what does not fit. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import type { Browser } from "puppeteer-core";
import { interruptible, launchBrowser } from "../browser/launch.js";
import { build } from "../build.js";
import { DEFAULT_FLOORS, measureDeck } from "../check/measure.js";
import { buildReport, type CheckReport, formatTable, hasFitFailure } from "../check/report.js";
import { DeckError, ExitCode } from "../errors.js";
import { displayPath } from "../io/paths.js";
import { DEFAULT_THEME } from "../themes.js";
import { addEssayOptions, type BuildFlags, essayOptions } from "./build.js";
import type { CliIO } from "./index.js";
import { createLogger } from "./log.js";

interface CheckFlags extends BuildFlags {
  json?: boolean;
  browserPath?: string;
}

export function registerCheck(program: Command, io: CliIO): void {
  const cmd = program
    .command("check")
    .description("build the deck and measure every slide in Chromium: overflow, text below the floor, missing glyphs")
    .argument("[input]", "essay file or folder (default: ./content/)")
    .option("-o, --output <dir>", "build into this folder and keep it (default: a temporary folder)")
    .option("--json", "print the report as JSON on stdout")
    .option("--browser-path <path>", "Chrome, Chromium or Edge to measure with (default: found on this machine)");
  addEssayOptions(cmd).action(async (input: string | undefined, flags: CheckFlags) => {
    const report = await runCheck(input, flags, io);
    io.stdout(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatTable(report));
    const failing = report.slides.filter((s) => s.problems.length > 0);
    if (failing.length === 0) return;
    const list = failing.map((s) => `${s.number} ${s.id}`).join(", ");
    if (hasFitFailure(report)) {
      throw new DeckError(`${failing.length} slide(s) do not fit: ${list}; shorten them or pick another --size`, ExitCode.fit);
    }
    throw new DeckError(
      `no installed font draws ${report.summary.missingGlyphs.join(" ")} (slides ${list}): install one, e.g. fonts-noto-cjk`,
      ExitCode.fontMissing,
    );
  });
}

export async function runCheck(input: string | undefined, flags: CheckFlags, io: CliIO): Promise<CheckReport> {
  const log = createLogger(io, flags.quiet || flags.json);
  const started = performance.now();
  const temp = flags.output ? null : mkdtempSync(path.join(os.tmpdir(), "essay-deck-check-"));
  // Ctrl-C ends the browser, which makes the measuring fail at once; the finally blocks below then
  // close it and remove the temporary deck (Puppeteer's own handlers would exit before they ran).
  let browser: Browser | null = null;
  const signals = interruptible(() => browser);
  try {
    const result = build({ ...essayOptions(input, flags, io), outDir: flags.output ?? (temp as string) });
    for (const w of result.warnings) log.warn(w);
    const size = result.deck.size;
    browser = await launchBrowser({ browserPath: flags.browserPath, handleSignals: false });
    try {
      const measures = signals.interrupted
        ? null
        : await measureDeck(browser, path.join(result.outDir, "index.html"), {
            ...size,
            onWarning: (m) => log.warn(m),
          });
      if (signals.interrupted || !measures) throw new Error("interrupted");
      return buildReport(
        measures,
        {
          essay: displayPath(result.essayPath, io.cwd),
          theme: result.settings.theme ?? DEFAULT_THEME,
          size,
          floors: DEFAULT_FLOORS,
        },
        performance.now() - started,
      );
    } catch (e) {
      throw signals.interrupted ? new DeckError("interrupted: nothing was checked", ExitCode.interrupted) : e;
    } finally {
      await browser.close().catch(() => browser?.process()?.kill("SIGKILL"));
    }
  } finally {
    signals.dispose();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
