import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Watcher, watchSources } from "../../src/serve/watch.js";
import { tempDir } from "../helpers/browser.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("watchSources: real files, real fs.watch", () => {
  let watcher: Watcher | undefined;
  afterEach(() => watcher?.close());

  /** Watch `file`; returns the batches of changes reported so far. */
  function watchOne(file: string, extra: Partial<Parameters<typeof watchSources>[0]> = {}): string[][] {
    const batches: string[][] = [];
    watcher = watchSources({ files: [file], folders: [], ...extra }, (changed) => batches.push(changed), { debounceMs: 20 });
    return batches;
  }

  async function until(check: () => boolean, ms = 3000): Promise<void> {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error("timed out waiting for a change");
      await sleep(10);
    }
  }

  // What must not be reported is followed by a save that must: events of one folder arrive in order,
  // so once that save's batch is in, anything the first one set off has arrived too.
  it("reports one batch per save, however many events the save makes", async () => {
    const dir = tempDir();
    const essay = path.join(dir, "essay.txt");
    const config = path.join(dir, "essay-deck.config.json");
    writeFileSync(essay, "一");
    const batches = watchOne(essay, { files: [essay, config] });
    writeFileSync(essay, "");
    writeFileSync(essay, "二");
    await until(() => batches.length > 0);
    writeFileSync(config, "{}");
    await until(() => batches.flat().includes(config));
    expect(batches).toEqual([[essay], [config]]);
  });

  it("keeps working after editors save by writing a new file and renaming it over the old", async () => {
    const dir = tempDir();
    const essay = path.join(dir, "essay.txt");
    writeFileSync(essay, "一");
    const batches = watchOne(essay);
    for (const text of ["二", "三"]) {
      const before = batches.length;
      writeFileSync(path.join(dir, ".essay.txt.swp"), text);
      renameSync(path.join(dir, ".essay.txt.swp"), essay);
      await until(() => batches.length > before);
    }
    expect(batches.flat().every((f) => f === essay)).toBe(true);
  });

  it("ignores other files in the folder, and watches a file that does not exist yet", async () => {
    const dir = tempDir();
    const essay = path.join(dir, "essay.txt");
    const config = path.join(dir, "essay-deck.config.json");
    writeFileSync(essay, "一");
    const batches: string[][] = [];
    watcher = watchSources({ files: [essay, config], folders: [] }, (c) => batches.push(c), { debounceMs: 20 });
    writeFileSync(path.join(dir, "notes.txt"), "not the essay");
    writeFileSync(config, "{}");
    await until(() => batches.length > 0);
    expect(batches).toEqual([[config]]);
  });

  it("watches a template folder by suffix, and follows update()", async () => {
    const dir = tempDir();
    const other = tempDir();
    const batches = watchOne(path.join(other, "essay.txt"), { folders: [{ dir, suffixes: [".hbs"] }] });
    writeFileSync(path.join(dir, "point.hbs"), "{{headline}}");
    await until(() => batches.length > 0);
    expect(batches[0]).toEqual([path.join(dir, "point.hbs")]);
    const stillWatched = path.join(dir, "essay.txt");
    watcher?.update({ files: [stillWatched], folders: [] });
    writeFileSync(path.join(dir, "point.hbs"), "{{text headline}}");
    writeFileSync(stillWatched, "一");
    await until(() => batches.length > 1);
    expect(batches).toEqual([[path.join(dir, "point.hbs")], [stillWatched]]);
  });
});
