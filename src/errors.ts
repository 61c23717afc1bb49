/**
 * The one error type a user can cause, and the table of exit codes the CLI returns.
 * Anything thrown that is not a DeckError is a bug: the CLI prints its stack and asks for a report.
 */
export const ExitCode = {
  ok: 0,
  /** A bug in essay-deck itself. */
  internal: 1,
  /** Unknown command or flag, or a flag with a bad value. */
  usage: 2,
  /** The input file or folder does not exist or cannot be read. */
  inputMissing: 3,
  /** The input exists but is not an essay we can read (empty, binary, bad encoding, too large). */
  inputInvalid: 4,
  /** A config file, front matter key, theme or template is wrong. */
  config: 5,
  /** The output path cannot be written, or holds files the tool did not write. */
  output: 6,
  /** No Chrome, Chromium or Edge was found for PDF export or measuring. */
  browserMissing: 7,
  /** The browser failed, timed out, or a page would not print as one page per slide. */
  browser: 8,
  /** `check` measured slides that do not fit. */
  fit: 9,
  /** No installed font covers the essay's characters. */
  fontMissing: 10,
  /** `serve` could not listen on the port asked for. */
  port: 11,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

export class DeckError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = ExitCode.usage) {
    super(message);
    this.name = "DeckError";
    this.exitCode = exitCode;
  }
}

/** The signals that stop a command as Ctrl-C does: a supervisor's stop, the terminal closing. */
export const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
