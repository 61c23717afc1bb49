import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { tempDir } from "../helpers/browser.js";

// The kernel refuses a watch when its limit of watches is reached (ENOSPC), which a test cannot
// bring about without starving the machine: fs.watch refuses one folder here instead.
const refused = new Set<string>();
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const watch = ((dir: string, ...rest: unknown[]) => {
    if (refused.has(dir))
      throw Object.assign(new Error(`ENOSPC: System limit for number of file watchers reached, watch '${dir}'`), {
        code: "ENOSPC",
      });
    return (fs.watch as (...args: unknown[]) => unknown)(dir, ...rest);
  }) as typeof fs.watch;
  return { ...fs, watch, default: { ...fs, watch } };
});

const { watchSources } = await import("../../src/serve/watch.js");

describe("a folder that cannot be watched", () => {
  it("is a warning, given once, naming the folder and why; the others are still watched", () => {
    const dir = tempDir();
    const templates = path.join(dir, "templates");
    mkdirSync(templates);
    refused.add(templates);
    const warnings: string[] = [];
    const targets = { files: [path.join(dir, "essay.txt")], folders: [{ dir: templates, suffixes: [".hbs"] }] };
    const watcher = watchSources(targets, () => {}, { warn: (m) => warnings.push(m) });
    watcher.update(targets);
    watcher.close();
    expect(warnings).toEqual([`cannot watch ${templates} (ENOSPC): saving a file there will not update the deck`]);
  });
});
