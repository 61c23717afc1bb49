/** `npm run structure` itself: the script measures the built lib/ and prints a table or JSON. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const run = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, "scripts", "structure.mjs"), ...args], { cwd: root, encoding: "utf8" });

describe("npm run structure", () => {
  it("prints the figures of the essays asked for as JSON, and exits 0 when none falls below its floor", () => {
    const result = run("--json", "en-18f-pepperoni-pizza", "zh-hans-gov-business-environment");
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as {
      essays: Array<{ slug: string; nothingLost: boolean }>;
      total: { essays: number };
    };
    expect(report.essays.map((e) => e.slug)).toEqual(["en-18f-pepperoni-pizza", "zh-hans-gov-business-environment"]);
    expect(report.essays.every((e) => e.nothingLost)).toBe(true);
    expect(report.total.essays).toBe(2);
  });

  it("prints a Markdown table with a total row", () => {
    const result = run("en-go-blog-5years");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\| essay \| title \|/);
    expect(result.stdout).toContain("| en-go-blog-5years | yes |");
    expect(result.stdout).toContain("| **total** (1) |");
  });

  it("names the essays there are when asked for one that is not", () => {
    const result = run("no-such-essay");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("no essay no-such-essay in tests/fixtures/real/");
  });
});
