#!/usr/bin/env node
// The README's pictures: build the reference deck with essay-deck's own CLI (slides PDF and
// handout), then render page 3 of the slides and page 1 of the handout to PNG with pdftoppm.
// Run after `npm run build`: node scripts/docs-images.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const images = path.join(root, "docs", "images");
const out = mkdtempSync(path.join(os.tmpdir(), "essay-deck-docs-"));
const WIDTH = 1000;

try {
  execFileSync(
    process.execPath,
    [path.join(root, "lib", "bin.js"), "build", path.join(root, "content"), "-o", out, "--pdf", "--handout", "-q"],
    { stdio: "inherit" },
  );
  mkdirSync(images, { recursive: true });
  const render = (pdf, page, name) => {
    const target = path.join(images, name);
    // -singlefile writes <target>.png; -scale-to-x with -scale-to-y -1 keeps the aspect ratio.
    execFileSync("pdftoppm", [
      "-png",
      "-f",
      String(page),
      "-l",
      String(page),
      "-singlefile",
      "-scale-to-x",
      String(WIDTH),
      "-scale-to-y",
      "-1",
      pdf,
      target,
    ]);
    console.error(`wrote ${path.relative(root, target)}.png`);
  };
  render(path.join(out, "essay.zh-Hant.pdf"), 3, "slide");
  render(path.join(out, "essay.zh-Hant-handout.pdf"), 1, "handout");
} finally {
  rmSync(out, { recursive: true, force: true });
}
