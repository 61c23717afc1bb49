/**
 * Temporary folders of commands that build a deck only to serve or measure it: named with their
 * process's pid, so that those of a process killed before it could remove them (SIGKILL, the
 * out-of-memory killer) are removed by the next one.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isLeftover } from "./process.js";

export function scratchDir(kind: "serve" | "check"): string {
  const prefix = `essay-deck-${kind}-`;
  const tmp = os.tmpdir();
  try {
    for (const name of readdirSync(tmp)) {
      if (name.startsWith(prefix) && isLeftover(name, prefix)) rmSync(path.join(tmp, name), { recursive: true, force: true });
    }
  } catch {
    // An unreadable temporary folder: nothing to clean, mkdtemp says the rest.
  }
  return mkdtempSync(path.join(tmp, `${prefix}${process.pid}-`));
}
