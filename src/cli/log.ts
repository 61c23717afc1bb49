/** Progress and warnings for a command: to stderr, silenced by --quiet (warnings are kept). */
import type { CliIO } from "./options.js";

export interface Logger {
  info: (message: string) => void;
  warn: (message: string) => void;
}

export function createLogger(io: Pick<CliIO, "stderr">, quiet = false): Logger {
  return {
    info: (m) => {
      if (!quiet) io.stderr(`${m}\n`);
    },
    warn: (m) => io.stderr(`warning: ${m}\n`),
  };
}
