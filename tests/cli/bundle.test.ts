/**
 * The CLI as package.json's bin runs it: the bundle `npm run build` makes from lib/. It must write
 * what lib/bin.js (the modules) writes, find the package's own files (templates, reveal.js, the
 * precompiled templates) and start the folder build's workers.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { snapshot } from "../hardening/helpers.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay, root } from "../helpers/paths.js";

const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string; bin: Record<string, string> };
const bundle = path.join(root, pkg.bin["essay-deck"] ?? "");
const modules = path.join(root, "lib", "bin.js");

const run = (bin: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });

/** `build input` by the bundle and by the modules: both succeed and write the same bytes. */
function expectSameBuild(input: string): void {
  const a = path.join(tempDir(), "out");
  const b = path.join(tempDir(), "out");
  const ra = run(bundle, "build", input, "-o", a, "-q");
  const rb = run(modules, "build", input, "-o", b, "-q");
  expect(ra.status, ra.stderr).toBe(0);
  expect(rb.status, rb.stderr).toBe(0);
  expect(snapshot(a)).toEqual(snapshot(b));
}

describe("the CLI's bundle", () => {
  it("is what package.json's bin names, and knows its version", () => {
    expect(pkg.bin["essay-deck"]).toBe("lib/bundle/essay-deck.cjs");
    const r = run(bundle, "--version");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("writes the reference deck byte for byte as the modules do", () => {
    expectSameBuild(referenceEssay);
  });

  it("builds a folder of essays on its worker threads (a dozen: two workers on two cores or more) as the modules do", () => {
    const dir = tempDir("essay-deck-bundle-");
    const text = readFileSync(referenceEssay, "utf8");
    for (let i = 1; i <= 12; i++) writeFileSync(path.join(dir, `essay-${i}.txt`), `標題之${i}\n\n${text}`);
    expectSameBuild(dir);
  });
});
