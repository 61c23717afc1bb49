#!/usr/bin/env node
/**
 * The README's theme gallery, made by the tool itself: build the reference deck in every built-in theme
 * with the CLI, screenshot the same point slide in Chromium, and lay the shots out in one picture.
 *
 *   npm run gallery            (or: npm run build && node scripts/gallery.mjs [--slide N] [--out DIR])
 *
 * Writes docs/images/gallery-<theme>.png (640 px wide) and docs/images/gallery.png (all of them), and
 * docs/images/layouts.png: every layout (title, agenda, section, point, statement, summary, references)
 * of tests/fixtures/presenter/layouts.zh-Hant.txt in the default theme and in stage.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { slide: { type: "string", default: "4" }, out: { type: "string" } } });
const slide = Number(values.slide);
const outDir = path.resolve(root, values.out ?? "docs/images");
const bin = path.join(root, "lib", "bin.js");
const { launchBrowser } = await import(pathToFileURL(path.join(root, "lib", "browser", "launch.js")).href);
const { BUILTIN_THEMES } = await import(pathToFileURL(path.join(root, "lib", "themes.js")).href);

const work = mkdtempSync(path.join(os.tmpdir(), "essay-deck-gallery-"));
mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();
const shots = [];
try {
  const page = await browser.newPage();
  // Half of a 1280×720 slide: the deck scales to fit, so each picture is the whole slide at 640×360.
  await page.setViewport({ width: 640, height: 360, deviceScaleFactor: 1 });
  for (const theme of BUILTIN_THEMES) {
    const deckDir = path.join(work, theme.name);
    execFileSync(process.execPath, [bin, "build", "-q", "-o", deckDir, "--theme", theme.name], { cwd: root, stdio: "inherit" });
    const url = `${pathToFileURL(path.join(deckDir, "index.html")).href}#/${slide - 1}`;
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction("window.Reveal && Reveal.isReady()");
    await page.evaluate(async () => {
      await document.fonts.ready;
      // No controls or progress bar in a still picture.
      Reveal.configure({ controls: false, progress: false, transition: "none" });
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const file = path.join(outDir, `gallery-${theme.name}.png`);
    await page.screenshot({ path: file });
    shots.push({ theme, file });
    console.error(`wrote ${path.relative(root, file)}`);
  }
  await sheet(
    page,
    shots.map(({ theme, file }) => ({ file, caption: `<b>${theme.name}</b> — ${escapeHtml(theme.description)}` })),
    "gallery.png",
  );

  // Every layout, made from the layouts fixture with a title slide's byline.
  const layouts = [
    ["title", "title slide: accent bar, byline with author, event · date"],
    ["agenda", "agenda: the parts, each in its own colour"],
    ["part-2", "section: the part's points, in two columns"],
    ["part-1-point-1", "statement: a point that is only its headline"],
    ["part-1-point-2", "point: key sentences, progress line"],
    ["references", "references: a list, each entry's number in the accent"],
  ];
  const essay = path.join(root, "tests", "fixtures", "presenter", "layouts.zh-Hant.txt");
  const layoutShots = [];
  for (const themeName of ["essay", "stage"]) {
    const deckDir = path.join(work, `layouts-${themeName}`);
    const args = [bin, "build", essay, "-q", "-o", deckDir, "--theme", themeName, "--title", "顛覆性創新:十個方向"];
    args.push("--author", "王小明", "--event", "2025 年數位論壇", "--date", "2025-03-01");
    execFileSync(process.execPath, args, { cwd: root, stdio: "inherit" });
    await page.setViewport({ width: 640, height: 360, deviceScaleFactor: 1 });
    for (const [id, caption] of layouts) {
      await page.goto(`${pathToFileURL(path.join(deckDir, "index.html")).href}#/${id}`, { waitUntil: "load" });
      await page.waitForFunction("window.Reveal && Reveal.isReady()");
      await page.evaluate(async () => {
        await document.fonts.ready;
        Reveal.configure({ controls: false, transition: "none" });
      });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const file = path.join(work, `layout-${themeName}-${id}.png`);
      await page.screenshot({ path: file });
      layoutShots.push({ file, caption: `<b>${themeName}</b> — ${escapeHtml(caption)}` });
    }
  }
  await sheet(page, layoutShots, "layouts.png");
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}

/** Lay pictures out two a row with their captions, and screenshot the sheet into docs/images/NAME. */
async function sheet(page, shots, name) {
  const columns = 2;
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><style>
    body { margin: 0; padding: 16px; background: #e9e7e2; font: 15px/1.3 "Noto Sans", sans-serif; color: #222;
      display: grid; grid-template-columns: repeat(${columns}, 640px); gap: 16px; width: max-content; }
    figure { margin: 0; } img { display: block; width: 640px; height: 360px; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
    figcaption { padding: 6px 2px 0; } b { font-family: monospace; font-size: 16px; }
  </style>${shots.map(({ file, caption }) => `<figure><img src="${pathToFileURL(file).href}"><figcaption>${caption}</figcaption></figure>`).join("")}</html>`;
  const sheetFile = path.join(work, `${name}.html`);
  writeFileSync(sheetFile, html);
  await page.setViewport({ width: columns * 656 + 16, height: 400, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(sheetFile).href, { waitUntil: "load" });
  const combined = path.join(outDir, name);
  await page.screenshot({ path: combined, fullPage: true });
  console.error(`wrote ${path.relative(root, combined)}`);
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}
