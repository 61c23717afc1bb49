/** Bytes the essay should not have, past where the binary check looks. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../hardening/helpers.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay } from "../helpers/paths.js";

describe("NUL bytes anywhere in the essay", () => {
  it("never reach the page: past the first 8 KB they show as U+FFFD", async () => {
    const work = tempDir("essay-deck-nul-");
    const essay = readFileSync(referenceEssay, "utf8");
    writeFileSync(path.join(work, "essay.txt"), `${essay}\n此段\u0000有空字元。\n`);
    const result = await run(["build", "essay.txt", "-o", "out", "-q"], work);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(path.join(work, "out", "index.html"), "utf8");
    expect(html).not.toContain("\u0000");
    expect(html).toContain("此段\uFFFD有空字元");
  });
});
