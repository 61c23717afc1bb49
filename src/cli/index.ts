/** The command-line program: parse argv, run a command, turn errors into a message and an exit code. */
import { Command, CommanderError } from "commander";
import { DeckError, ExitCode, exitCodeList } from "../errors.js";
import { packageVersion } from "../io/paths.js";
import { registerBuild } from "./build.js";
import { registerCheck } from "./check.js";
import { registerEject } from "./eject.js";
import type { CliIO } from "./options.js";
import { registerOutline } from "./outline.js";
import { registerServe } from "./serve.js";
import { registerThemes } from "./themes.js";

export type { CliIO } from "./options.js";

const defaultIO = (): CliIO => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
});

export function createProgram(io: CliIO): Command {
  const program = new Command("essay-deck")
    .description("Turn a structured essay into an offline Reveal.js slide deck with speaker notes.")
    .version(packageVersion(), "-v, --version")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (s, write) => write(usageLine(s)) })
    .exitOverride();
  program.addHelpText(
    "after",
    `
Examples:
  essay-deck build                         build dist/ from the essay in ./content/
  essay-deck build essay.md -o talk/ --title "人工智能的顛覆性創新"
  essay-deck build essay.txt --pdf --handout      dist/essay.pdf and dist/essay-handout.pdf too
  essay-deck build essay.txt --pdf talk.pdf --handout-layout 3up --handout notes.pdf
  essay-deck build essay.txt --theme paper --script hans   a serif deck in Simplified Chinese
  essay-deck build essay.txt --theme my/theme.css --css extra.css
  essay-deck eject-templates my-templates  copy the templates out, then build with --template-dir my-templates
  essay-deck outline essay.txt             the parts and points found, with warnings
  essay-deck outline essay.txt --json      the same as JSON, for other tools
  essay-deck serve essay.txt --open        live preview: rebuilds and reloads on every save

${exitCodeList()}`,
  );
  registerBuild(program, io);
  registerOutline(program, io);
  registerCheck(program, io);
  registerThemes(program, io);
  registerServe(program, io);
  registerEject(program, io);
  return program;
}

/** Run the CLI; resolves to the exit code. Only the bin touches process.exitCode. */
export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return ExitCode.ok;
  } catch (e) {
    return reportError(e, io);
  }
}

/** commander's "error: unknown option '--x'" as our one line, with where to look. */
export function usageLine(message: string): string {
  return `essay-deck: ${message.replace(/^error: /, "").trim()} (see essay-deck --help)\n`;
}

export function reportError(e: unknown, io: Pick<CliIO, "stderr">): number {
  if (e instanceof CommanderError) {
    // Help and version are not errors; commander already printed its message.
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") {
      return ExitCode.ok;
    }
    return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (e instanceof DeckError) {
    io.stderr(`essay-deck: ${e.message}\n`);
    return e.exitCode;
  }
  const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
  io.stderr(`essay-deck: internal error (a bug; please report it with this output)\n${stack}\n`);
  return ExitCode.internal;
}
