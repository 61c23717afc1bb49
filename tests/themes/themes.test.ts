/** Built-in themes, a user's theme and extra CSS with their assets, template overrides and eject. */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/errors.js";
import { cssReferences } from "../../src/io/css-refs.js";
import { revealDist } from "../../src/io/paths.js";
import { BUILTIN_THEMES } from "../../src/themes.js";
import { tempDir } from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import { referenceEssay, root } from "../helpers/paths.js";

const run = (cwd: string, ...argv: string[]) => runCli(argv, cwd);

const links = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);

describe("essay-deck themes", () => {
  it("lists every built-in theme, one a line: name, two spaces or more, a description", async () => {
    const r = await run(root, "themes");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(BUILTIN_THEMES.map((t) => t.name));
    for (const line of lines) expect(line).toMatch(/^[a-z-]+ {2,}\S.{10,}$/);
    for (const name of ["essay", "paper", "stage", "projector", "white", "black", "white-contrast", "black-contrast"]) {
      expect(lines.some((l) => l.startsWith(`${name} `))).toBe(true);
    }
  });

  it("ships themes that fetch nothing from the network", () => {
    for (const theme of BUILTIN_THEMES) {
      const files = [path.join(revealDist(), "theme", `${theme.base}.css`)];
      if (theme.css) files.push(path.join(root, "templates", "themes", theme.css));
      for (const file of files) {
        const css = readFileSync(file, "utf8");
        expect(
          cssReferences(css).filter((r) => r.kind !== "local"),
          file,
        ).toEqual([]);
        expect(css, file).not.toMatch(/@import/);
      }
    }
  });

  it("styles the page background, the point badge and links in every dark theme of ours", () => {
    for (const theme of BUILTIN_THEMES.filter((t) => t.css && t.base.startsWith("black"))) {
      const css = readFileSync(path.join(root, "templates", "themes", theme.css as string), "utf8");
      expect(css, theme.name).toMatch(/\.reveal-viewport\s*\{[^}]*background/);
      expect(css, theme.name).toMatch(/\.point-label/);
      expect(css, theme.name).toMatch(/--r-link-color:/);
    }
  });

  it("builds the reference deck in each built-in theme with its stylesheets linked in order", async () => {
    for (const theme of BUILTIN_THEMES) {
      const out = tempDir();
      expect((await run(root, "build", referenceEssay, "-q", "-o", out, "--theme", theme.name)).code).toBe(0);
      const html = readFileSync(path.join(out, "index.html"), "utf8");
      const expected = [`assets/theme/${theme.base}.css`, "assets/essay-deck.css"];
      if (theme.css) expected.push(`assets/theme/${theme.css}`);
      expect(links(html).slice(-expected.length)).toEqual(expected);
      for (const href of links(html)) expect(existsSync(path.join(out, href as string)), href).toBe(true);
    }
  });

  it("refuses an unknown theme name, including one that tries to walk out of templates/", async () => {
    for (const name of ["nope", "../../etc/passwd", "../deck"]) {
      const r = await run(root, "build", referenceEssay, "-q", "-o", tempDir(), "--theme", name);
      expect(r.code).toBe(ExitCode.config);
      expect(r.stderr).toContain(`unknown theme "${name}": use one of essay, paper,`);
    }
  });
});

/** A user's theme folder: the theme, an imported sheet, a font and images, and a secret beside it. */
function userTheme(): { dir: string; theme: string } {
  const dir = tempDir("essay-deck-theme-");
  const themeDir = path.join(dir, "mytheme");
  mkdirSync(path.join(themeDir, "fonts"), { recursive: true });
  mkdirSync(path.join(themeDir, "img"), { recursive: true });
  writeFileSync(path.join(themeDir, "fonts", "brush.woff2"), "not really a font");
  writeFileSync(path.join(themeDir, "img", "paper.png"), "png");
  writeFileSync(path.join(themeDir, "img", "more.png"), "png");
  writeFileSync(path.join(themeDir, "unused.png"), "png");
  writeFileSync(path.join(dir, "secret.txt"), "secret");
  writeFileSync(path.join(themeDir, "more.css"), ".reveal { background-image: url('img/more.png'); }\n");
  writeFileSync(
    path.join(themeDir, "theme.css"),
    [
      "/* essay-deck-base: black */",
      '@import "more.css";',
      '@font-face { font-family: Brush; src: url("fonts/brush.woff2?v=2#x") format("woff2"); }',
      ".reveal-viewport { background: url(img/paper.png) #123; }",
      ".reveal svg { filter: url(#glow); } .x { background: url(data:image/png;base64,AAAA); }",
    ].join("\n"),
  );
  return { dir, theme: path.join(themeDir, "theme.css") };
}

describe("a user's theme file and extra CSS", () => {
  it("copies the theme and the files it references, keeping their layout, on the base it names", async () => {
    const { dir, theme } = userTheme();
    const r = await run(dir, "build", referenceEssay, "-o", "out", "--theme", "mytheme/theme.css");
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/warn/i);
    const custom = path.join(dir, "out", "assets", "theme", "custom");
    expect(readdirSync(custom, { recursive: true }).map(String).sort()).toEqual(
      ["fonts", "fonts/brush.woff2", "img", "img/more.png", "img/paper.png", "more.css", "theme.css"].map((p) =>
        p.split("/").join(path.sep),
      ),
    );
    expect(readFileSync(path.join(custom, "theme.css"), "utf8")).toBe(readFileSync(theme, "utf8"));
    const html = readFileSync(path.join(dir, "out", "index.html"), "utf8");
    expect(links(html).slice(-3)).toEqual(["assets/theme/black.css", "assets/essay-deck.css", "assets/theme/custom/theme.css"]);
    expect(html).toContain('data-theme="theme"');
  });

  it("refuses a reference that leaves the theme's folder", async () => {
    for (const ref of ["../secret.txt", "img/../../secret.txt", "/etc/passwd"]) {
      const { dir, theme } = userTheme();
      writeFileSync(theme, `.reveal { background: url("${ref}"); }`);
      const r = await run(dir, "build", referenceEssay, "-q", "-o", "out", "--theme", theme);
      expect(r.code, ref).toBe(ExitCode.config);
      expect(r.stderr).toContain(`theme.css references "${ref}", outside its folder`);
      expect(existsSync(path.join(dir, "out", "assets", "theme", "secret.txt"))).toBe(false);
    }
  });

  it("refuses a symbolic link inside the theme's folder that leads out of it", async () => {
    const { dir, theme } = userTheme();
    symlinkSync(path.join(dir, "secret.txt"), path.join(path.dirname(theme), "img", "link.png"));
    writeFileSync(theme, ".reveal { background: url(img/link.png); }");
    const r = await run(dir, "build", referenceEssay, "-q", "-o", "out", "--theme", theme);
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toContain('theme.css references "img/link.png", a link to outside');
  });

  it("warns about remote and missing references but builds", async () => {
    const { dir, theme } = userTheme();
    writeFileSync(theme, '@import url("https://fonts.example.com/x.css");\n.reveal { background: url(img/gone.png); }');
    const r = await run(dir, "build", referenceEssay, "-o", "out", "--theme", theme);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("theme.css loads https://fonts.example.com/x.css from the network");
    expect(r.stderr).toContain('theme.css references "img/gone.png", which does not exist');
  });

  it("fails naming a missing theme file or extra CSS file, and a bad base", async () => {
    const { dir, theme } = userTheme();
    let r = await run(dir, "build", referenceEssay, "-q", "-o", "out", "--theme", "missing.css");
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toMatch(/theme file not found: .*missing\.css/);
    r = await run(dir, "build", referenceEssay, "-q", "-o", "out", "--css", "gone.css");
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toMatch(/extra CSS file not found: .*gone\.css/);
    r = await run(dir, "build", referenceEssay, "-q", "-o", "out", "--css", "notes.txt");
    expect(r.code).toBe(ExitCode.config);
    writeFileSync(theme, "/* essay-deck-base: night */");
    r = await run(dir, "build", referenceEssay, "-q", "-o", "out", "--theme", theme);
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toContain("essay-deck-base must be one of white, black, white-contrast, black-contrast");
  });

  it("layers --css last, over a built-in or a user theme, with its own assets", async () => {
    const { dir } = userTheme();
    mkdirSync(path.join(dir, "extra", "img"), { recursive: true });
    writeFileSync(path.join(dir, "extra", "img", "logo.svg"), "<svg/>");
    writeFileSync(path.join(dir, "extra", "talk.css"), ".reveal .slide-title { background: url(img/logo.svg) no-repeat; }");
    for (const theme of ["stage", "mytheme/theme.css"]) {
      const r = await run(dir, "build", referenceEssay, "-q", "-o", "out", "--theme", theme, "--css", "extra/talk.css");
      expect(r.code, theme).toBe(0);
      const html = readFileSync(path.join(dir, "out", "index.html"), "utf8");
      expect(links(html).at(-1)).toBe("assets/extra/talk.css");
      expect(existsSync(path.join(dir, "out", "assets", "extra", "img", "logo.svg"))).toBe(true);
    }
  });
});

describe("--template-dir and eject-templates", () => {
  it("overrides a partial by name and falls back to the built-ins for the rest", async () => {
    const dir = tempDir("essay-deck-tpl-");
    mkdirSync(path.join(dir, "tpl", "partials"), { recursive: true });
    writeFileSync(
      path.join(dir, "tpl", "partials", "point.hbs"),
      '<section id="{{id}}" class="slide my-point" data-kind="point"><h2>{{label}}:{{text headline}}</h2>{{> notes}}</section>\n',
    );
    writeFileSync(path.join(dir, "tpl", "deck.css"), "/* my deck.css */\n");
    const r = await run(dir, "build", referenceEssay, "-q", "-o", "out", "--template-dir", "tpl");
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(dir, "out", "index.html"), "utf8");
    // Every point slide (16 points, and any continuation the planner adds) comes from the override.
    expect(html.match(/class="slide my-point"/g)?.length).toBe(html.match(/data-kind="point"/g)?.length);
    expect(html.match(/class="slide my-point"/g)?.length).toBeGreaterThanOrEqual(16);
    expect(html).toContain("<h2>第一:顛覆性創新的重要性</h2>");
    expect(html.match(/class="slide slide-section"/g)).toHaveLength(3);
    expect(html).toContain('<aside class="notes">');
    expect(readFileSync(path.join(dir, "out", "assets", "essay-deck.css"), "utf8")).toBe("/* my deck.css */\n");

    mkdirSync(path.join(dir, "tpl", "themes"));
    writeFileSync(path.join(dir, "tpl", "themes", "paper.css"), "/* my paper */\n");
    expect((await run(dir, "build", referenceEssay, "-q", "-o", "out", "--template-dir", "tpl", "--theme", "paper")).code).toBe(
      0,
    );
    expect(readFileSync(path.join(dir, "out", "assets", "theme", "paper.css"), "utf8")).toBe("/* my paper */\n");
  });

  it("fails naming the file when a template does not compile, or the folder is missing", async () => {
    const dir = tempDir("essay-deck-tpl-");
    mkdirSync(path.join(dir, "tpl"));
    writeFileSync(path.join(dir, "tpl", "deck.hbs"), "<html>{{#each slides}}</html>\n");
    let r = await run(dir, "build", referenceEssay, "-q", "-o", "out", "--template-dir", "tpl");
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toMatch(/template .*tpl[\\/]deck\.hbs does not compile: Parse error on line \d+, Expecting .*got .EOF./);
    r = await run(dir, "build", referenceEssay, "-q", "-o", "out", "--template-dir", "nowhere");
    expect(r.code).toBe(ExitCode.config);
    expect(r.stderr).toMatch(/template folder not found: .*nowhere/);
  });

  it("ejects the built-ins, refuses to overwrite without --force, and builds the same deck from them", async () => {
    const dir = tempDir("essay-deck-eject-");
    let r = await run(dir, "eject-templates", "mine");
    expect(r.code).toBe(0);
    const ejected = readdirSync(path.join(dir, "mine"), { recursive: true }).map((p) => String(p).split(path.sep).join("/"));
    for (const f of [
      "deck.hbs",
      "deck.css",
      "partials/point.hbs",
      "partials/notes.hbs",
      "themes/paper.css",
      "themes/stage.css",
      "TEMPLATES.md",
    ]) {
      expect(ejected).toContain(f);
    }
    // The data reference comes along, its links pointing at the project's docs, not at files not copied.
    const reference = readFileSync(path.join(dir, "mine", "TEMPLATES.md"), "utf8");
    expect(reference).toContain(readFileSync(path.join(root, "docs", "templates.md"), "utf8").split("\n")[0]);
    expect(reference).toMatch(/\]\(https:\/\/github\.com\/essay-deck\/essay-deck\/blob\/v[\d.]+\/docs\/images\/gallery\.png\)/);
    expect(reference).not.toMatch(/\]\((?!https:|#)/);
    writeFileSync(path.join(dir, "mine", "deck.hbs"), "edited");
    r = await run(dir, "eject-templates", "mine");
    expect(r.code).toBe(ExitCode.output);
    expect(r.stderr).toMatch(/already holds .*--force/);
    expect(readFileSync(path.join(dir, "mine", "deck.hbs"), "utf8")).toBe("edited");
    r = await run(dir, "eject-templates", "mine", "--force");
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, "mine", "deck.hbs"), "utf8")).toBe(
      readFileSync(path.join(root, "templates", "deck.hbs"), "utf8"),
    );

    expect((await run(dir, "build", referenceEssay, "-q", "-o", "a")).code).toBe(0);
    expect((await run(dir, "build", referenceEssay, "-q", "-o", "b", "--template-dir", "mine")).code).toBe(0);
    expect(readFileSync(path.join(dir, "b", "index.html"), "utf8")).toBe(readFileSync(path.join(dir, "a", "index.html"), "utf8"));
  });
});
