import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/browser.js";
import { root } from "../helpers/paths.js";

const script = path.join(root, "scripts", "check-cycles.mjs");
const run = (dir: string) => spawnSync(process.execPath, [script, dir], { encoding: "utf8" });

function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("scripts/check-cycles.mjs", () => {
  it("finds a cycle through static, re-exporting and dynamic imports, and fails", () => {
    const dir = tree({
      "cli/index.js": 'import { b } from "./build.js";\n',
      "cli/build.js": 'export { c } from "../c.js";\n',
      "c.js": 'export const c = () => import("./cli/index.js");\nimport "node:fs";\nimport x from "pkg";\n',
      "leaf.js": "// import './cli/index.js'\nexport const leaf = 1;\n",
    });
    const r = run(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/cycle: .*c\.js → import\(\) .*cli\/index\.js → .*cli\/build\.js → .*c\.js/);
    expect(r.stdout).not.toContain("leaf.js");
  });

  it("passes a tree without cycles, and the compiled essay-deck", () => {
    const dir = tree({ "a.js": 'import "./b.js";\n', "b.js": 'import "./c.js";\n', "c.js": "export {};\n" });
    expect(run(dir).status).toBe(0);
    const lib = run(path.join(root, "lib"));
    expect(lib.stdout).toMatch(/^no import cycles among \d+ modules/);
    expect(lib.status).toBe(0);
  });
});
