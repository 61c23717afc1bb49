import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { snapshot } from "../hardening/helpers.js";
import { openDeck, startBrowser, tempDir } from "../helpers/browser.js";
import { fixtures, referenceEssay } from "../helpers/paths.js";
import { poppler } from "../helpers/pdf.js";

const quietIO = (cwd: string) => ({ stdout: () => {}, stderr: () => {}, cwd });

describe("a folder of essays in Chromium: the index page and every deck it links", () => {
  let browser: Browser;
  const dir = tempDir("essay-deck-folder-");
  const site = path.join(tempDir(), "site");

  beforeAll(async () => {
    copyFileSync(referenceEssay, path.join(dir, "reference.txt"));
    copyFileSync(path.join(fixtures, "variants", "english.txt"), path.join(dir, "english.txt"));
    copyFileSync(path.join(fixtures, "variants", "essay.md"), path.join(dir, "markdown.md"));
    mkdirSync(path.join(dir, "hans"));
    copyFileSync(path.join(fixtures, "variants", "simplified.txt"), path.join(dir, "hans", "simplified.txt"));
    expect(await main(["build", dir, "-o", site, "--recursive", "-q"], quietIO(dir))).toBe(0);
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists every deck offline, each card in its essay's language, and every link opens a working deck", async () => {
    const page = await browser.newPage();
    const network: string[] = [];
    const failed: string[] = [];
    page.on("request", (r) => {
      if (!/^(file|data):/.test(r.url())) network.push(r.url());
    });
    page.on("requestfailed", (r) => failed.push(r.url()));
    await page.goto(pathToFileURL(path.join(site, "index.html")).href, { waitUntil: "load" });
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLIElement>(".site-deck")].map((li) => ({
        lang: li.lang,
        title: li.querySelector(".site-deck-title")?.textContent,
        href: li.querySelector<HTMLAnchorElement>(".site-deck-link")?.href ?? "",
        slides: Number(li.dataset.slides),
        meta: li.querySelector(".site-deck-meta")?.textContent ?? "",
      })),
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-Hant");
    // The theme's variables reach the index page: its accent colour is the essay theme's.
    const accent = await page.evaluate(
      () => getComputedStyle(document.querySelector(".site-header") as Element).borderBottomColor,
    );
    expect(accent).toBe("rgb(176, 58, 46)");
    // The page speaks the language most of its decks do; each card keeps its own.
    expect(cards.map((c) => c.lang)).toEqual(["en", "zh-Hant", "zh-Hant", "zh-Hans"]);
    expect(cards[0]?.title).toBe("Disruptive Innovation in AI");
    expect(network).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
    for (const card of cards) {
      const deck = await openDeck(browser, path.join(fileURLToPath(card.href), "index.html"));
      const total = await deck.page.evaluate(() => Reveal.getTotalSlides());
      expect(total, card.href).toBe(card.slides);
      expect(card.meta).toContain(String(total));
      expect(deck.network).toEqual([]);
      expect(deck.failed).toEqual([]);
      expect(deck.errors).toEqual([]);
      await deck.page.close();
    }
  });
});

describe("a folder of essays with --pdf --handout: one browser prints every deck", () => {
  it("prints each deck's PDFs and a thumbnail, links them from the index, and prints nothing again for unchanged essays", async () => {
    const dir = tempDir("essay-deck-folder-");
    copyFileSync(referenceEssay, path.join(dir, "reference.txt"));
    copyFileSync(path.join(fixtures, "variants", "english.txt"), path.join(dir, "english.txt"));
    const site = path.join(tempDir(), "site");
    let stderr = "";
    const io = { stdout: () => {}, stderr: (t: string) => (stderr += t), cwd: dir };
    expect(await main(["build", dir, "-o", site, "--pdf", "--handout"], io), stderr).toBe(0);
    expect(stderr.match(/launching the browser/g)).toHaveLength(1);
    for (const [name, slides] of [
      ["reference", 23],
      ["english", 10],
    ] as const) {
      const pages = Number(/Pages:\s+(\d+)/.exec(poppler("pdfinfo", path.join(site, name, `${name}.pdf`)))?.[1]);
      expect(pages, name).toBe(slides);
      expect(poppler("pdfinfo", path.join(site, name, `${name}-handout.pdf`))).toMatch(/Pages:\s+\d+/);
    }
    const browser = await startBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(path.join(site, "index.html")).href, { waitUntil: "load" });
      const facts = await page.evaluate(() => ({
        thumbs: [...document.querySelectorAll<HTMLImageElement>("img.site-thumb")].map((img) => img.getAttribute("src")),
        pdfs: [...document.querySelectorAll<HTMLAnchorElement>(".site-deck-files a")].map((a) => a.getAttribute("href")),
      }));
      expect(facts.thumbs).toEqual(["english/thumbnail.png", "reference/thumbnail.png"]);
      // A thumbnail is a picture of the title slide: many distinct colours (text on a background), not blank.
      const pictures = facts.thumbs.map(
        (t) => `data:image/png;base64,${readFileSync(path.join(site, t ?? "")).toString("base64")}`,
      );
      const measured = await page.evaluate(async (urls: string[]) => {
        const out: Array<{ width: number; colours: number }> = [];
        for (const url of urls) {
          const img = new Image();
          img.src = url;
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
          ctx.drawImage(img, 0, 0);
          const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
          const seen = new Set<number>();
          for (let i = 0; i + 2 < data.length; i += 4)
            seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
          out.push({ width: img.naturalWidth, colours: seen.size });
        }
        return out;
      }, pictures);
      expect(measured.map((m) => m.width)).toEqual([640, 640]);
      for (const m of measured) expect(m.colours).toBeGreaterThan(20);
      expect(facts.pdfs).toEqual([
        "english/english.pdf",
        "english/english-handout.pdf",
        "reference/reference.pdf",
        "reference/reference-handout.pdf",
      ]);
    } finally {
      await browser.close();
    }
    const before = snapshot(site);
    stderr = "";
    expect(await main(["build", dir, "-o", site, "--pdf", "--handout"], io), stderr).toBe(0);
    expect(stderr).not.toMatch(/launching the browser/);
    expect(snapshot(site)).toEqual(before);
  });
});
