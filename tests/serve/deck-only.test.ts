/**
 * `serve -o .` builds beside the user's other files (a diary, a spreadsheet): the server shows the
 * deck's files and nothing else of the folder. A temporary folder of a killed server is removed by
 * the next one.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startServer } from "../../src/serve/index.js";
import { essayFolder } from "./helpers.js";

describe("serve into a folder of the user's", () => {
  it("serves the deck's files only", async () => {
    const { dir, essay } = essayFolder();
    writeFileSync(path.join(dir, "diary.txt"), "private");
    mkdirSync(path.join(dir, "money"));
    writeFileSync(path.join(dir, "money", "2026.csv"), "1,2,3");
    const server = await startServer({ input: essay, cwd: dir, outDir: ".", port: 0 });
    try {
      expect((await fetch(server.url)).status).toBe(200);
      expect((await fetch(new URL("assets/essay-deck.css", server.url))).status).toBe(200);
      for (const other of ["diary.txt", "money/2026.csv", "essay.zh-Hant.txt", "essay-deck.config.json", "money/"]) {
        expect((await fetch(new URL(other, server.url))).status, other).toBe(404);
      }
    } finally {
      await server.close();
    }
  });

  it("removes the temporary folder a killed server left", async () => {
    const { essay } = essayFolder();
    const tmp = path.join(os.tmpdir(), "essay-deck-serve-4194311-abcdef");
    mkdirSync(tmp, { recursive: true });
    writeFileSync(path.join(tmp, "index.html"), "old");
    const live = path.join(os.tmpdir(), `essay-deck-serve-${process.pid}-live`);
    mkdirSync(live, { recursive: true });
    const server = await startServer({ input: essay, port: 0 });
    await server.close();
    expect(existsSync(tmp)).toBe(false);
    expect(existsSync(live)).toBe(true);
    rmSync(live, { recursive: true });
    expect(existsSync(server.outDir)).toBe(false);
  });
});
