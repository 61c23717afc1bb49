/** Shared by the fault-injection tests: run essay-deck killed at its Nth disk write; what must hold after. */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { LOCK } from "../../src/io/lock.js";
import { hashFile, JOURNAL, MANIFEST } from "../../src/io/manifest.js";
import { root } from "../helpers/paths.js";

export function killedRun(args: string[], cwd: string, killAt: number): Promise<NodeJS.Signals | number | null> {
  const child = spawn(
    process.execPath,
    ["--require", path.join(import.meta.dirname, "kill-at.cjs"), path.join(root, "lib", "bin.js"), ...args],
    {
      cwd,
      env: { ...process.env, ESSAY_DECK_KILL_AT: String(killAt) },
      stdio: "ignore",
    },
  );
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
}

/** What must hold after a clean build, whatever came before. */
export function expectSound(out: string): void {
  const names = readdirSync(out, { recursive: true }).map(String);
  expect(names.filter((n) => n.includes("essay-deck-tmp") || n.includes(JOURNAL) || n.includes(LOCK))).toEqual([]);
  const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST), "utf8")) as { sha256: Record<string, string> };
  for (const [file, hash] of Object.entries(manifest.sha256)) expect(hashFile(path.join(out, file)), file).toBe(hash);
  expect(manifest.sha256["index.html"]).toBeDefined();
}
