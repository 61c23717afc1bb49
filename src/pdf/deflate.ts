/**
 * pdf-lib compresses what it writes (the object streams of a saved PDF, a handout's drawing
 * instructions) with pako, zlib written in JavaScript. Node's zlib writes the same format natively:
 * saving the reference's slides PDF took 95 ms with pako and 45 ms with it, measured cold as a
 * build runs. pdf-lib calls `pako.deflate` through pako's module object at each use, so giving that
 * object Node's deflate is enough; PDFs stay standard Flate streams, read back by any viewer.
 */
import { createRequire } from "node:module";
import { deflateSync } from "node:zlib";

type Deflate = (data: Uint8Array) => Uint8Array;

const nativeDeflate: Deflate = (data) => {
  const out = deflateSync(data);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

/** The pako that pdf-lib itself loads, wherever npm put it. */
const pakoOfPdfLib = (): { deflate: Deflate } =>
  createRequire(createRequire(import.meta.url).resolve("pdf-lib"))("pako") as { deflate: Deflate };

/** Give pdf-lib's pako Node's deflate (it does nothing when pako cannot be found). */
export function useNativeDeflate(): void {
  try {
    pakoOfPdfLib().deflate = nativeDeflate;
  } catch {
    // pdf-lib then compresses with pako, as it does by itself.
  }
}

/** Whether pdf-lib deflates with Node's zlib now. */
export function deflatesNatively(): boolean {
  try {
    return pakoOfPdfLib().deflate === nativeDeflate;
  } catch {
    return false;
  }
}
