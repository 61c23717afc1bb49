import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PreviewServer, startServer } from "../../src/serve/index.js";
import { startBrowser } from "../helpers/browser.js";
import { essayFolder, rawRequest } from "../serve/helpers.js";

/** Text of the slide on screen without its speaker notes. */
const shownText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const slide = Reveal.getCurrentSlide().cloneNode(true) as HTMLElement;
    for (const notes of slide.querySelectorAll("aside.notes")) notes.remove();
    return slide.textContent ?? "";
  });

const overlayText = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.querySelector("#essay-deck-error pre")?.textContent ?? null);

describe("serve: live preview in Chromium", () => {
  let browser: Browser;
  let server: PreviewServer;
  let page: Page;
  const errors: string[] = [];
  let total = 0;
  let point = 0;
  const { dir, essay } = essayFolder();
  const config = path.join(dir, "essay-deck.config.json");
  const original = readFileSync(essay, "utf8");
  const originalConfig = readFileSync(config, "utf8");
  const edited = original.replace("第二,技術平民化。", "第二,技術民主化。");

  /** Save a file and wait until the slide on screen shows `text`; returns the milliseconds it took. */
  async function saveAndSee(file: string, contents: string, text: string): Promise<number> {
    const started = performance.now();
    writeFileSync(file, contents);
    await page.waitForFunction(
      (t) => {
        const slide = typeof Reveal !== "undefined" && Reveal.isReady() ? Reveal.getCurrentSlide() : null;
        return Boolean(slide?.textContent?.includes(t)) && !document.querySelector("#essay-deck-error");
      },
      {},
      text,
    );
    return performance.now() - started;
  }

  const mark = () =>
    page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
  const stillHere = () => page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);

  beforeAll(async () => {
    expect(edited).not.toBe(original);
    server = await startServer({ input: essay, cwd: dir, port: 0 });
    browser = await startBrowser();
    page = await browser.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(server.url, { waitUntil: "load" });
    await page.waitForFunction("window.Reveal && Reveal.isReady()");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("swaps the new slides in place, on the same slide, when the essay is saved", async () => {
    // The slide of the point the edit changes (第二,技術平民化), wherever the agenda puts it.
    point = await page.evaluate(() => Reveal.getIndices(document.getElementById("part-1-point-2") as HTMLElement).h);
    await page.evaluate((h) => Reveal.slide(h), point);
    total = await page.evaluate(() => Reveal.getTotalSlides());
    expect(await shownText(page)).not.toContain("技術民主化");
    await mark();
    const ms = await saveAndSee(essay, edited, "技術民主化");
    expect(await stillHere()).toBe(true);
    expect(await page.evaluate(() => [Reveal.getIndices().h, Reveal.getTotalSlides()])).toEqual([point, total]);
    expect(await page.evaluate(() => Reveal.getCurrentSlide().classList.contains("present"))).toBe(true);
    // Measured, not asserted (speed is the bench's job): shows in the test log.
    console.log(`serve: save to new text on screen in ${Math.round(ms)} ms`);
  });

  it("keeps the last good deck and shows the error over it when a save breaks the build", async () => {
    await mark();
    writeFileSync(essay, "");
    await page.waitForSelector("#essay-deck-error", { visible: true });
    expect(await overlayText(page)).toMatch(/essay\.zh-Hant\.txt is empty/);
    expect(await stillHere()).toBe(true);
    expect(await page.evaluate(() => [Reveal.getIndices().h, Reveal.getTotalSlides()])).toEqual([point, total]);
    expect(await shownText(page)).toContain("技術民主化");
  });

  it("recovers by itself on the next good save", async () => {
    await saveAndSee(essay, original, "技術平民化。");
    expect(await page.$("#essay-deck-error")).toBeNull();
    expect(await page.evaluate(() => Reveal.getIndices().h)).toBe(point);
  });

  it("reloads the page, on the same slide, when the page around the slides changes", async () => {
    await mark();
    const reloaded = page.waitForNavigation({ waitUntil: "load" });
    writeFileSync(config, JSON.stringify({ ...JSON.parse(originalConfig), title: "預覽中的新題目" }));
    await reloaded;
    await page.waitForFunction("window.Reveal && Reveal.isReady()");
    expect(await stillHere()).toBe(false);
    expect(await page.title()).toBe("預覽中的新題目");
    expect(await page.evaluate(() => Reveal.getIndices().h)).toBe(point);
  });

  it("shows a config error as text, never as markup, and recovers when the config is fixed", async () => {
    writeFileSync(config, JSON.stringify({ theme: "<img src=x onerror=document.title='pwned'><i>bold</i>" }));
    await page.waitForSelector("#essay-deck-error", { visible: true });
    expect(await overlayText(page)).toContain("<i>bold</i>");
    expect(await page.$$eval("#essay-deck-error img, #essay-deck-error i", (found) => found.length)).toBe(0);
    expect(await page.title()).not.toBe("pwned");
    const reloaded = page.waitForNavigation({ waitUntil: "load" });
    writeFileSync(config, originalConfig);
    await reloaded;
    await page.waitForFunction("window.Reveal && Reveal.isReady()");
    expect(await page.$("#essay-deck-error")).toBeNull();
    expect(await page.evaluate(() => Reveal.getIndices().h)).toBe(point);
  });

  it("opens the speaker view through the server, with the slide's notes", async () => {
    const popup = new Promise<Page>((resolve) =>
      browser.once("targetcreated", async (target) => resolve((await target.page()) as Page)),
    );
    await page.keyboard.press("s");
    const speaker = await popup;
    await speaker.waitForFunction(
      () => (document.querySelector(".speaker-controls-notes .value")?.textContent ?? "").trim().length > 0,
    );
    const notes = await speaker.$eval(".speaker-controls-notes .value", (el) => el.textContent ?? "");
    expect(notes).toContain("技術平民化在平臺技術與應用");
    const frames = await speaker.$$eval("iframe", (list) => list.map((f) => f.getAttribute("src") ?? ""));
    expect(frames.length).toBeGreaterThanOrEqual(2);
    for (const src of frames) expect(src.startsWith(server.url)).toBe(true);
    // A save updates the notes in the open speaker view too.
    writeFileSync(essay, original.replace("技術平民化在平臺技術與應用", "技術民主化在平臺技術與應用"));
    await speaker.waitForFunction(
      () =>
        document.querySelector(".speaker-controls-notes .value")?.textContent?.includes("技術民主化在平臺技術與應用") === true,
    );
    // Its preview of the current slide follows too, without an event stream of its own.
    const current = speaker.frames().find((f) => f.url().includes("postMessageEvents"));
    expect(current).toBeDefined();
    await current!.waitForFunction(
      () =>
        typeof Reveal !== "undefined" && Reveal.getCurrentSlide().textContent?.includes("技術民主化在平臺技術與應用") === true,
    );
    const streams = await current!.evaluate(
      () => performance.getEntriesByType("resource").filter((r) => r.name.includes("/__essay-deck/events")).length,
    );
    expect(streams).toBe(0);
    await speaker.close();
  });

  it("refuses a raw request for a file outside the output folder, and the page had no errors", async () => {
    const response = await rawRequest(server.url, "/../package.json");
    expect(response).toMatch(/^HTTP\/1\.1 403 /);
    expect(response).not.toContain("essay-deck");
    expect(errors).toEqual([]);
  });
});
