/**
 * The presenter's deck in a real Chromium: the agenda and the section listings, reveal's pacing fed
 * by data-timing, fragments on screen and whole slides in the PDFs, line breaks measured against
 * budoux's phrases, full-width punctuation on the slides only, and every layout in every theme.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build.js";
import { measureDeck } from "../../src/check/measure.js";
import { buildReport } from "../../src/check/report.js";
import { main } from "../../src/cli/index.js";
import { formatDuration } from "../../src/plan/timing.js";
import { headlinePhrases } from "../../src/text/phrases.js";
import { textWidth } from "../../src/text/width.js";
import { BUILTIN_THEMES } from "../../src/themes.js";
import { openDeck, startBrowser, tempDir } from "../helpers/browser.js";
import { fixtures, referenceEssay, root } from "../helpers/paths.js";
import { flat, poppler } from "../helpers/pdf.js";

const layoutsEssay = path.join(fixtures, "presenter", "layouts.zh-Hant.txt");
const identity = { title: "顛覆性創新:十個方向", author: "王小明", date: "2025-03-01", event: "2025 年數位論壇" };
const quiet = (cwd: string) => ({ stdout: () => {}, stderr: () => {}, cwd });

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("agenda and section listings", () => {
  it("lists the parts after the title and each part's points on its section slide, every line whole", async () => {
    for (const essay of [referenceEssay, path.join(fixtures, "long", "thirty-points.zh-Hant.txt")]) {
      const outDir = tempDir();
      const { deck } = build({ input: essay, cwd: root, outDir });
      const { page } = await openDeck(browser, path.join(outDir, "index.html"));
      const facts = await page.evaluate(() => {
        const slides = Reveal.getSlides();
        const lines = [...document.querySelectorAll<HTMLElement>(".listing-text")];
        return {
          second: slides[1]?.dataset.kind,
          heading: slides[1]?.querySelector(".agenda-heading")?.textContent,
          agenda: [...(slides[1]?.querySelectorAll(".listing-item") ?? [])].map((li) =>
            li.querySelector("a")?.getAttribute("href"),
          ),
          sections: slides
            .filter((s) => s.dataset.kind === "section")
            .map((s) => s.querySelectorAll(".listing-item").length + (s.querySelector(".listing-more") ? 1 : 0)),
          // A line the browser had to cut with its own ellipsis: the planner's width model was wrong.
          clipped: lines.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent),
          wrapped: lines.filter(
            (l) => l.getClientRects().length > 1 || l.offsetHeight > 2 * Number.parseFloat(getComputedStyle(l).fontSize),
          ).length,
        };
      });
      const parts = deck.slides.filter((s) => s.kind === "section");
      // An essay of one part has nothing to list on an agenda.
      if (parts.length > 1) {
        expect(facts.second).toBe("agenda");
        expect(facts.heading).toBe("目錄");
        expect(facts.agenda).toEqual(parts.map((s) => `#/${s.id}`));
      } else expect(facts.second).not.toBe("agenda");
      expect(facts.sections.every((n) => n > 0)).toBe(true);
      expect(facts.clipped).toEqual([]);
      expect(facts.wrapped).toBe(0);
      await page.close();
    }
  });

  it("leaves the agenda out with --no-agenda", async () => {
    const outDir = tempDir();
    expect(await main(["build", "-o", outDir, "-q", "--no-agenda"], quiet(root))).toBe(0);
    expect(readFileSync(path.join(outDir, "index.html"), "utf8")).not.toContain('data-kind="agenda"');
  });
});

describe("pacing", () => {
  it("times every slide (data-timing), the times adding up to the talk's estimate, and the speaker view shows the pacing timer", async () => {
    const outDir = tempDir();
    const { deck } = build({ input: referenceEssay, cwd: root, outDir });
    const opened = await openDeck(browser, path.join(outDir, "index.html"));
    const attrs = await opened.page.evaluate(() => Reveal.getSlidesAttributes());
    const timings = attrs.map((a) => Number(a["data-timing"]));
    expect(timings).toHaveLength(deck.slides.length);
    expect(timings.every((t) => Number.isInteger(t) && t > 0)).toBe(true);
    const sum = timings.reduce((a, b) => a + b, 0);
    expect(sum).toBe(deck.pacing.seconds);
    const titleNotes = await opened.page.evaluate(() => Reveal.getSlideNotes(Reveal.getSlides()[0]) ?? "");
    expect(titleNotes).toContain(`全場預估講述時間：約 ${formatDuration(sum, "zh-Hant")}`);
    // The speaker view: reveal's notes window shows its pacing line only when it has timings.
    const popup = new Promise<Page>((resolve) => browser.once("targetcreated", async (t) => resolve((await t.page()) as Page)));
    await opened.page.evaluate(() => (Reveal.getPlugin("notes") as { open: () => void }).open());
    const notes = await popup;
    await notes.waitForFunction(
      () => {
        const el = document.querySelector<HTMLElement>(".speaker-controls-time .pacing");
        return el !== null && getComputedStyle(el).display !== "none" && /\d/.test(el.textContent ?? "");
      },
      { timeout: 30_000 },
    );
    await notes.close();
    await opened.page.close();
  });

  it("splits a planned duration over the parts in the title notes, and warns when the essay runs longer", async () => {
    const outDir = tempDir();
    let stderr = "";
    const io = {
      stdout: () => {},
      stderr: (t: string) => {
        stderr += t;
      },
      cwd: root,
    };
    expect(await main(["build", "-o", outDir, "--duration", "15"], io)).toBe(0);
    expect(stderr).toMatch(/estimated speaking time \(\d+ min[^)]*\) exceeds --duration 15 min by \d+ min/);
    const html = readFileSync(path.join(outDir, "index.html"), "utf8");
    expect(html).toContain("時間分配：共 15 分");
    expect(html.match(/第[一二三]部分：分配 \d+ 分/g)).toHaveLength(3);
    stderr = "";
    expect(await main(["build", "-o", tempDir(), "--duration", "60"], io)).toBe(0);
    expect(stderr).not.toContain("exceeds");
  });
});

describe("incremental bullets", () => {
  it("shows a point's sentences one by one with --fragments, and prints each slide whole on one page, handout too", async () => {
    const outDir = tempDir();
    const code = await main(["build", "-o", outDir, "-q", "--fragments", "--pdf", "--handout"], quiet(root));
    expect(code).toBe(0);
    const { page } = await openDeck(browser, path.join(outDir, "index.html"));
    const steps = await page.evaluate(() => {
      const slide = document.getElementById("part-1-point-2") as HTMLElement;
      const { h } = Reveal.getIndices(slide);
      Reveal.slide(h, 0, -1);
      const bullets = slide.querySelectorAll(".point-bullets li").length;
      const seen: number[] = [slide.querySelectorAll(".fragment.visible").length];
      while (Reveal.nextFragment()) seen.push(slide.querySelectorAll(".fragment.visible").length);
      return { bullets, fragments: slide.querySelectorAll("li.fragment").length, seen };
    });
    expect(steps.bullets).toBeGreaterThanOrEqual(2);
    expect(steps.fragments).toBe(steps.bullets);
    expect(steps.seen).toEqual(Array.from({ length: steps.bullets + 1 }, (_, i) => i));
    await page.close();
    const pdf = path.join(outDir, "essay.zh-Hant.pdf");
    expect(poppler("pdfinfo", pdf)).toMatch(/Pages:\s+23\n/);
    // Every sentence of a slide on its one page: nothing held back for a later fragment.
    const page4 = flat(poppler("pdftotext", "-raw", "-f", "4", "-l", "4", pdf, "-"));
    expect(page4).toContain("DeepSeek的成功證明了在人工智能領域彎道超車的重要性。");
    expect(page4).toContain("DeepSeek的出現，讓人們看到AI可能像轎車分化為美國車（費油車）");
    const handout = flat(poppler("pdftotext", "-raw", path.join(outDir, "essay.zh-Hant-handout.pdf"), "-"));
    expect(handout).toContain("DeepSeek的出現,讓人們看到AI可能像轎車分化為美國車(費油車)");
  });

  it('prints a template\'s own class="fragment" elements too: one page a slide, exit 0', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "partials"));
    const point = readFileSync(path.join(root, "templates", "partials", "point.hbs"), "utf8").replace(
      '<ul class="point-bullets">',
      '<ul class="point-bullets fragment">',
    );
    writeFileSync(path.join(dir, "partials", "point.hbs"), point);
    cpSync(referenceEssay, path.join(dir, "essay.txt"));
    const code = await main(["build", "essay.txt", "-o", "out", "-q", "--template-dir", dir, "--pdf"], quiet(dir));
    expect(code).toBe(0);
    expect(poppler("pdfinfo", path.join(dir, "out", "essay.pdf"))).toMatch(/Pages:\s+23\n/);
  });
});

/** Where each line of an element's text starts (offsets into its textContent), measured in the page. */
async function lineStarts(page: Page, selector: string) {
  return page.evaluate(async (sel) => {
    const out: Array<{ text: string; starts: number[]; width: number; font: number }> = [];
    for (const slide of Reveal.getSlides()) {
      const { h, v } = Reveal.getIndices(slide);
      Reveal.slide(h, v ?? 0);
      for (const el of slide.querySelectorAll<HTMLElement>(sel)) {
        if (el.closest("aside.notes")) continue;
        const starts: number[] = [];
        const range = document.createRange();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let offset = 0;
        let lastTop: number | null = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          for (let i = 0; i < text.length; i++) {
            if (/\s/.test(text[i] as string)) continue;
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const r = range.getClientRects()[0];
            if (!r) continue;
            if (lastTop !== null && r.top > lastTop + r.height / 2) starts.push(offset + i);
            lastTop = r.top;
          }
          offset += text.length;
        }
        out.push({
          text: el.textContent ?? "",
          starts,
          width: el.clientWidth,
          font: Number.parseFloat(getComputedStyle(el).fontSize),
        });
      }
    }
    return out;
  }, selector);
}

const CLOSING = /^[，。、；：！？」』）》〉】”’…,.;:!?)\]]/u;
const MARKS = /[\p{P}\s]/gu;

describe("line breaks", () => {
  const SELECTOR = ".headline-text, .point-bullets li, .summary-bullets li, .deck-title, .deck-subtitle, .section-heading";
  it.each([
    [referenceEssay, { width: 1280, height: 720 }],
    [path.join(fixtures, "long", "long-paragraph.zh-Hant.txt"), { width: 960, height: 700 }],
  ])(
    "fall between budoux's phrases in every slide text, none before closing punctuation, no lone last character: %s",
    async (essay, size) => {
      const outDir = tempDir();
      build({ input: essay, cwd: root, outDir, flags: { size } });
      const { page } = await openDeck(browser, path.join(outDir, "index.html"));
      await page.setViewport(size);
      const blocks = await lineStarts(page, SELECTOR);
      let breaks = 0;
      const inside: string[] = [];
      const closing: string[] = [];
      const orphans: string[] = [];
      for (const { text, starts, width, font } of blocks) {
        const phrases = headlinePhrases(text, "zh-Hant");
        const bounds = new Set<number>();
        let at = 0;
        for (const p of phrases) {
          at += p.length;
          bounds.add(at);
        }
        for (const s of starts) {
          breaks++;
          // A phrase wider than the line may break inside itself (overflow-wrap): it has to.
          const ends = [...bounds];
          const phrase = phrases[ends.findIndex((end) => end > s)] ?? "";
          if (!bounds.has(s) && textWidth(phrase) * font <= width)
            inside.push(`${text.slice(Math.max(0, s - 6), s)}|${text.slice(s, s + 6)}`);
          if (CLOSING.test(text.slice(s))) closing.push(text.slice(s, s + 8));
        }
        const last = starts.at(-1);
        if (last !== undefined && text.slice(last).replace(MARKS, "").length < 2) orphans.push(text.slice(last - 8));
      }
      expect(breaks).toBeGreaterThan(5);
      expect(inside).toEqual([]);
      expect(closing).toEqual([]);
      expect(orphans).toEqual([]);
      await page.close();
    },
  );
});

describe("punctuation", () => {
  it("shows full-width marks between Chinese characters on the slides, the notes verbatim; --keep-punctuation keeps them", async () => {
    const source = readFileSync(referenceEssay, "utf8");
    const ascii = /\p{Script=Han}[,:;?!()]\p{Script=Han}/u;
    expect(ascii.test(source)).toBe(true);
    for (const keep of [false, true]) {
      const outDir = tempDir();
      build({ input: referenceEssay, cwd: root, outDir, flags: keep ? { keepPunctuation: true } : {} });
      const { page } = await openDeck(browser, path.join(outDir, "index.html"));
      const { slides, notes } = await page.evaluate(() => {
        const text = (el: Element) => {
          const copy = el.cloneNode(true) as Element;
          for (const aside of copy.querySelectorAll("aside.notes")) aside.remove();
          return copy.textContent ?? "";
        };
        return {
          // References keep their citation style (段毅才,王偉,譯): they are not converted.
          slides: Reveal.getSlides()
            .filter((s) => s.dataset.kind !== "references")
            .map(text)
            .join("\n"),
          notes: Reveal.getSlides()
            .map((s) => Reveal.getSlideNotes(s) ?? "")
            .join("\n"),
        };
      });
      expect(ascii.test(slides)).toBe(keep);
      expect(slides.includes("DeepSeek的出現，讓人們")).toBe(!keep);
      // The notes are the essay's own paragraphs, whatever the slides show.
      expect(notes).toContain("DeepSeek的出現,讓人們看到AI可能像轎車分化為美國車(費油車)");
      await page.close();
    }
  });
});

describe("every layout in every theme", () => {
  it.each([
    { width: 1280, height: 720 },
    { width: 960, height: 700 },
  ])("fits the title, agenda, sections, statement, points, summary and references at %o", async (size) => {
    const failing: string[] = [];
    for (const theme of BUILTIN_THEMES) {
      const outDir = tempDir();
      const { deck } = build({
        input: layoutsEssay,
        cwd: root,
        outDir,
        flags: { ...identity, theme: theme.name, size, fragments: true },
      });
      const kinds = new Set(deck.slides.map((s) => (s.kind === "point" && s.statement ? "statement" : s.kind)));
      expect([...kinds].sort()).toEqual(["agenda", "point", "references", "section", "statement", "summary", "title"]);
      const report = buildReport(
        await measureDeck(browser, path.join(outDir, "index.html"), size),
        {
          essay: layoutsEssay,
          theme: theme.name,
          size,
          floors: { text: 18, body: 24 },
        },
        0,
      );
      for (const s of report.slides.filter((s) => s.problems.length > 0)) {
        failing.push(`${theme.name} ${s.id}: ${s.problems.join(",")} ${s.overflowing.join("; ")}`);
      }
      // Each part in its own accent, and a progress line that grows along the deck.
      const { page } = await openDeck(browser, path.join(outDir, "index.html"));
      const look = await page.evaluate(() => {
        const badge = (id: string) => getComputedStyle(document.querySelector(`#${id} .point-label`) as Element).backgroundColor;
        const bars = [...document.querySelectorAll<HTMLElement>(".slide-progress-bar")].map((b) =>
          Number.parseFloat(b.style.width),
        );
        const byline = document.querySelector("#title .title-byline")?.textContent;
        return { one: badge("part-1-point-2"), two: badge("part-2-point-1"), bars, byline };
      });
      expect(look.one, theme.name).not.toBe(look.two);
      expect(look.bars.length).toBeGreaterThan(10);
      expect(look.bars.every((w, i) => i === 0 || w > (look.bars[i - 1] as number))).toBe(true);
      expect(look.byline).toBe("王小明2025 年數位論壇2025-03-01");
      await page.close();
    }
    expect(failing).toEqual([]);
  });
});
