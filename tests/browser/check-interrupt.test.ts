import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/errors.js";
import { tempDir } from "../helpers/browser.js";
import { root } from "../helpers/paths.js";

describe("essay-deck check, interrupted", () => {
  it("exits 130 and removes its temporary deck on Ctrl-C", async () => {
    const tmp = tempDir();
    const child = spawn(process.execPath, [path.join(root, "lib", "bin.js"), "check"], {
      cwd: root,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const ours = () => readdirSync(tmp).filter((f) => f.startsWith("essay-deck-check-"));
    // Interrupt once the temporary deck exists, i.e. while the browser starts or measures.
    while (ours().length === 0) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    child.kill("SIGINT");
    expect(await exited).toBe(ExitCode.interrupted);
    expect(stderr).toContain("interrupted: nothing was checked");
    expect(ours()).toEqual([]);
  });
});
