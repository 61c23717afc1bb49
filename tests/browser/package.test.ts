/**
 * The npm package as a user gets it: packed, installed from the tarball into an empty project with no
 * PUPPETEER_* variable, then run there. Nothing in the installed tree may run at install (so nothing
 * can download a browser, reachable or not); PDF export finds the system's browser by itself.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configSchema, SCHEMA_FILE } from "../../src/config/schema.js";
import { root } from "../helpers/paths.js";
import { poppler } from "../helpers/pdf.js";

/** The environment of a fresh shell: no PUPPETEER_*, no CHROME_PATH, nothing npm set for this test run. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(PUPPETEER_|npm_|CHROME_PATH$|INIT_CWD$)/i.test(k)),
);

const run = (cwd: string, command: string, ...args: string[]): SpawnSyncReturns<string> =>
  spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 300_000 });

const output = (r: SpawnSyncReturns<string>) => `${r.stdout}${r.stderr}`;

let work = "";
let project = "";
let installed = "";
let installLog = "";

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "essay-deck-package-"));
  // lib/ is fresh (the suite's global setup compiled it): pack without running prepare again.
  const pack = run(root, "npm", "pack", "--ignore-scripts", "--json", "--pack-destination", work);
  expect(pack.status, output(pack)).toBe(0);
  const tarball = path.join(work, (JSON.parse(pack.stdout) as Array<{ filename: string }>)[0]?.filename ?? "");
  project = path.join(work, "project");
  mkdirSync(project);
  writeFileSync(path.join(project, "package.json"), `${JSON.stringify({ name: "talk", private: true }, null, 2)}\n`);
  // --prefer-offline: the dependencies come from npm's cache when `npm ci` already put them there.
  const install = run(project, "npm", "install", "--prefer-offline", "--no-audit", "--no-fund", tarball);
  installLog = output(install);
  expect(install.status, installLog).toBe(0);
  installed = path.join(project, "node_modules", "essay-deck");
}, 300_000);

// The installed tree is about 100 MB: leave none behind.
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the npm package, installed from its tarball into an empty project", () => {
  it("installs without engine warnings, with a clean tree and nothing that runs at install", () => {
    expect(installLog).not.toMatch(/EBADENGINE|ERR!|npm error/);
    const ls = run(project, "npm", "ls", "--all");
    expect(ls.status, output(ls)).toBe(0);
    expect(ls.stdout).toMatch(/puppeteer-core@/);
    expect(ls.stdout).not.toMatch(/[─ ]puppeteer@/);
    const scripts = run(
      project,
      "npm",
      "query",
      ":attr(scripts, [preinstall]), :attr(scripts, [install]), :attr(scripts, [postinstall])",
    );
    expect(scripts.status, output(scripts)).toBe(0);
    expect((JSON.parse(scripts.stdout) as Array<{ name: string }>).map((p) => p.name)).toEqual([]);
  });

  it("builds the deck and its PDF with npx essay-deck, finding the system's browser by itself", () => {
    copyFileSync(path.join(installed, "content", "essay.zh-Hant.txt"), path.join(project, "essay.txt"));
    // A config that names the shipped schema, as an editor would have it: no warning about "$schema".
    const config = { $schema: `./node_modules/essay-deck/${SCHEMA_FILE}`, title: "裝好就能用", cpm: 260 };
    writeFileSync(path.join(project, "essay-deck.config.json"), JSON.stringify(config, null, 2));
    const html = run(project, "npx", "--no", "--", "essay-deck", "build", "essay.txt", "-o", "deck");
    expect(html.status, output(html)).toBe(0);
    expect(html.stderr).toMatch(/23 slides/);
    expect(html.stderr).not.toMatch(/warning|unknown key/i);
    const page = readFileSync(path.join(project, "deck", "index.html"), "utf8");
    expect(page).toContain("DeepSeek");
    expect(page).toContain("裝好就能用");
    const pdf = run(project, "npx", "--no", "--", "essay-deck", "build", "essay.txt", "-o", "deck", "--pdf", "-q");
    expect(pdf.status, output(pdf)).toBe(0);
    expect(pdf.stderr).toBe("");
    expect(poppler("pdfinfo", path.join(project, "deck", "essay.pdf"))).toMatch(/^Pages:\s+23$/m);
  }, 180_000);

  it("ships the MIT LICENSE, the repository's addresses, and docs whose every link resolves inside it", () => {
    expect(readFileSync(path.join(installed, "LICENSE"), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    const manifest = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8"));
    expect(manifest.license).toBe("MIT");
    expect(manifest.repository.url).toMatch(/^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
    expect(manifest.homepage).toMatch(/^https:\/\/github\.com\//);
    expect(manifest.bugs.url).toMatch(/^https:\/\/github\.com\/.*\/issues$/);
    const docs = [
      "README.md",
      ...readdirSync(path.join(installed, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`),
    ];
    expect(docs).toEqual(expect.arrayContaining(["docs/configuration.md", "docs/templates.md", "docs/preview.md"]));
    const broken: string[] = [];
    let links = 0;
    for (const doc of docs) {
      // Code blocks and code spans show Markdown as text (`![alt](chart.png)`): their links are not links.
      const text = readFileSync(path.join(installed, doc), "utf8")
        .replace(/^```[\s\S]*?^```/gm, "")
        .replace(/`[^`\n]*`/g, "");
      for (const [, target = ""] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
        links++;
        const [file = "", anchor] = target.split("#");
        const resolved = file === "" ? path.join(installed, doc) : path.resolve(installed, path.dirname(doc), file);
        if (!resolved.startsWith(installed) || !existsSync(resolved)) broken.push(`${doc}: ${target}`);
        else if (anchor && !headingAnchors(readFileSync(resolved, "utf8")).includes(anchor)) broken.push(`${doc}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(8);
  });

  it("ships the config file's JSON Schema, made by the build from the validator's table", () => {
    const shipped = JSON.parse(readFileSync(path.join(installed, SCHEMA_FILE), "utf8"));
    expect(shipped).toEqual(configSchema());
    // Reachable by package path too (package.json "exports"), for tools that resolve it that way.
    const resolved = run(project, process.execPath, "-p", `require.resolve("essay-deck/${SCHEMA_FILE}")`);
    expect(resolved.stdout.trim()).toBe(path.join(realpathSync(installed), SCHEMA_FILE));
    const check = new Ajv2020({ allowUnionTypes: true }).compile(shipped);
    expect(check(JSON.parse(readFileSync(path.join(project, "essay-deck.config.json"), "utf8")))).toBe(true);
    expect(check({ layout: "grid" })).toBe(false);
  });

  it("ejects the templates with their data reference", () => {
    const r = run(project, "npx", "--no", "--", "essay-deck", "eject-templates", "my-templates");
    expect(r.status, output(r)).toBe(0);
    const reference = readFileSync(path.join(project, "my-templates", "TEMPLATES.md"), "utf8");
    expect(reference).toContain("# Themes and templates");
    expect(existsSync(path.join(project, "my-templates", "partials", "point.hbs"))).toBe(true);
  });

  it("gives TypeScript the API's types", () => {
    writeFileSync(
      path.join(project, "use.ts"),
      [
        'import { type Deck, ExitCode, type Outline, parseEssay, planDeck } from "essay-deck";',
        'const outline: Outline = parseEssay("一、甲\\n第一，乙。\\n");',
        "const deck: Deck = planDeck(outline);",
        "const code: number = ExitCode.usage;",
        "// @ts-expect-error: the essay is text (an `any` from missing types would make this line an error)",
        "parseEssay(42);",
        "export { code, deck };",
        "",
      ].join("\n"),
    );
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          lib: ["es2023", "dom"],
          types: ["node"],
          typeRoots: [path.join(root, "node_modules", "@types")],
        },
        files: ["use.ts"],
      }),
    );
    const tsc = run(project, process.execPath, path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", ".");
    expect(tsc.status, output(tsc)).toBe(0);
  });
});

/** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces to dashes. */
function headingAnchors(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map(([, h = ""]) =>
    h
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replace(/ /g, "-"),
  );
}
