/**
 * Hostile essays: the built page holds no markup from the essay that could run (checked here on the
 * HTML; tests/browser/hostile.test.ts runs it in Chromium), prototype keys change nothing, and
 * front matter cannot reach files outside the essay's folder.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/errors.js";
import { renderInline } from "../../src/render/inline.js";
import { tempDir } from "../helpers/browser.js";
import { fixtures } from "../helpers/paths.js";
import { expectUserError, run } from "./helpers.js";

const hostile = (ext: string) => path.join(fixtures, "hostile", `hostile.${ext}`);

async function buildHtml(file: string, ...flags: string[]): Promise<string> {
  const out = tempDir();
  const result = await run(["build", file, "-o", out, "-q", ...flags], path.dirname(file));
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(path.join(out, "index.html"), "utf8");
}

/** Every tag in the page that could run or load something, besides the deck's own three scripts. */
function dangerousTags(html: string): string[] {
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  return tags.filter(
    (tag) =>
      /^<(?:iframe|svg|object|embed|base|meta\s+http-equiv|style|img|details|form|frame|link(?![^>]*href="assets\/))/i.test(
        tag,
      ) ||
      /\son[a-z]+\s*=/i.test(tag) ||
      /(?:href|src|action|data)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i.test(tag) ||
      (/^<script/i.test(tag) && !/^<script(?: src="assets\/reveal\/[\w/.-]+")?>$/.test(tag)),
  );
}

describe("hostile essays", () => {
  it.each(["txt", "md"])("a .%s essay puts no runnable markup in the page", async (ext) => {
    const html = await buildHtml(hostile(ext));
    expect(dangerousTags(html)).toEqual([]);
    expect(html.match(/<script/g)).toHaveLength(3);
    // </aside> in the text stays text: one notes block per slide, and every one closed where it opened.
    expect(html.match(/<aside class="notes">/g)?.length).toBe(html.match(/<\/aside>/g)?.length);
  });

  it("shows a plain-text essay's markup and template syntax literally (escaped)", async () => {
    const html = await buildHtml(hostile("txt"));
    expect(html).toContain("&lt;script&gt;alert(&quot;point&quot;)&lt;/script&gt;");
    expect(html).toContain("{{constructor.constructor(&#39;window.__pwned&#61;1&#39;)()}}");
    expect(html).toContain("{{{raw}}}");
  });

  it("drops unsafe link targets in Markdown and keeps the link text", () => {
    const md = { markdown: true };
    expect(renderInline("[點我](javascript:alert(1))", md)).toBe("點我");
    expect(renderInline("[x](JaVaScRiPt:alert(1))", md)).toBe("x");
    expect(renderInline("[x](java\tscript:alert(1))", md)).not.toMatch(/href/);
    expect(renderInline("[x](&#106;avascript:alert(1))", md)).not.toMatch(/href/);
    expect(renderInline("[x](data:text/html,hi)", md)).toBe("x");
    expect(renderInline("<javascript:alert(1)>", md)).not.toMatch(/href/);
    expect(renderInline("![i](http://example.com/t.png)", md)).toBe("i");
    expect(renderInline("[ok](https://example.com)", md)).toBe('<a href="https://example.com" rel="noopener noreferrer">ok</a>');
    expect(renderInline('<b onclick="x()">b</b>', md)).toBe("&lt;b onclick&#61;&quot;x()&quot;&gt;b&lt;/b&gt;");
  });

  it("lets raw HTML through only with --allow-html, and still drops javascript: links", async () => {
    expect(renderInline("a <kbd>Ctrl</kbd>", { markdown: true, allowHtml: true })).toBe("a <kbd>Ctrl</kbd>");
    expect(renderInline("[x](javascript:alert(1))", { markdown: true, allowHtml: true })).toBe("x");
    const html = await buildHtml(hostile("md"), "--allow-html");
    expect(html).toContain("<kbd>Ctrl</kbd>");
  });

  it("ignores __proto__ and constructor keys in front matter and config", async () => {
    const work = tempDir();
    writeFileSync(path.join(work, "essay.md"), readFileSync(hostile("md")));
    writeFileSync(
      path.join(work, "essay-deck.config.json"),
      '{"__proto__": {"polluted": "config"}, "constructor": {"prototype": {"polluted": "ctor"}}, "reveal": {"__proto__": {"polluted": "reveal"}, "constructor": {"prototype": {"polluted": "reveal-ctor"}}, "controls": true}}',
    );
    const result = await run(["build", "essay.md", "-o", "out"], work);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/unknown key "__proto__" ignored/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
    const html = readFileSync(path.join(work, "out", "index.html"), "utf8");
    expect(html).not.toContain("polluted");
    const outline = await run(["outline", "essay.md", "--json"], work);
    expect(JSON.parse(outline.stdout).title).toBe("<script>window.__pwned='title'</script>標題");
  });

  it.each([
    ["theme", "../../../../etc/evil.css"],
    ["css", "/etc/evil.css"],
    ["templateDir", "../templates"],
    ["theme", "link/evil.css"],
  ])("refuses front matter whose %s (%s) leaves the essay's folder", async (key, value) => {
    const work = tempDir();
    mkdirSync(path.join(work, "talk"));
    mkdirSync(path.join(work, "elsewhere"));
    writeFileSync(path.join(work, "elsewhere", "evil.css"), "body{}");
    symlinkSync(path.join(work, "elsewhere"), path.join(work, "talk", "link"));
    writeFileSync(path.join(work, "talk", "essay.md"), `---\n${key}: ${value}\n---\n\n# 一、標題\n\n第一,內容。\n`);
    const result = await run(["build", "talk/essay.md", "-o", "out"], work);
    expectUserError(result, ExitCode.config, new RegExp(`front matter: "${key}" points outside the essay's folder`));
  });

  it.each([
    ["deck.css", "../../secret.txt"],
    ["partials/point.hbs", "../../../secret.txt"],
    ["themes", "../../elsewhere"],
  ])("refuses a front-matter templateDir whose %s is a link out of the essay's folder", async (file, target) => {
    const work = tempDir();
    mkdirSync(path.join(work, "talk", "tpl", "partials"), { recursive: true });
    mkdirSync(path.join(work, "elsewhere"));
    writeFileSync(path.join(work, "secret.txt"), "root:x:0:0");
    writeFileSync(path.join(work, "elsewhere", "paper.css"), "body{}");
    symlinkSync(target, path.join(work, "talk", "tpl", file));
    writeFileSync(path.join(work, "talk", "essay.md"), "---\ntemplateDir: tpl\n---\n\n# 一、標題\n\n第一,內容。\n");
    const result = await run(["build", "talk/essay.md", "-o", "out"], work);
    expectUserError(
      result,
      ExitCode.config,
      new RegExp(`"templateDir" holds ${file.replace("/", "\\/")}, a link to .* outside the essay's folder`),
    );
    expect(readdirSync(work)).not.toContain("out");
  });

  it("lets the user's own flags name a theme file anywhere, and refuses traversal in theme names", async () => {
    const work = tempDir();
    mkdirSync(path.join(work, "talk"));
    writeFileSync(path.join(work, "mine.css"), "body{}");
    writeFileSync(path.join(work, "talk", "essay.txt"), "一、標題\n第一,內容。\n");
    expect((await run(["build", "essay.txt", "--theme", "../mine.css", "-o", "out", "-q"], path.join(work, "talk"))).code).toBe(
      0,
    );
    const traversal = await run(["build", "talk/essay.txt", "--theme", "../../../../etc/passwd", "-o", "out"], work);
    expectUserError(traversal, ExitCode.config, /unknown theme "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd"/);
  });
});
