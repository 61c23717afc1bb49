/** Run the CLI on the process's arguments; the exit code is main()'s. Loaded by the bin. */
import { main } from "./index.js";

// `essay-deck outline --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
