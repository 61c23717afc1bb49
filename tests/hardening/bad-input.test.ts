/**
 * Bad input: every case is one line on stderr saying what to do, a distinct exit code, no stack
 * trace, and the deck an earlier build left in the output folder is untouched.
 */
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ExitCode } from "../../src/errors.js";
import { MAX_ESSAY_BYTES } from "../../src/io/input.js";
import { BUILTIN_THEMES } from "../../src/themes.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay } from "../helpers/paths.js";
import { expectUserError, run, snapshot } from "./helpers.js";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

describe("bad input leaves the earlier deck alone", () => {
  const work = tempDir("essay-deck-bad-");
  const dist = path.join(work, "dist");
  let before: Record<string, string>;

  beforeAll(async () => {
    writeFileSync(path.join(work, "good.txt"), readFileSync(referenceEssay));
    expect((await run(["build", "good.txt", "-o", "dist", "-q"], work)).code).toBe(0);
    before = snapshot(dist);
  });

  const essay = (name: string, bytes: string | Uint8Array): string => {
    writeFileSync(path.join(work, name), bytes);
    return name;
  };

  const cases: Array<{ name: string; args: () => string[]; code: number; message: RegExp }> = [
    { name: "a missing file", args: () => ["nope.txt"], code: ExitCode.inputMissing, message: /essay not found: .*nope\.txt/ },
    {
      name: "a folder with no essay",
      args: () => {
        mkdirSync(path.join(work, "empty-folder"), { recursive: true });
        writeFileSync(path.join(work, "empty-folder", "notes.json"), "{}");
        return ["empty-folder"];
      },
      code: ExitCode.inputMissing,
      message: /no essay \(\.txt or \.md\) in folder .*: pass the essay file itself/,
    },
    {
      name: "a folder of essays into the folder of a single deck",
      args: () => {
        mkdirSync(path.join(work, "two"), { recursive: true });
        writeFileSync(path.join(work, "two", "a.txt"), "一、甲\n第一,乙。");
        writeFileSync(path.join(work, "two", "b.md"), "# B");
        return ["two"];
      },
      // A folder of essays builds a site, which is not written over the deck of one essay.
      code: ExitCode.output,
      message: /dist holds the deck of a single essay: pass another folder with -o/,
    },
    { name: "an empty file", args: () => [essay("empty.txt", "")], code: ExitCode.inputInvalid, message: /empty\.txt is empty/ },
    {
      name: "whitespace only",
      args: () => [essay("blank.txt", " \n\t\r\n\u3000\n\n")],
      code: ExitCode.inputInvalid,
      message: /blank\.txt holds only blank lines and spaces: write the essay/,
    },
    {
      name: "a BOM and nothing else",
      args: () => [essay("bom.txt", "\uFEFF")],
      code: ExitCode.inputInvalid,
      message: /bom\.txt is empty/,
    },
    {
      name: "front matter and no essay",
      args: () => [essay("front.md", "---\ntitle: 只有標題\n---\n\n")],
      code: ExitCode.inputInvalid,
      message: /front\.md has front matter but no essay after it: write the essay below the closing ---/,
    },
    {
      name: "binary data",
      args: () => [essay("data.txt", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))],
      code: ExitCode.inputInvalid,
      message: /data\.txt is binary, not text: pass a \.txt or \.md essay/,
    },
    {
      name: "control characters without a NUL",
      args: () => [essay("ctrl.txt", "\u0001\u0002\u0003\u0004abc\u0005\u0006\u0007".repeat(50))],
      code: ExitCode.inputInvalid,
      message: /ctrl\.txt is binary/,
    },
    {
      name: "a PNG renamed .txt",
      args: () => [essay("photo.txt", PNG)],
      code: ExitCode.inputInvalid,
      message: /photo\.txt is a PNG image, not an essay/,
    },
    {
      name: "invalid UTF-8 in no other encoding either",
      args: () => [essay("latin1.txt", Buffer.from("caf\xe9 au lait, na\xefve r\xe9sum\xe9 \xff\xfe\xfd", "latin1"))],
      code: ExitCode.inputInvalid,
      message: /latin1\.txt is not UTF-8 text: save it as UTF-8, or pass --encoding/,
    },
    {
      name: "an essay over the size limit",
      args: () => {
        essay("huge.txt", "");
        truncateSync(path.join(work, "huge.txt"), MAX_ESSAY_BYTES + 1);
        return ["huge.txt"];
      },
      code: ExitCode.inputInvalid,
      message: /huge\.txt is 32\.0 MB: essays over 32 MB are refused; split it/,
    },
    {
      name: "a device instead of a file",
      args: () => ["/dev/zero"],
      code: ExitCode.inputInvalid,
      message: /\/dev\/zero is not a regular file/,
    },
    {
      name: "an unknown theme (the valid ones are listed)",
      args: () => ["good.txt", "--theme", "solarized"],
      code: ExitCode.config,
      message: new RegExp(`unknown theme "solarized": use one of ${BUILTIN_THEMES.map((t) => t.name).join(", ")}`),
    },
    {
      name: "an unknown encoding",
      args: () => ["good.txt", "--encoding", "klingon"],
      code: ExitCode.usage,
      message: /unknown encoding "klingon": use utf-8, big5, gbk/,
    },
    {
      // Refused at once, by its length, instead of a minute of layout and a browser timeout.
      name: "a 1 MB title no slide can hold",
      args: () => ["good.txt", "--title", "長".repeat(1 << 20)],
      code: ExitCode.inputInvalid,
      message:
        /the title is 1,048,576 characters: a 1280×720 slide holds at most about 1,044 even at the smallest size; shorten it/,
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name} in one line`, async () => {
      const result = await run(["build", ...c.args(), "-o", "dist"], work);
      expectUserError(result, c.code, c.message);
      expect(snapshot(dist)).toEqual(before);
    });
  }

  it("refuses an unknown flag as a usage error, without a stack", async () => {
    const result = await run(["build", "good.txt", "-o", "dist", "--nope"], work);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toMatch(/unknown option '--nope'/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot(dist)).toEqual(before);
  });

  it("accepts a folder that holds exactly one essay (and a README, a dangling link, a hidden file)", async () => {
    mkdirSync(path.join(work, "one"), { recursive: true });
    writeFileSync(path.join(work, "one", "essay.txt"), readFileSync(referenceEssay));
    writeFileSync(path.join(work, "one", "README.md"), "# notes to self");
    writeFileSync(path.join(work, "one", ".draft.md"), "# an editor's backup");
    symlinkSync(path.join(work, "gone.txt"), path.join(work, "one", "old.txt"));
    const result = await run(["build", "one", "-o", "one-out", "-q"], work);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(work, "one-out", "index.html"), "utf8")).toContain("顛覆性創新的重要性");
  });
});
