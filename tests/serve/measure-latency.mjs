// Save-to-screen latency of `essay-deck serve` on the reference essay, in a real Chromium.
// Not a test (speed is never asserted): run `npm run build && node tests/serve/measure-latency.mjs [rounds]`.
// For each round it saves a change and times until the new text is on the slide on screen:
//   in place: an essay edit (new slides swapped into the open page);
//   reload:   a config edit that changes the page title (the page reloads on the same slide).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { launchBrowser } from "../../lib/browser/launch.js";
import { startServer } from "../../lib/serve/index.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const rounds = Number(process.argv[2] ?? 12);
const dir = mkdtempSync(path.join(os.tmpdir(), "essay-deck-latency-"));
const essay = path.join(dir, "essay.zh-Hant.txt");
const config = path.join(dir, "essay-deck.config.json");
copyFileSync(path.join(root, "content", "essay.zh-Hant.txt"), essay);
copyFileSync(path.join(root, "content", "essay-deck.config.json"), config);
const original = readFileSync(essay, "utf8");
const originalConfig = JSON.parse(readFileSync(config, "utf8"));

const server = await startServer({ input: essay, cwd: dir, port: 0 });
const browser = await launchBrowser({ timeout: 60_000 });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(server.url);
  await page.waitForFunction("window.Reveal && Reveal.isReady()");
  await page.evaluate(() => Reveal.slide(3));

  const measure = async (save, ready) => {
    let built = 0;
    let buildMs = 0;
    server.events.once("built", (b) => {
      built = performance.now();
      buildMs = b.ms;
    });
    const started = performance.now();
    save();
    await page.waitForFunction(ready, { polling: "raf" });
    const total = performance.now() - started;
    await new Promise((r) => setTimeout(r, 250));
    return { total, toBuilt: built - started, build: buildMs };
  };

  const inPlace = [];
  const reload = [];
  for (let i = 0; i < rounds; i++) {
    const word = `技術平民化${i}號`;
    inPlace.push(
      await measure(
        () => writeFileSync(essay, original.replace("第二,技術平民化。", `第二,${word}。`)),
        `window.Reveal && Reveal.isReady() && Reveal.getCurrentSlide().textContent.includes(${JSON.stringify(word)})`,
      ),
    );
    const title = `預覽${i}`;
    reload.push(
      await measure(
        () => writeFileSync(config, JSON.stringify({ ...originalConfig, title })),
        `document.title === ${JSON.stringify(title)} && window.Reveal && Reveal.isReady() && Reveal.getIndices().h === 3`,
      ),
    );
  }
  const median = (rows, key) => {
    const sorted = rows.map((r) => r[key]).sort((a, b) => a - b);
    return Math.round(sorted[Math.floor(sorted.length / 2)]);
  };
  for (const [name, rows] of [
    ["in place", inPlace],
    ["reload", reload],
  ]) {
    console.log(
      `${name}: median ${median(rows, "total")} ms save→on screen (save→built ${median(rows, "toBuilt")} ms, build ${median(rows, "build")} ms), max ${Math.round(Math.max(...rows.map((r) => r.total)))} ms, ${rows.length} saves`,
    );
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${os.cpus().length} CPUs`,
  );
} finally {
  await browser.close();
  await server.close();
}
