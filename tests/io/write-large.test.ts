import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeDeck } from "../../src/io/write.js";
import { tempDir } from "../helpers/browser.js";

// The writer encodes long text a 1 MiB slice at a time (big decks would otherwise hold a second
// copy of the page): the file and the manifest's hash must be those of the whole text.
describe("writing a page larger than the writer's slice", () => {
  it("keeps every character, surrogate pairs across a slice boundary included", () => {
    const slice = 1 << 20;
    // An astral character (two UTF-16 units) straddling each of the first boundaries, CJK around it.
    const block = "顛覆性創新".repeat(Math.ceil(slice / 5)).slice(0, slice - 1);
    const page = `${block}𠀀${block}𪚥${"x".repeat(1000)}\uD800 lone, and the end`;
    const dir = tempDir();
    writeDeck(dir, [{ path: "index.html", contents: page }]);
    const written = readFileSync(path.join(dir, "index.html"));
    expect(written.equals(Buffer.from(page, "utf8"))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(dir, ".essay-deck-manifest.json"), "utf8"));
    expect(manifest.sha256["index.html"]).toBe(createHash("sha256").update(page).digest("hex"));
  });

  it("writes an empty file", () => {
    const dir = tempDir();
    writeDeck(dir, [{ path: "empty.txt", contents: "" }]);
    expect(readFileSync(path.join(dir, "empty.txt"))).toHaveLength(0);
  });
});

describe("writing a page made in pieces", () => {
  it("writes the bytes of the joined text, a surrogate pair split between two pieces included", () => {
    const big = "顛覆性創新".repeat(300_000);
    const pieces = ["<p>", big, "\uD840", "\uDC00 and ", "x".repeat(2_000_000), "𪚥", "\uD800"];
    const page = pieces.join("");
    const dir = tempDir();
    const written = writeDeck(dir, [{ path: "index.html", pieces }]);
    expect(readFileSync(path.join(dir, "index.html")).equals(Buffer.from(page, "utf8"))).toBe(true);
    expect(written.sha256["index.html"]).toBe(createHash("sha256").update(page).digest("hex"));
  });

  it("leaves the file in place when the pieces spell the bytes already there", () => {
    const dir = tempDir();
    writeDeck(dir, [{ path: "index.html", contents: "<p>one</p>" }]);
    const before = statSync(path.join(dir, "index.html"));
    writeDeck(dir, [{ path: "index.html", pieces: ["<p>", "one", "</p>"] }]);
    const after = statSync(path.join(dir, "index.html"));
    expect(`${after.ino}:${after.mtimeMs}`).toBe(`${before.ino}:${before.mtimeMs}`);
    expect(readdirSync(dir).sort()).toEqual([".essay-deck-manifest.json", "index.html"]);
  });
});

describe("a page whose pieces fail while they are rendered", () => {
  it("passes the renderer's error on as it is, and leaves the earlier deck and no staging behind", () => {
    const dir = tempDir();
    writeDeck(dir, [{ path: "index.html", contents: "<p>earlier</p>" }]);
    const failing = (function* () {
      yield "<p>";
      throw new Error("Must pass iterator to #each");
    })();
    expect(() => writeDeck(dir, [{ path: "index.html", pieces: failing }])).toThrow(/^Must pass iterator to #each$/);
    expect(readFileSync(path.join(dir, "index.html"), "utf8")).toBe("<p>earlier</p>");
    expect(readdirSync(dir).sort()).toEqual([".essay-deck-manifest.json", "index.html"]);
  });
});
