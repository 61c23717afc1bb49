/**
 * A very large essay is built with V8 keeping its heap small. By default the garbage collector
 * lets the heap grow to about twice what a build holds before it collects: a 16,000-point essay
 * (19 MB) peaked near 200 MiB, most of it garbage. `--optimize-for-size` collects sooner, for
 * about a sixth more time: a price only essays of this size pay.
 */
import { statSync } from "node:fs";
import v8 from "node:v8";
import { resolveInput } from "../io/input.js";

/** Essays from this size up (about 3,500 points of Chinese) are built with the small heap. */
export const LARGE_ESSAY_BYTES = 4 * 2 ** 20;

/** Whether the essay a build will read is large: a wrong input is left for the build to report. */
export function isLargeEssay(input: string | undefined, cwd: string): boolean {
  try {
    return statSync(resolveInput(input, cwd)).size >= LARGE_ESSAY_BYTES;
  } catch {
    return false;
  }
}

/** Ask V8 to keep the heap small before a large essay is read (the flag is read at each collection). */
export function keepHeapSmallFor(input: string | undefined, cwd: string): void {
  if (isLargeEssay(input, cwd)) v8.setFlagsFromString("--optimize-for-size");
}
