/**
 * The planned deck as an editable PowerPoint file: real text boxes (pptxgenjs), one section a part,
 * speaker notes a paragraph each. pptxgenjs is imported only here, and this module only when a
 * PPTX is asked for. What pptxgenjs cannot say is finished in the XML it wrote (jszip, its own zip
 * library): notes as paragraphs in the deck's language and font, bullets in the accent colour.
 */
import { DEFAULT_SLIDE_SIZE, type Deck, type SlideSize } from "../model/deck.js";
import { INVALID_XML, layoutDeck, type Paragraph, type PptxSlide, type TextBox } from "./layout.js";
import { fontFace, monoFace, officeLang, type PptxTheme } from "./theme.js";

export interface PptxRequest {
  deck: Deck;
  theme: PptxTheme;
  size?: SlideSize;
  /** Shown as the file's application: `essay-deck 0.1.0`. */
  creator: string;
  /** Show slide numbers (the deck's --slide-number). */
  slideNumbers?: boolean;
  /** An image of the deck by its path inside the deck's folder (Markdown essays); null when unreadable. */
  readImage?: (src: string) => Uint8Array | null;
}

export interface PptxFile {
  bytes: Uint8Array;
  slides: number;
  sections: number;
}

/** px of the slide → inches: reveal.js's slide is CSS px, 96 to the inch, as PowerPoint's 13.33″ × 7.5″ is 1280 × 720. */
const inch = (px: number): number => px / 96;
/** px → points. */
const pt = (px: number): number => Math.round(px * 0.75 * 100) / 100;

/** pptxgenjs's types describe a CommonJS module to NodeNext; its ES build exports the class as default. */
type PptxClass = typeof import("pptxgenjs").default;
type Pptx = InstanceType<PptxClass>;
type TextItem = Parameters<ReturnType<Pptx["addSlide"]>["addText"]>[0];

export async function writePptx(request: PptxRequest): Promise<PptxFile> {
  const { deck, theme } = request;
  const size = request.size ?? deck.size ?? DEFAULT_SLIDE_SIZE;
  const loaded = (await import("pptxgenjs")) as unknown as { default: PptxClass | { default: PptxClass } };
  const PptxGenJS = typeof loaded.default === "function" ? loaded.default : loaded.default.default;
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: "DECK", width: inch(size.width), height: inch(size.height) });
  pptx.layout = "DECK";
  pptx.title = deck.title;
  if (deck.author) pptx.author = deck.author;
  if (deck.subtitle) pptx.subject = deck.subtitle;
  pptx.company = request.creator;
  const face = fontFace(deck.lang, theme.serif);
  const mono = monoFace(deck.lang);
  pptx.theme = { headFontFace: face, bodyFontFace: face };
  const lang = officeLang(deck.lang);
  const slides = layoutDeck(deck, { theme, size });
  const sections = sectionTitles(slides);
  let current = "";
  slides.forEach((planned, i) => {
    const section = sections[i] as string;
    if (section !== current) {
      pptx.addSection({ title: section });
      current = section;
    }
    const slide = pptx.addSlide({ sectionTitle: section });
    slide.background = { color: theme.background };
    for (const r of planned.rects) {
      slide.addShape("rect", {
        x: inch(r.x),
        y: inch(r.y),
        w: inch(r.w),
        h: inch(r.h),
        fill: { color: r.color },
        line: { type: "none" },
      });
    }
    for (const box of planned.boxes) slide.addText(runsOf(box, box.role === "code" ? mono : face, lang), boxOptions(box));
    for (const t of planned.tables) {
      const cell = (text: string, bold: boolean) => ({
        text,
        options: { bold, fontFace: face, fontSize: pt(t.size), color: theme.text, lang },
      });
      slide.addTable([t.header.map((h) => cell(h, true)), ...t.rows.map((r) => r.map((c) => cell(c, false)))], {
        x: inch(t.x),
        y: inch(t.y),
        w: inch(t.w),
        colW: t.colW.map(inch),
        border: { type: "solid", pt: 0.75, color: theme.rule },
        margin: pt(0.25 * t.size),
        valign: "top",
      });
    }
    for (const image of planned.images) {
      const bytes = request.readImage?.(image.src);
      if (!bytes) continue;
      slide.addImage({
        data: `${mimeOf(image.src)};base64,${Buffer.from(bytes).toString("base64")}`,
        x: inch(image.x),
        y: inch(image.y),
        w: inch(image.w),
        h: inch(image.h),
      });
    }
    if (request.slideNumbers !== false) {
      slide.slideNumber = {
        x: inch(8),
        y: inch(size.height - 30),
        w: inch(120),
        h: inch(22),
        fontSize: pt(14),
        color: theme.muted,
        fontFace: face,
        margin: 0,
      };
    }
    // A token the XML pass below replaces with the notes as paragraphs.
    if (planned.notes.length) slide.addNotes(notesToken(i));
  });
  const written = (await pptx.write({ outputType: "uint8array", compression: true })) as Uint8Array;
  const bytes = await finishXml(written, slides, { face, lang, accent: theme.accent });
  return { bytes, slides: slides.length, sections: new Set(sections).size };
}

/** Section names, made unique: PowerPoint merges two sections of the same name. */
function sectionTitles(slides: PptxSlide[]): string[] {
  const seen = new Map<string, number>();
  let previous: string | null = null;
  let name = "";
  return slides.map((s) => {
    if (s.section !== previous) {
      previous = s.section;
      const n = (seen.get(s.section) ?? 0) + 1;
      seen.set(s.section, n);
      name = n === 1 ? s.section : `${s.section} (${n})`;
    }
    return name || " ";
  });
}

function runsOf(box: TextBox, face: string, lang: string): TextItem {
  const items: Exclude<TextItem, string> = [];
  box.paragraphs.forEach((p, pi) => {
    p.runs.forEach((run, ri) => {
      const last = ri === p.runs.length - 1 && pi < box.paragraphs.length - 1;
      items.push({
        text: run.text,
        options: {
          fontSize: pt(run.size),
          color: run.color,
          bold: run.bold ?? false,
          fontFace: face,
          lang,
          ...paragraphOptions(p),
          ...(last ? { breakLine: true } : {}),
        },
      });
    });
  });
  return items;
}

function paragraphOptions(p: Paragraph) {
  return {
    lineSpacing: pt(p.lineHeight),
    ...(p.spaceAfter ? { paraSpaceAfter: pt(p.spaceAfter) } : {}),
    align: p.align === "justify" ? ("justify" as const) : (p.align ?? "left"),
    ...(p.bullet ? { bullet: { characterCode: "2022", indent: pt(p.hanging ?? 0) } } : {}),
  };
}

function boxOptions(box: TextBox) {
  return {
    x: inch(box.x),
    y: inch(box.y),
    w: inch(box.w),
    h: inch(box.h),
    margin: 0,
    valign: box.valign ?? ("top" as const),
    objectName: box.role,
    // A safety net: the box is sized for the text, and shrinks it if an editor draws it wider.
    ...(box.role === "label" || box.role === "context" ? { wrap: box.role !== "label" } : { fit: "shrink" as const }),
    ...(box.fill ? { fill: { color: box.fill }, rectRadius: 0.3, shape: "roundRect" as const } : {}),
  };
}

const mimeOf = (file: string): string => {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? "";
  return ext === "jpg" || ext === "jpeg" ? "image/jpeg" : ext === "svg" ? "image/svg+xml" : `image/${ext || "png"}`;
};

const notesToken = (i: number): string => `essay-deck-notes-${i}`;

const escapeXml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);

async function finishXml(
  bytes: Uint8Array,
  slides: PptxSlide[],
  style: { face: string; lang: string; accent: string },
): Promise<Uint8Array> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  const rPr = `<a:rPr lang="${style.lang}" altLang="en-US" dirty="0"><a:latin typeface="${escapeXml(style.face)}"/><a:ea typeface="${escapeXml(style.face)}"/></a:rPr>`;
  const jobs: Promise<void>[] = [];
  zip.forEach((name, file) => {
    const notes = /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name);
    const slide = /^ppt\/slides\/slide\d+\.xml$/.test(name);
    if (!notes && !slide) return;
    jobs.push(
      file.async("string").then((xml) => {
        let out = xml;
        if (notes) {
          out = out.replace(
            /<a:p><a:r><a:rPr[^>]*\/><a:t>essay-deck-notes-(\d+)<\/a:t><\/a:r>(<a:endParaRPr[^>]*\/>)?<\/a:p>/,
            (_m, i: string) => {
              const paragraphs = slides[Number(i)]?.notes ?? [];
              return paragraphs
                .map((text) => `<a:p><a:r>${rPr}<a:t>${escapeXml(text.replace(INVALID_XML, ""))}</a:t></a:r></a:p>`)
                .join("");
            },
          );
        } else {
          out = out.replace(/<a:buSzPct val="100000"\/><a:buChar/g, `<a:buClr><a:srgbClr val="${style.accent}"/></a:buClr>$&`);
          // Punctuation stays inside the box: hung past its edge, a line's final 。 or 、 could leave the slide.
          out = out.replace(/<a:pPr(?=[\s/>])(?![^>]*hangingPunct)/g, '<a:pPr hangingPunct="0"');
        }
        if (out !== xml) zip.file(name, out);
      }),
    );
  });
  await Promise.all(jobs);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
