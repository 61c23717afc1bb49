import { truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isLargeEssay, LARGE_ESSAY_BYTES } from "../../src/cli/heap.js";
import { tempDir } from "../helpers/browser.js";

describe("the small heap for a large essay", () => {
  it("is asked for an essay of LARGE_ESSAY_BYTES or more, found as the build finds it", () => {
    const dir = tempDir();
    const essay = path.join(dir, "essay.txt");
    writeFileSync(essay, "標題\n一、第一部分\n");
    expect(isLargeEssay(essay, dir)).toBe(false);
    truncateSync(essay, LARGE_ESSAY_BYTES);
    expect(isLargeEssay(essay, dir)).toBe(true);
    // A folder holding one essay, as `build content/` reads it.
    expect(isLargeEssay(dir, "/")).toBe(true);
  });

  it("is not asked when the input is wrong: the build reports that", () => {
    expect(isLargeEssay("no-such-essay.txt", tempDir())).toBe(false);
  });
});
