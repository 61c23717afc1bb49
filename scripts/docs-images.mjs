#!/usr/bin/env node
// The README's pictures: build the reference deck with essay-deck's own CLI (slides PDF, handout,
// PPTX), then render page 4 of the slides (the first point) and page 1 of the handout to PNG with pdftoppm, and the
// PPTX's slide 4 (the first point) as LibreOffice Impress draws it beside the same HTML slide (Chromium lays the pair
// out). Run after `npm run build`: node scripts/docs-images.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const images = path.join(root, "docs", "images");
const out = mkdtempSync(path.join(os.tmpdir(), "essay-deck-docs-"));
const WIDTH = 1000;

try {
  execFileSync(
    process.execPath,
    [path.join(root, "lib", "bin.js"), "build", path.join(root, "content"), "-o", out, "--pdf", "--handout", "--pptx", "-q"],
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
  render(path.join(out, "essay.zh-Hant.pdf"), 4, "slide");
  render(path.join(out, "essay.zh-Hant-handout.pdf"), 1, "handout");
  // The PPTX as LibreOffice Impress lays it out, beside the HTML slide.
  execFileSync("soffice", [
    `-env:UserInstallation=${pathToFileURL(path.join(out, "profile")).href}`,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    path.join(out, "impress"),
    path.join(out, "essay.zh-Hant.pptx"),
  ]);
  const half = (pdf, name) => {
    execFileSync("pdftoppm", [
      "-png",
      "-f",
      "4",
      "-l",
      "4",
      "-singlefile",
      "-scale-to-x",
      "800",
      "-scale-to-y",
      "-1",
      pdf,
      path.join(out, name),
    ]);
    return `data:image/png;base64,${readFileSync(path.join(out, `${name}.png`)).toString("base64")}`;
  };
  const html = half(path.join(out, "essay.zh-Hant.pdf"), "html");
  const pptx = half(path.join(out, "impress", "essay.zh-Hant.pdf"), "pptx");
  const page = path.join(out, "pair.html");
  writeFileSync(
    page,
    `<!doctype html><meta charset="utf-8"><style>body{margin:0;padding:16px;background:#fff;font:18px "Noto Sans CJK TC",sans-serif;display:flex;gap:16px}
figure{margin:0}img{width:800px;display:block;border:1px solid #ccc}figcaption{margin-top:6px;color:#444}</style>
<figure><img src="${html}"><figcaption>HTML deck (Chromium)</figcaption></figure>
<figure><img src="${pptx}"><figcaption>--pptx, opened in LibreOffice Impress</figcaption></figure>`,
  );
  const { launchBrowser } = await import(pathToFileURL(path.join(root, "lib", "browser", "launch.js")).href);
  const browser = await launchBrowser({});
  try {
    const tab = await browser.newPage();
    await tab.setViewport({ width: 1648, height: 520 });
    await tab.goto(pathToFileURL(page).href, { waitUntil: "load" });
    const body = await tab.$("body");
    await body.screenshot({ path: path.join(images, "pptx.png") });
    console.error(`wrote ${path.relative(root, path.join(images, "pptx.png"))}`);
  } finally {
    await browser.close();
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
