/**
 * Hostile essays in a real Chromium: every slide visited with the speaker view open (which sets each
 * slide's notes as HTML), and no script from the essay ever runs: no dialog, no window.__pwned in any
 * frame, no request leaving file://. A plain-text essay shows the hostile text literally.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { startBrowser, tempDir } from "../helpers/browser.js";
import { fixtures } from "../helpers/paths.js";

const quietIO = (cwd: string) => ({ stdout: () => {}, stderr: () => {}, cwd });
const SCRIPT_ELEMENTS = "script, iframe, frame, svg, object, embed, img, style, base, meta, details, form, link";

interface Visit {
  slides: number;
  notesShown: number;
  dialogs: string[];
  pwned: unknown[];
  network: string[];
  found: { elements: string[]; handlers: string[]; links: string[] };
  text: string;
}

/** Open the deck and its speaker view, go to every slide, wait for its notes to show, and report. */
async function visitEverySlide(browser: Browser, indexHtml: string): Promise<Visit> {
  const dialogs: string[] = [];
  const network: string[] = [];
  const onDialog = (where: string) => async (d: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(`${where}: ${d.message()}`);
    await d.dismiss();
  };
  // Listeners go on before the page loads: a script that ran during loading must be caught too.
  const page = await browser.newPage();
  page.on("dialog", onDialog("deck"));
  page.on("request", (r) => {
    if (!/^(?:file|data):/.test(r.url())) network.push(r.url().slice(0, 120));
  });
  await page.goto(pathToFileURL(indexHtml).href, { waitUntil: "load" });
  await page.waitForFunction("window.Reveal && Reveal.isReady()", { timeout: 30_000 });
  const popupOpened = new Promise<Page>((resolve) => page.once("popup", (p) => resolve(p as Page)));
  await page.evaluate(() => (Reveal as unknown as { getPlugin(n: string): { open(): void } }).getPlugin("notes").open());
  const speaker = await popupOpened;
  speaker.on("dialog", onDialog("speaker view"));
  await speaker.waitForSelector(".speaker-controls-notes .value");

  const total = await page.evaluate(() => Reveal.getSlides().length);
  let notesShown = 0;
  for (let i = 0; i < total; i++) {
    const expected = await page.evaluate((n) => {
      const slide = Reveal.getSlides()[n] as HTMLElement;
      const { h, v } = Reveal.getIndices(slide);
      Reveal.slide(h, v);
      return (slide.querySelector("aside.notes")?.textContent ?? "").replace(/\s+/g, "");
    }, i);
    if (!expected) continue;
    // The speaker view puts the notes in with innerHTML: the moment a hostile note would run.
    await speaker.waitForFunction(
      (want: string) =>
        (document.querySelector(".speaker-controls-notes .value")?.textContent ?? "").replace(/\s+/g, "") === want,
      { timeout: 10_000 },
      expected,
    );
    notesShown++;
  }
  // Let event handlers that would fire late (onerror, ontoggle) have their turn before looking.
  for (const p of [page, speaker]) await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  const pwned: unknown[] = [];
  for (const frame of [...page.frames(), ...speaker.frames()]) {
    const flag = await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined);
    if (flag !== undefined) pwned.push(flag);
  }
  const found = await page.evaluate((selector: string) => {
    const slides = document.querySelector(".reveal .slides") as HTMLElement;
    const all = [...slides.querySelectorAll("*")];
    return {
      elements: [...slides.querySelectorAll(selector)].map((e) => e.outerHTML.slice(0, 80)),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
      links: [...slides.querySelectorAll("[href], [src]")]
        .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? "")
        .filter((u) => !/^(?:https?:|#|\.?\/|[\w./-]+$)/.test(u)),
    };
  }, SCRIPT_ELEMENTS);
  const text = await page.evaluate(() => document.querySelector(".reveal .slides")?.textContent ?? "");
  await speaker.close();
  await page.close();
  return { slides: total, notesShown, dialogs, pwned, network, found, text };
}

describe("hostile essays in Chromium", () => {
  let browser: Browser;
  const built: Record<string, string> = {};
  const visits = new Map<string, Promise<Visit>>();
  /** One visit of each deck serves all the checks on it. */
  const visitOf = (name: string): Promise<Visit> => {
    if (!visits.has(name)) visits.set(name, visitEverySlide(browser, built[name] as string));
    return visits.get(name) as Promise<Visit>;
  };

  beforeAll(async () => {
    for (const [name, ext, ...flags] of [
      ["txt", "txt"],
      ["md", "md"],
      ["trusted", "md", "--allow-html"],
    ] as const) {
      const out = tempDir();
      const essay = path.join(fixtures, "hostile", `hostile.${ext}`);
      const code = await main(["build", essay, "-o", out, "-q", ...flags], quietIO(out));
      expect(code).toBe(0);
      built[name] = path.join(out, "index.html");
    }
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(["txt", "md"])("runs no script from a .%s essay on any slide or in any speaker note", async (ext) => {
    const visit = await visitOf(ext);
    expect(visit.slides).toBeGreaterThanOrEqual(8);
    expect(visit.notesShown).toBeGreaterThanOrEqual(5);
    expect(visit.dialogs).toEqual([]);
    expect(visit.pwned).toEqual([]);
    expect(visit.network).toEqual([]);
    expect(visit.found).toEqual({ elements: [], handlers: [], links: [] });
  });

  it("shows every line of a hostile plain-text essay literally", async () => {
    const visit = await visitOf("txt");
    const lines = readFileSync(path.join(fixtures, "hostile", "hostile.txt"), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const missing = lines.filter((l) => !visit.text.includes(l));
    expect(missing).toEqual([]);
  });

  it("shows a Markdown essay's raw HTML as text, and its unsafe links as their words", async () => {
    const visit = await visitOf("md");
    expect(visit.text).toContain('<script>alert("point")</script>任何文字都只是文字。');
    expect(visit.text).toContain("{{constructor.constructor('window.__pwned=1')()}}");
    expect(visit.text).toContain("第二,點我不會執行。大寫也不會。");
    expect(visit.text).toContain("<script>window.__pwned='title'</script>標題");
  });

  it("catches the script that --allow-html lets a trusted author run (the checks above can fail)", async () => {
    const visit = await visitOf("trusted");
    expect(visit.dialogs.length + visit.pwned.length).toBeGreaterThan(0);
    expect(visit.found.handlers.length).toBeGreaterThan(0);
  });
});
