#!/usr/bin/env node
// The README's picture of a folder build's index page, made by essay-deck itself: a folder of four
// essays (the reference and the test variants) built with --pdf, so that the index shows each
// deck's thumbnail, then the index page photographed in Chromium.
// Run after `npm run build`: node scripts/site-image.mjs
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser } from "../lib/browser/launch.js";

const root = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(os.tmpdir(), "essay-deck-site-image-"));
const essays = path.join(work, "essays");
const variants = path.join(root, "tests", "fixtures", "variants");

try {
  mkdirSync(essays);
  // The reference's title is in its config, which in a folder would title every deck: a title line instead.
  const reference = readFileSync(path.join(root, "content", "essay.zh-Hant.txt"), "utf8");
  writeFileSync(path.join(essays, "ai-innovation.txt"), `人工智能的顛覆性創新\n\n${reference}`);
  copyFileSync(path.join(variants, "english.txt"), path.join(essays, "english.txt"));
  copyFileSync(path.join(variants, "essay.md"), path.join(essays, "markdown.md"));
  copyFileSync(path.join(variants, "simplified.txt"), path.join(essays, "simplified.txt"));
  const site = path.join(work, "site");
  execFileSync(process.execPath, [path.join(root, "lib", "bin.js"), "build", essays, "-o", site, "--pdf", "-q"], {
    stdio: "inherit",
  });
  const browser = await launchBrowser({ timeout: 60_000 });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 820 });
    await page.goto(pathToFileURL(path.join(site, "index.html")).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const target = path.join(root, "docs", "images", "site.png");
    await page.screenshot({ path: target });
    console.error(`wrote ${path.relative(root, target)}`);
  } finally {
    await browser.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
