import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DeckError, ExitCode, exitCodeList } from "../src/errors.js";
import { runCli } from "./helpers/cli.js";
import { root } from "./helpers/paths.js";

describe("the exit-code table", () => {
  it("is what --help lists, every code once, in lines that fit a terminal", async () => {
    const { code, stdout } = await runCli(["--help"], root);
    expect(code).toBe(0);
    expect(stdout).toContain(exitCodeList());
    const listed = [...exitCodeList().matchAll(/(?:^|[ :,]) ?(\d+) /g)].map((m) => Number(m[1]));
    expect(listed).toEqual(Object.values(ExitCode));
    for (const line of exitCodeList().split("\n")) expect(line.length).toBeLessThanOrEqual(92);
  });

  it("is the README's table of exit codes", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("### Exit codes"));
    const rows = [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(rows).toEqual(Object.values(ExitCode));
  });

  it("keeps the code a DeckError is made with", () => {
    expect(new DeckError("no such essay", ExitCode.inputMissing).exitCode).toBe(3);
  });
});
