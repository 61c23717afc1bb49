import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { deckFromEssay, loadEssay, renderFiles } from "../../src/build.js";
import { resolveStyles, revealAssets } from "../../src/io/assets.js";
import { loadTemplates } from "../../src/io/templates.js";
import { renderDeck } from "../../src/render/index.js";
import { tempDir } from "../helpers/browser.js";
import { root } from "../helpers/paths.js";

// `npm run build` (and the test setup) precompiles the built-in templates into lib/; a build then
// only evaluates them. They must render exactly what compiling the sources renders.
describe("precompiled built-in templates", () => {
  const loaded = loadEssay({ cwd: root });
  const deck = deckFromEssay(loaded);

  it("are used for every built-in template", () => {
    const templates = loadTemplates();
    expect(Object.keys(templates.precompiled ?? {}).sort()).toEqual(["deck", ...Object.keys(templates.partials)].sort());
  });

  it("render the same page as the compiled sources", () => {
    const { precompiled, ...sources } = loadTemplates();
    const { theme } = resolveStyles({ theme: "essay", baseDir: root });
    const options = { theme, reveal: revealAssets() };
    const fast = renderDeck(deck, { ...options, templates: { ...sources, precompiled } });
    const slow = renderDeck(deck, { ...options, templates: sources });
    expect(fast[0]).toEqual(slow[0]);
    expect(String((fast[0] as { contents: string }).contents)).toContain('class="slide slide-point"');
  });

  it("are not used for a user's template that overrides one", () => {
    const dir = tempDir();
    const own = `${readFileSync(`${root}/templates/partials/title.hbs`, "utf8")}<p class="own-title">mine</p>\n`;
    mkdirSync(`${dir}/partials`);
    writeFileSync(`${dir}/partials/title.hbs`, own);
    const templates = loadTemplates(dir);
    expect(Object.keys(templates.precompiled ?? {})).not.toContain("title");
    expect(Object.keys(templates.precompiled ?? {})).toContain("point");
    const html = renderFiles(deck, { ...loaded, settings: { ...loaded.settings, templateDir: dir } })[0] as { contents: string };
    expect(html.contents).toContain('<p class="own-title">mine</p>');
  });
});
