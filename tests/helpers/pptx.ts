/** Reading a PPTX back: its XML parts through jszip, its text per slide and per notes page. */
import JSZip from "jszip";

export interface ReadPptx {
  slides: string[];
  /** Each slide's text, its paragraphs joined by newlines. */
  slideText: string[];
  /** Each slide's notes page text ("" when it has none). */
  notesText: string[];
  /** Section names, in order, with the number of slides in each. */
  sections: Array<{ name: string; slides: number }>;
  presentation: string;
  core: string;
}

const decode = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] as string);

/** The text of an XML part: each <a:p>'s runs, paragraphs one a line. */
export function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) =>
    [...(p[1] as string).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decode(t[1] as string)).join(""),
  );
}

export async function readPptx(bytes: Uint8Array): Promise<ReadPptx> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const presentation = await part("ppt/presentation.xml");
  const rels = await part("ppt/_rels/presentation.xml.rels");
  const target = new Map([...rels.matchAll(/Id="(rId\d+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const ids = [...presentation.matchAll(/<p:sldId id="(\d+)" r:id="(rId\d+)"\/>/g)].map((m) => ({ id: m[1], rel: m[2] }));
  const slides = ids.map((s) => `ppt/${target.get(s.rel)}`);
  const slideText: string[] = [];
  const notesText: string[] = [];
  for (const slide of slides) {
    const xml = await part(slide);
    slideText.push(paragraphsOf(xml).join("\n"));
    const slideRels = await part(slide.replace(/slides\/(slide\d+\.xml)$/, "slides/_rels/$1.rels"));
    const notes = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(slideRels)?.[1];
    notesText.push(
      notes
        ? paragraphsOf(await part(`ppt/notesSlides/${notes}`))
            .filter((p) => p !== "" && !/^\d+$/.test(p))
            .join("\n")
        : "",
    );
  }
  const byId = new Map(ids.map((s, i) => [s.id, i]));
  const sections = [...presentation.matchAll(/<p14:section name="([^"]*)"[^>]*>([\s\S]*?)<\/p14:section>/g)].map((m) => ({
    name: decode(m[1] as string),
    slides: [...(m[2] as string).matchAll(/<p14:sldId id="(\d+)"\/>/g)].filter((s) => byId.has(s[1])).length,
  }));
  return { slides, slideText, notesText, sections, presentation, core: await part("docProps/core.xml") };
}

/** Every XML part of the slides and notes, for attribute checks (fonts, lang). */
export async function slideXml(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(n));
  return Promise.all(names.map((n) => zip.file(n)?.async("string") ?? ""));
}
