/** `essay-deck check`: build the deck, measure every slide in Chromium, report what does not fit. */
import type { Command } from "commander";
import { DeckError, ExitCode } from "../errors.js";
import { createLogger } from "./log.js";
import type { CliIO } from "./options.js";
import { addEssayOptions, type BuildFlags, essayOptions } from "./options.js";

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
    const log = createLogger(io, flags.quiet || flags.json);
    // The browser and the report load when the command runs, not at every start of the CLI.
    const [{ runCheck }, { formatTable, hasFitFailure }] = await Promise.all([
      import("../check/run.js"),
      import("../check/report.js"),
    ]);
    const report = await runCheck({ build: essayOptions(input, flags, io), browserPath: flags.browserPath, log });
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
