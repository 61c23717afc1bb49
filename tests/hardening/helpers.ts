/** Shared by the hardening tests: run the CLI in-process and take snapshots of folders on disk. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { CliRun as Run } from "../helpers/cli.js";

export { type CliRun as Run, runCli as run } from "../helpers/cli.js";

/** A user error: the exit code asked for, one line on stderr that matches, and no stack trace. */
export function expectUserError(result: Run, code: number, message: RegExp): void {
  expect(result.code, result.stderr).toBe(code);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^essay-deck: /);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

/** Every file under dir with a hash of its bytes: equal snapshots mean nothing was touched. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = createHash("sha256").update(readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return out;
}
