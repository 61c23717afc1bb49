/**
 * The output folder as a store that must not lose data: only files the manifest and their hash prove
 * essay-deck wrote are replaced or deleted, no path is followed through a link, a killed writer's
 * journal and temporary files are repaired and removed by the next one, exports outside the folder
 * never replace a file the user wrote.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/errors.js";
import { LOCK } from "../../src/io/lock.js";
import { JOURNAL, MANIFEST } from "../../src/io/manifest.js";
import { writeDeck, writeExport } from "../../src/io/write.js";
import { expectUserError, run, snapshot } from "../hardening/helpers.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay, root } from "../helpers/paths.js";

const sha = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");
const E = referenceEssay;

describe("a manifest from someone else", () => {
  it("does not delete a file behind a linked folder, nor files listed without a hash", async () => {
    // The attack as reported: a committed dist/ or an unpacked archive is enough.
    const x = tempDir("essay-deck-attack-");
    mkdirSync(path.join(x, "out"));
    mkdirSync(path.join(x, "outside"));
    writeFileSync(path.join(x, "outside", "victim.txt"), "k\n");
    writeFileSync(path.join(x, "out", "notes.txt"), "n\n");
    symlinkSync("../outside", path.join(x, "out", "up"));
    writeFileSync(path.join(x, "out", MANIFEST), '{"generator":"essay-deck","files":["up/victim.txt","notes.txt"]}');
    expect((await run(["build", E, "-o", "out", "-q"], x)).code).toBe(0);
    expect(readFileSync(path.join(x, "outside", "victim.txt"), "utf8")).toBe("k\n");
    expect(readFileSync(path.join(x, "out", "notes.txt"), "utf8")).toBe("n\n");
  });

  it("does not delete a file behind a link even when the manifest has its right hash", async () => {
    const x = tempDir("essay-deck-attack-");
    mkdirSync(path.join(x, "out"));
    mkdirSync(path.join(x, "outside"));
    writeFileSync(path.join(x, "outside", "victim.txt"), "k\n");
    symlinkSync("../outside", path.join(x, "out", "up"));
    symlinkSync("../outside/victim.txt", path.join(x, "out", "old.css"));
    const hash = sha("k\n");
    writeFileSync(
      path.join(x, "out", MANIFEST),
      JSON.stringify({
        generator: "essay-deck",
        files: ["up/victim.txt", "old.css"],
        sha256: { "up/victim.txt": hash, "old.css": hash },
      }),
    );
    expect((await run(["build", E, "-o", "out", "-q"], x)).code).toBe(0);
    expect(readFileSync(path.join(x, "outside", "victim.txt"), "utf8")).toBe("k\n");
    expect(existsSync(path.join(x, "out", "old.css"))).toBe(true);
  });

  it("writes nothing through a linked folder, and says which link", async () => {
    const x = tempDir("essay-deck-attack-");
    mkdirSync(path.join(x, "out"));
    mkdirSync(path.join(x, "elsewhere"));
    symlinkSync("../elsewhere", path.join(x, "out", "assets"));
    expectUserError(
      await run(["build", E, "-o", "out", "-q"], x),
      ExitCode.output,
      /out\/assets is a symbolic link: essay-deck writes only inside the output folder/,
    );
    expect(readdirSync(path.join(x, "elsewhere"))).toEqual([]);
    expect(existsSync(path.join(x, "out", "index.html"))).toBe(false);
  });

  it("does not replace index.html when it is a link, even one the manifest lists with its hash", async () => {
    const x = tempDir("essay-deck-attack-");
    mkdirSync(path.join(x, "out"));
    writeFileSync(path.join(x, "page.html"), "<p>mine</p>");
    symlinkSync("../page.html", path.join(x, "out", "index.html"));
    writeFileSync(path.join(x, "out", MANIFEST), JSON.stringify({ sha256: { "index.html": sha("<p>mine</p>") } }));
    expectUserError(await run(["build", E, "-o", "out", "-q"], x), ExitCode.output, /index\.html is a symbolic link/);
    expect(readFileSync(path.join(x, "page.html"), "utf8")).toBe("<p>mine</p>");
  });

  it("refuses the root of the file system as the output folder", async () => {
    expectUserError(
      await run(["build", E, "-o", "/", "-q"], os.tmpdir()),
      ExitCode.output,
      /\/ is the root of the file system: pass a folder/,
    );
  });
});

describe("a rebuild", () => {
  /** Each file's inode and modification time: a file written again (a new file renamed in) changes both. */
  const stamps = (dir: string) =>
    Object.fromEntries(
      Object.keys(snapshot(dir)).map((f) => {
        const st = statSync(path.join(dir, f));
        return [f, `${st.ino}:${st.mtimeMs}`];
      }),
    );

  it("leaves in place every file whose bytes are the same, and writes only what changed", async () => {
    const x = tempDir("essay-deck-rebuild-");
    const out = path.join(x, "out");
    expect((await run(["build", E, "-o", "out", "-q"], x)).code).toBe(0);
    const first = stamps(out);
    const firstBytes = snapshot(out);
    expect((await run(["build", E, "-o", "out", "-q"], x)).code).toBe(0);
    const { [MANIFEST]: _m, ...deck } = stamps(out);
    const { [MANIFEST]: _f, ...firstDeck } = first;
    expect(deck).toEqual(firstDeck);
    expect(snapshot(out)).toEqual(firstBytes);

    expect((await run(["build", E, "-o", "out", "-q", "--title", "Another title"], x)).code).toBe(0);
    const third = stamps(out);
    expect(third["index.html"]).not.toBe(first["index.html"]);
    expect(third["assets/reveal/reveal.js"]).toBe(first["assets/reveal/reveal.js"]);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("Another title");
    // The manifest still proves every file: a fresh build into another folder writes the same bytes.
    const fresh = path.join(x, "fresh");
    expect((await run(["build", E, "-o", "fresh", "-q", "--title", "Another title"], x)).code).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(fresh));
  });

  it("still refuses a file changed by hand, even when the new deck has the bytes the manifest recorded", () => {
    const out = tempDir("essay-deck-rebuild-");
    writeDeck(out, [{ path: "a.txt", contents: "one" }]);
    writeFileSync(path.join(out, "a.txt"), "mine");
    expect(() => writeDeck(out, [{ path: "a.txt", contents: "one" }])).toThrow(/changed since essay-deck wrote it/);
    expect(readFileSync(path.join(out, "a.txt"), "utf8")).toBe("mine");
  });
});

describe("a writer killed half-way", () => {
  it("repairs the manifest from the journal: renamed files count as essay-deck's, the folder builds", async () => {
    const x = tempDir("essay-deck-crash-");
    expect((await run(["build", E, "-o", "out", "-q"], x)).code).toBe(0);
    const index = path.join(x, "out", "index.html");
    // A build of another theme died after renaming index.html, before writing its manifest.
    const newer = readFileSync(index, "utf8").replace("</body>", "<!-- newer --></body>");
    writeFileSync(index, newer);
    writeFileSync(
      path.join(x, "out", JOURNAL),
      JSON.stringify({
        before: { "index.html": sha(readFileSync(index)) },
        after: { "index.html": sha(newer) },
        outsideAfter: {},
      }),
    );
    expect((await run(["build", E, "-o", "out", "-q"], x)).code).toBe(0);
    expect(existsSync(path.join(x, "out", JOURNAL))).toBe(false);
    expect(readFileSync(index, "utf8")).not.toContain("<!-- newer -->");
  });

  it("removes the temporary files and staging folders of writers that are gone, and keeps live ones'", async () => {
    const x = tempDir("essay-deck-crash-");
    expect((await run(["build", E, "-o", "out", "-q"], x)).code).toBe(0);
    const dead = deadPid();
    const leftovers = [
      `index.html.essay-deck-tmp-${dead}`,
      `.essay-deck-tmp-${dead}/3`,
      `assets/theme/essay.css.essay-deck-tmp-${dead}`,
    ];
    for (const f of leftovers) {
      mkdirSync(path.dirname(path.join(x, "out", f)), { recursive: true });
      writeFileSync(path.join(x, "out", f), "half");
    }
    const live = `index.html.essay-deck-tmp-${process.ppid}`;
    writeFileSync(path.join(x, "out", live), "someone's, still writing");
    expect((await run(["build", E, "-o", "out", "-q"], x)).code).toBe(0);
    const left = readdirSync(path.join(x, "out"), { recursive: true })
      .map(String)
      .filter((f) => f.includes("essay-deck-tmp"));
    expect(left).toEqual([live]);
  });
});

describe("the folder lock", () => {
  it("takes over a lock whose process is gone", async () => {
    const x = tempDir("essay-deck-lock-");
    mkdirSync(path.join(x, "out"));
    writeFileSync(path.join(x, "out", LOCK), JSON.stringify({ pid: deadPid(), host: os.hostname(), start: null, nonce: "old" }));
    expect((await run(["build", E, "-o", "out", "-q"], x)).code).toBe(0);
    expect(existsSync(path.join(x, "out", LOCK))).toBe(false);
  });

  it("waits while another process holds the folder, and builds once it is gone", async () => {
    const x = tempDir("essay-deck-lock-");
    mkdirSync(path.join(x, "out"));
    const holder = spawn("sleep", ["60"], { stdio: "ignore" });
    writeFileSync(
      path.join(x, "out", LOCK),
      JSON.stringify({ pid: holder.pid, host: os.hostname(), start: null, nonce: "held" }),
    );
    const child = spawn(process.execPath, [path.join(root, "lib", "bin.js"), "build", E, "-o", "out"], {
      cwd: x,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    const waiting = new Promise<void>((resolve) =>
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes("waiting for another essay-deck")) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await waiting;
    expect(stderr).toContain(`(pid ${holder.pid}) writing into ${path.join(x, "out")}`);
    expect(existsSync(path.join(x, "out", "index.html"))).toBe(false);
    holder.kill("SIGKILL");
    expect(await exited).toBe(0);
    expect(existsSync(path.join(x, "out", "index.html"))).toBe(true);
  });
});

describe("exports outside the output folder", () => {
  it("never replace a file the user wrote; replace their own earlier export; not once the user changed it", () => {
    const x = tempDir("essay-deck-export-");
    const out = path.join(x, "out");
    writeDeck(out, [{ path: "index.html", contents: "<p>deck</p>" }]);
    const thesis = path.join(x, "thesis.pdf");
    writeFileSync(thesis, "my thesis");
    expect(() => writeExport(out, thesis, Buffer.from("%PDF slides"))).toThrow(
      /thesis\.pdf exists and was not written by essay-deck/,
    );
    expect(readFileSync(thesis, "utf8")).toBe("my thesis");
    const talk = path.join(x, "talk.pdf");
    writeExport(out, talk, Buffer.from("%PDF one"));
    writeExport(out, talk, Buffer.from("%PDF two"));
    expect(readFileSync(talk, "utf8")).toBe("%PDF two");
    writeFileSync(talk, "%PDF annotated by hand");
    expect(() => writeExport(out, talk, Buffer.from("%PDF three"))).toThrow(
      /talk\.pdf exists and was not written by essay-deck \(or was changed since\)/,
    );
    const before = snapshot(x);
    expect(Object.keys(before).filter((f) => f.includes("tmp"))).toEqual([]);
  });
});

/** A pid no process has: above the largest Linux allows (2^22). */
const deadPid = (): number => 2 ** 22 + 7;
