/**
 * The output folder: never overwrite or delete what essay-deck did not write (its manifest says what
 * it wrote, with a hash of each file), and a failed write leaves the earlier deck whole.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/errors.js";
import { MANIFEST } from "../../src/io/write.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay } from "../helpers/paths.js";
import { expectUserError, run, snapshot } from "./helpers.js";

function workWithEssay(): string {
  const work = tempDir("essay-deck-out-");
  writeFileSync(path.join(work, "essay.txt"), readFileSync(referenceEssay));
  return work;
}

const build = (work: string, ...args: string[]) => run(["build", "essay.txt", "-q", ...args], work);

describe("the output folder", () => {
  it("refuses an output path that is a file, and leaves the file alone", async () => {
    const work = workWithEssay();
    writeFileSync(path.join(work, "slides"), "my own file");
    expectUserError(await build(work, "-o", "slides"), ExitCode.output, /output path .*slides is a file: pass a folder with -o/);
    expect(readFileSync(path.join(work, "slides"), "utf8")).toBe("my own file");
  });

  it("refuses an output folder that cannot be created: its parent is a file", async () => {
    const work = workWithEssay();
    writeFileSync(path.join(work, "notes.txt"), "mine");
    expectUserError(
      await build(work, "-o", "notes.txt/deck"),
      ExitCode.output,
      /cannot create output folder .*deck: a folder in that path is a file \(ENOTDIR\); pass another folder with -o/,
    );
    expect(readFileSync(path.join(work, "notes.txt"), "utf8")).toBe("mine");
  });

  it("refuses an output folder the system will not let it create", async () => {
    const work = workWithEssay();
    expectUserError(
      await build(work, "-o", "/sys/essay-deck-out"),
      ExitCode.output,
      /cannot create output folder \/sys\/essay-deck-out: /,
    );
  });

  it("builds beside the essay and other user files without touching them", async () => {
    const work = workWithEssay();
    writeFileSync(path.join(work, "notes.md"), "# my notes");
    const before = snapshot(work);
    expect((await build(work, "-o", ".")).code).toBe(0);
    expect((await build(work, "-o", ".")).code).toBe(0);
    const after = snapshot(work);
    for (const [file, hash] of Object.entries(before)) expect(after[file], file).toBe(hash);
    expect(after["index.html"]).toBeDefined();
  });

  it("refuses to overwrite a file it did not write, and writes nothing", async () => {
    const work = workWithEssay();
    mkdirSync(path.join(work, "talk"));
    writeFileSync(path.join(work, "talk", "index.html"), "<p>my own page</p>");
    writeFileSync(path.join(work, "talk", "essay.txt"), "a copy of the essay");
    const before = snapshot(path.join(work, "talk"));
    expectUserError(
      await build(work, "-o", "talk"),
      ExitCode.output,
      /talk\/index\.html exists and was not written by essay-deck: pass another folder with -o, or move that file away/,
    );
    expect(snapshot(path.join(work, "talk"))).toEqual(before);
  });

  it("refuses to overwrite its own file once the user has edited it", async () => {
    const work = workWithEssay();
    expect((await build(work, "-o", "dist")).code).toBe(0);
    writeFileSync(path.join(work, "dist", "index.html"), "<p>hand-tuned</p>");
    const before = snapshot(path.join(work, "dist"));
    expectUserError(await build(work, "-o", "dist"), ExitCode.output, /index\.html was changed since essay-deck wrote it/);
    expect(snapshot(path.join(work, "dist"))).toEqual(before);
  });

  it("removes only its own stale files, never user files beside them", async () => {
    const work = workWithEssay();
    expect((await build(work, "-o", "dist", "--theme", "essay")).code).toBe(0);
    expect(existsSync(path.join(work, "dist", "assets", "theme", "essay.css"))).toBe(true);
    writeFileSync(path.join(work, "dist", "assets", "theme", "mine.css"), "h1{}");
    writeFileSync(path.join(work, "dist", "speech.txt"), "what I will say");
    expect((await build(work, "-o", "dist", "--theme", "white")).code).toBe(0);
    expect(existsSync(path.join(work, "dist", "assets", "theme", "essay.css"))).toBe(false);
    expect(readFileSync(path.join(work, "dist", "assets", "theme", "mine.css"), "utf8")).toBe("h1{}");
    expect(readFileSync(path.join(work, "dist", "speech.txt"), "utf8")).toBe("what I will say");
  });

  it("does not trust a manifest that names files outside the folder, or the user's files", async () => {
    const work = workWithEssay();
    expect((await build(work, "-o", "dist")).code).toBe(0);
    writeFileSync(path.join(work, "victim.txt"), "outside");
    writeFileSync(path.join(work, "dist", "diary.txt"), "inside, mine");
    const manifest = JSON.parse(readFileSync(path.join(work, "dist", MANIFEST), "utf8")) as { files: string[] };
    manifest.files.push("../victim.txt", path.join(work, "essay.txt"), "..", "/etc/hostname");
    writeFileSync(path.join(work, "dist", MANIFEST), JSON.stringify(manifest));
    expect((await build(work, "-o", "dist")).code).toBe(0);
    expect(readFileSync(path.join(work, "victim.txt"), "utf8")).toBe("outside");
    expect(readFileSync(path.join(work, "dist", "diary.txt"), "utf8")).toBe("inside, mine");
    expect(readFileSync(path.join(work, "essay.txt"))).toEqual(readFileSync(referenceEssay));
  });

  it("leaves the earlier deck whole and no temporary files when a write fails half-way", async () => {
    const work = workWithEssay();
    expect((await build(work, "-o", "dist")).code).toBe(0);
    // A file where the build needs a folder: the reveal.js copy fails after index.html is staged.
    rmSync(path.join(work, "dist", "assets", "reveal"), { recursive: true });
    writeFileSync(path.join(work, "dist", "assets", "reveal"), "in the way");
    const before = snapshot(path.join(work, "dist"));
    expectUserError(
      await build(work, "-o", "dist"),
      ExitCode.output,
      /cannot write into .*dist: .*; pass another folder with -o/,
    );
    expect(snapshot(path.join(work, "dist"))).toEqual(before);
    const leftovers = readdirSync(path.join(work, "dist"), { recursive: true }).filter((f) => String(f).includes("tmp"));
    expect(leftovers).toEqual([]);
  });
});
