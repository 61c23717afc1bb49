import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SiteServer, startSiteServer } from "../../src/serve/site.js";
import { startBrowser, tempDir } from "../helpers/browser.js";
import { fixtures, referenceEssay } from "../helpers/paths.js";

describe("serve FOLDER: the index page and every deck, live", () => {
  let browser: Browser;
  let server: SiteServer;
  const dir = tempDir("essay-deck-serve-folder-");
  const english = path.join(dir, "english.txt");

  beforeAll(async () => {
    copyFileSync(referenceEssay, path.join(dir, "reference.txt"));
    copyFileSync(path.join(fixtures, "variants", "english.txt"), english);
    server = await startSiteServer({ input: dir, cwd: dir, port: 0, debounceMs: 20 });
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("serves the index, updates an open deck on a save, and lists an essay added to the folder", async () => {
    const index = await browser.newPage();
    await index.goto(server.url, { waitUntil: "load" });
    const titles = () => index.$$eval(".site-deck-title", (els) => els.map((e) => e.textContent));
    expect(await titles()).toHaveLength(2);

    const deck = await browser.newPage();
    await deck.goto(`${server.url}english/`, { waitUntil: "load" });
    await deck.waitForFunction("window.Reveal && Reveal.isReady()");
    expect(await deck.evaluate(() => document.querySelector(".title-slide, [data-kind=title]")?.textContent)).toContain(
      "Disruptive Innovation in AI",
    );
    writeFileSync(english, readFileSync(english, "utf8").replace("Disruptive Innovation in AI", "Disruption, Revisited"));
    await deck.waitForFunction(() => document.body.textContent?.includes("Disruption, Revisited"), { timeout: 30_000 });
    await index.waitForFunction(() => document.body.textContent?.includes("Disruption, Revisited"), { timeout: 30_000 });

    copyFileSync(path.join(fixtures, "variants", "simplified.txt"), path.join(dir, "simplified.txt"));
    await index.waitForFunction(() => document.querySelectorAll(".site-deck").length === 3, { timeout: 30_000 });
    const response = await deck.goto(`${server.url}simplified/`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    await deck.waitForFunction("window.Reveal && Reveal.isReady()");
  });

  it("serves only the site's files and removes its temporary folder on close", async () => {
    const outside = await fetch(`${server.url}..%2f..%2fetc%2fpasswd`);
    expect(outside.status).toBeGreaterThanOrEqual(400);
    const folder = server.outDir;
    expect(existsSync(path.join(folder, "index.html"))).toBe(true);
    await server.close();
    expect(existsSync(folder)).toBe(false);
  });
});
