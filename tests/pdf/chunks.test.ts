import { describe, expect, it } from "vitest";
import { chunkRanges, SLIDES_PER_CHUNK } from "../../src/pdf/chunks.js";

describe("chunkRanges", () => {
  it("covers every slide once, in order, in chunks of at most the size", () => {
    for (const [count, size] of [
      [0, 5],
      [1, 5],
      [5, 5],
      [22, 5],
      [1958, SLIDES_PER_CHUNK],
    ] as const) {
      const chunks = chunkRanges(count, size);
      const slides = chunks.flatMap((c) => Array.from({ length: c.end - c.start }, (_, i) => c.start + i));
      expect(slides).toEqual(Array.from({ length: count }, (_, i) => i));
      expect(chunks.every((c) => c.end - c.start >= 1 && c.end - c.start <= size)).toBe(true);
      expect(chunks).toHaveLength(Math.ceil(count / size));
    }
  });

  it("refuses an empty chunk size", () => {
    expect(() => chunkRanges(10, 0)).toThrow(RangeError);
  });
});
