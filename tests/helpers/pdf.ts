/** Reading the real PDFs back: poppler's tools and pdf-lib's objects. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { PDFArray, PDFDict, PDFDocument, type PDFHexString, PDFName } from "pdf-lib";

export const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: "utf8" });
export const flat = (text: string) => text.replace(/\s+/g, "");

/** Every bookmark (depth first) with its depth (0: top level) and the 1-based page its destination opens. */
export async function bookmarkPages(pdf: string): Promise<Array<{ title: string; page: number; depth: number }>> {
  const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
  const refs = doc.getPages().map((p) => p.ref.toString());
  const out: Array<{ title: string; page: number; depth: number }> = [];
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let entry = first; entry; entry = entry.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      const dest = entry.lookup(PDFName.of("Dest"), PDFArray);
      out.push({
        title: (entry.lookup(PDFName.of("Title")) as PDFHexString).decodeText(),
        page: refs.indexOf(String(dest.get(0))) + 1,
        depth,
      });
      walk(entry.lookupMaybe(PDFName.of("First"), PDFDict), depth + 1);
    }
  };
  walk(doc.catalog.lookup(PDFName.of("Outlines"), PDFDict).lookupMaybe(PDFName.of("First"), PDFDict), 0);
  return out;
}
