/** The PDFs of the reference deck, printed by a real Chromium and read back with poppler and pdf-lib. */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDict, PDFDocument, type PDFHexString, PDFName, type PDFString } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { deckFromEssay, loadEssay } from "../../src/build.js";
import { main } from "../../src/cli/index.js";
import { ExitCode } from "../../src/errors.js";
import type { Deck } from "../../src/model/deck.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay, root } from "../helpers/paths.js";
import { bookmarkPages, flat, poppler } from "../helpers/pdf.js";

const capture = (cwd: string) => {
  const err: string[] = [];
  return { io: { stdout: () => {}, stderr: (t: string) => err.push(t), cwd }, err };
};
const pageText = (pdf: string, page: number) => poppler("pdftotext", "-f", `${page}`, "-l", `${page}`, pdf, "-");

/** Font family names from the PDF's font descriptors (Chromium embeds CFF CJK fonts as Type 3, which pdffonts cannot name). */
function fontFamilies(doc: PDFDocument): Set<string> {
  const names = new Set<string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
    const family = obj.get(PDFName.of("FontFamily")) as PDFString | PDFHexString | undefined;
    const name = obj.get(PDFName.of("FontName"));
    if (family) names.add(family.decodeText());
    if (name) names.add(String(name));
  }
  return names;
}

describe("build --pdf --handout on the reference essay", () => {
  const out = tempDir();
  const slidesPdf = path.join(out, "essay.zh-Hant.pdf");
  const handoutPdf = path.join(out, "essay.zh-Hant-handout.pdf");
  let deck: Deck;
  let stderr: string[];

  beforeAll(async () => {
    deck = deckFromEssay(loadEssay({ cwd: root }));
    const { io, err } = capture(root);
    stderr = err;
    const code = await main(["build", "-o", out, "--pdf", "--handout"], io);
    expect(err.join("")).not.toMatch(/warning/);
    expect(code).toBe(0);
  });

  it("reports progress on stderr and writes both PDFs into the manifest, no temp files left", () => {
    const log = stderr.join("");
    for (const step of ["launching the browser", "loading index.html", `printing ${deck.slides.length} pages`, "writing"]) {
      expect(log).toContain(step);
    }
    const manifest = JSON.parse(readFileSync(path.join(out, ".essay-deck-manifest.json"), "utf8")) as { files: string[] };
    expect(manifest.files).toEqual(expect.arrayContaining(["essay.zh-Hant.pdf", "essay.zh-Hant-handout.pdf"]));
    expect(readdirSync(out).filter((f) => f.includes("tmp"))).toEqual([]);
  });

  it("prints one page per slide, each point's headline on its own page", () => {
    expect(poppler("pdfinfo", slidesPdf)).toMatch(new RegExp(`Pages:\\s+${deck.slides.length}\\n`));
    deck.slides.forEach((slide, i) => {
      if (slide.kind !== "point") return;
      expect(flat(pageText(slidesPdf, i + 1))).toContain(flat(slide.headline));
    });
  });

  it("has the deck's metadata and bookmarks that follow the essay", async () => {
    const info = poppler("pdfinfo", slidesPdf);
    expect(info).toMatch(/Title:\s+人工智能的顛覆性創新/);
    expect(info).toMatch(/Subject:\s+從DeepSeek與「杭州六小龍」看彎道超車與換道超車/);
    const doc = await PDFDocument.load(readFileSync(slidesPdf), { updateMetadata: false });
    expect(doc.catalog.get(PDFName.of("Lang"))?.toString()).toContain("zh-Hant");
    const outlines = doc.catalog.lookup(PDFName.of("Outlines"), PDFDict);
    // Title, agenda, 3 parts with 7 + 6 + 4 children, references.
    expect(outlines.get(PDFName.of("Count"))?.toString()).toBe(String(deck.slides.length));
    const titles = (await bookmarkPages(slidesPdf)).filter((b) => b.depth === 0).map((b) => b.title);
    expect(titles).toHaveLength(6);
    expect(titles[1]).toBe("目錄");
    // As the slide shows it, with a full-width colon between Chinese characters.
    expect(titles[2]).toBe("一、DeepSeek改變潮流方向：高性能計算的崛起");
  });

  it("embeds a CJK font in its Traditional Chinese face (Noto Sans CJK TC), not the Japanese one", async () => {
    const fonts = poppler("pdffonts", slidesPdf);
    expect(fonts).toMatch(/yes\s+(yes|no)\s+yes/); // embedded, with a Unicode map
    const families = fontFamilies(await PDFDocument.load(readFileSync(slidesPdf), { updateMetadata: false }));
    expect([...families]).toContain("Noto Sans CJK TC");
    expect([...families].some((f) => /CJK ?jp|CJK JP/i.test(f))).toBe(false);
    const handoutFamilies = fontFamilies(await PDFDocument.load(readFileSync(handoutPdf), { updateMetadata: false }));
    expect([...handoutFamilies]).toContain("Noto Sans CJK TC");
  });

  it("gives the handout bookmarks that open the page of each part's slide", async () => {
    const parts = (await bookmarkPages(handoutPdf)).filter((b) => b.depth === 0);
    for (const { title, page } of parts) {
      expect(page).toBeGreaterThan(0);
      expect(flat(pageText(handoutPdf, page))).toContain(flat(title));
    }
    expect(parts).toHaveLength(6);
  });

  it("puts every sentence of every speaker note in the handout, with page numbers", () => {
    // -raw: content-stream order; the default layout mode reorders a paragraph's short last line.
    const text = flat(poppler("pdftotext", "-raw", handoutPdf, "-"));
    const sentences = deck.slides
      .flatMap((s) => s.notes)
      .flatMap((note) => note.split(/(?<=[。！？?!；;])/))
      .map(flat)
      .filter(Boolean);
    expect(sentences.length).toBeGreaterThan(40);
    expect(sentences.filter((s) => !text.includes(s))).toEqual([]);
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler("pdfinfo", handoutPdf))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(deck.slides.filter((s) => s.notes.length > 0).length);
    expect(flat(pageText(handoutPdf, 2))).toContain(`第2頁，共${pages}頁`);
    expect(poppler("pdfinfo", handoutPdf)).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  });
});

describe("build --pdf FILE --handout FILE --handout-layout 3up -q", () => {
  it("writes where asked, prints nothing, and records files outside the output folder apart from the deck's", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "essay.txt"), readFileSync(referenceEssay));
    const { io, err } = capture(dir);
    // Titled by flag: the reference has no title line, and "no title found" would be a warning to print.
    const args = ["build", "essay.txt", "-o", "out", "-q", "--title", "T", "--pdf", "talk.pdf", "--handout", "out/notes.pdf"];
    const code = await main([...args, "--handout-layout", "3up"], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const deck = deckFromEssay(loadEssay({ input: path.join(dir, "essay.txt"), cwd: dir, flags: { title: "T" } }));
    expect(poppler("pdfinfo", path.join(dir, "talk.pdf"))).toMatch(new RegExp(`Pages:\\s+${deck.slides.length}\\n`));
    const sheets = Math.ceil(deck.slides.length / 3);
    expect(poppler("pdfinfo", path.join(dir, "out", "notes.pdf"))).toMatch(new RegExp(`Pages:\\s+${sheets}\\n`));
    const manifest = JSON.parse(readFileSync(path.join(dir, "out", ".essay-deck-manifest.json"), "utf8")) as {
      files: string[];
      outside: Record<string, string>;
    };
    expect(manifest.files).toContain("notes.pdf");
    expect(manifest.files.filter((f) => f.includes("talk"))).toEqual([]);
    // Outside the folder: recorded only so that the next build may replace its own talk.pdf.
    expect(Object.keys(manifest.outside)).toEqual([path.join(dir, "talk.pdf")]);
    expect(await main([...args, "--handout-layout", "3up"], io), err.join("")).toBe(0);
  });
});

describe("PDF export failures", () => {
  it("--browser-path /nonexistent: the no-browser exit code, one line, no file", async () => {
    const out = tempDir();
    const { io, err } = capture(root);
    const code = await main(["build", "-o", out, "-q", "--pdf", "--browser-path", "/nonexistent"], io);
    expect(code).toBe(ExitCode.browserMissing);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      /^essay-deck: no browser at \/nonexistent .*npx @puppeteer\/browsers install chrome-headless-shell@stable.*\n$/,
    );
    expect(readdirSync(out).filter((f) => f.endsWith(".pdf") || f.includes("tmp"))).toEqual([]);
  });

  it("a slide that would spill onto a second page is an error naming the slide", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "big.css"), ".reveal ul.point-bullets { font-size: 3em !important; }\n");
    writeFileSync(path.join(dir, "essay.txt"), readFileSync(referenceEssay));
    const { io, err } = capture(dir);
    const code = await main(["build", "essay.txt", "-o", "out", "-q", "--css", "big.css", "--pdf"], io);
    expect(code).toBe(ExitCode.browser);
    expect(err.join("")).toMatch(/not fit on one PDF page: part-\d-point-\d/);
    expect(existsSync(path.join(dir, "out", "essay.pdf"))).toBe(false);
  });

  it("a character no installed font has is an error naming it and the font package", async () => {
    const dir = tempDir();
    const essay = readFileSync(referenceEssay, "utf8").replace("顛覆性創新的重要性", "顛覆性創新的重要性\u{F0001}");
    writeFileSync(path.join(dir, "essay.txt"), essay);
    const { io, err } = capture(dir);
    const code = await main(["build", "essay.txt", "-o", "out", "-q", "--handout"], io);
    expect(code).toBe(ExitCode.fontMissing);
    expect(err.join("")).toContain("U+F0001");
    expect(err.join("")).toContain("fonts-noto-cjk");
    expect(readdirSync(path.join(dir, "out")).filter((f) => f.endsWith(".pdf"))).toEqual([]);
  });
});

describe("Ctrl-C during an export", () => {
  /** Child processes of a process, from /proc (Linux). */
  const childrenOf = (pid: number): number[] =>
    readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1]?.split(" ")[1] === String(pid);
        } catch {
          return false;
        }
      })
      .map(Number);
  const alive = (pid: number): boolean => {
    try {
      return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
      return false;
    }
  };

  it("leaves no partial PDF and no browser process, and exits 130", async () => {
    const out = tempDir();
    const child = spawn(process.execPath, [path.join(root, "lib", "bin.js"), "build", "-o", out, "--pdf", "--handout"], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    const browsers: number[] = [];
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes("loading") && browsers.length === 0) {
          browsers.push(...childrenOf(child.pid as number));
          child.kill("SIGINT");
          resolve();
        }
      });
      child.on("exit", () => reject(new Error(`exited before loading: ${stderr}`)));
    });
    expect(await exited).toBe(ExitCode.interrupted);
    expect(stderr).toContain("interrupted: no PDF written");
    expect(browsers.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(browsers.filter(alive)).toEqual([]);
    expect(readdirSync(out).filter((f) => f.endsWith(".pdf") || f.includes("tmp"))).toEqual([]);
  });
});
