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

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Each exit code in a few words, for `--help`. */
const EXIT_CODE_WORDS: Record<keyof typeof ExitCode, string> = {
  ok: "ok",
  internal: "bug",
  usage: "usage",
  inputMissing: "essay not found",
  inputInvalid: "essay unreadable",
  config: "config/theme",
  output: "output folder",
  browserMissing: "no browser",
  browser: "browser/PDF failed",
  fit: "slides do not fit",
  fontMissing: "font missing",
  port: "port in use",
  interrupted: "interrupted",
};

/** The exit codes as `--help` lists them: "0 ok, 1 bug, …", wrapped to `width` columns. */
export function exitCodeList(width = 92): string {
  const items = (Object.keys(ExitCode) as Array<keyof typeof ExitCode>).map((k) => `${ExitCode[k]} ${EXIT_CODE_WORDS[k]}`);
  const lines = ["Exit codes:"];
  items.forEach((item, i) => {
    const word = `${item}${i === items.length - 1 ? "." : ","}`;
    const line = lines[lines.length - 1] as string;
    if (line.length + 1 + word.length > width) lines.push(`  ${word}`);
    else lines[lines.length - 1] = `${line} ${word}`;
  });
  return lines.join("\n");
}

/**
 * An error the user can act on, with the exit code that says what kind it is. The code is always
 * given: an error without one would otherwise pass for a usage error when it may be a bug.
 */
export class DeckError extends Error {
  readonly exitCode: ExitCodeValue;
  constructor(message: string, exitCode: ExitCodeValue) {
    super(message);
    this.name = "DeckError";
    this.exitCode = exitCode;
  }
}

/** The signals that stop a command as Ctrl-C does: a supervisor's stop, the terminal closing. */
export const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
