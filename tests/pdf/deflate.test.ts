import { deflateSync, inflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { deflatesNatively, useNativeDeflate } from "../../src/pdf/deflate.js";

/** A document with enough objects that pdf-lib packs them into compressed object streams. */
async function sample(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 120; i++) doc.addPage([200, 100]);
  doc.setTitle("標題 title");
  return doc.save();
}

/** The raw (compressed) contents of each object stream in a saved PDF. */
function objectStreams(bytes: Uint8Array): Buffer[] {
  const text = Buffer.from(bytes).toString("latin1");
  const found: Buffer[] = [];
  for (const m of text.matchAll(/\/Type \/ObjStm[^>]*?\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    found.push(Buffer.from(bytes.subarray(start, start + Number(m[1]))));
  }
  return found;
}

describe("pdf-lib deflating with Node's zlib", () => {
  it("writes object streams that Node's zlib made, and that read back whole", async () => {
    useNativeDeflate();
    expect(deflatesNatively()).toBe(true);
    const bytes = await sample();
    const streams = objectStreams(bytes);
    expect(streams.length).toBeGreaterThan(1);
    for (const s of streams) {
      // The bytes are Node's own deflate of the contents (pako's differ from them).
      expect(s.equals(deflateSync(inflateSync(s)))).toBe(true);
    }
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(120);
    expect(doc.getTitle()).toBe("標題 title");
  });
});
