import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveTheme, revealAssets } from "../../src/io/assets.js";
import { loadTemplates } from "../../src/io/templates.js";
import type { PointSlide } from "../../src/model/deck.js";
import { parseEssay } from "../../src/parse/index.js";
import { planDeck } from "../../src/plan/index.js";
import { fullWidthPunctuation } from "../../src/plan/punctuation.js";
import { renderDeck, scriptJson } from "../../src/render/index.js";
import { referenceEssay, root } from "../helpers/paths.js";

const reference = parseEssay(readFileSync(referenceEssay, "utf8"));

function render(source: string, format: "text" | "markdown" = "text") {
  const deck = planDeck(parseEssay(source, { format }), { title: "T" });
  const files = renderDeck(deck, { templates: loadTemplates(), theme: resolveTheme("essay", root), reveal: revealAssets() });
  const index = files.find((f) => f.path === "index.html");
  return { deck, files, html: index && "contents" in index ? String(index.contents) : "" };
}

describe("planning the reference deck", () => {
  const deck = planDeck(reference, { title: "人工智能的顛覆性創新" });
  const points = deck.slides.filter((s): s is PointSlide => s.kind === "point");

  it("has a title slide, an agenda, a section per part, a slide per point, a summary and references", () => {
    expect(deck.slides.map((s) => s.kind).join(" ")).toBe(
      [
        "title",
        "agenda",
        "section",
        ...Array(6).fill("point"),
        "summary",
        "section",
        ...Array(6).fill("point"),
        "section",
        ...Array(4).fill("point"),
        "references",
      ].join(" "),
    );
  });

  it("gives each point 2 to 4 bullets, each a whole sentence of the point's own text", () => {
    for (const p of points) {
      expect(p.bullets.length, p.headline).toBeGreaterThanOrEqual(1);
      expect(p.bullets.length).toBeLessThanOrEqual(4);
      // The slide shows full-width marks between Chinese characters; the notes keep the essay's own.
      const own = fullWidthPunctuation(p.notes.join(""));
      for (const b of p.bullets) expect(own).toContain(b);
    }
    expect(points.filter((p) => p.bullets.length >= 2).length).toBeGreaterThanOrEqual(14);
  });

  it("puts the point's paragraphs verbatim in its notes and the intro in the section's", () => {
    expect(points[2]?.notes).toEqual(reference.parts[0]?.points[2]?.paragraphs);
    expect(deck.slides.find((s) => s.kind === "section")?.notes).toEqual(reference.parts[0]?.intro);
    expect(deck.slides.find((s) => s.kind === "summary")?.notes).toEqual(reference.parts[0]?.closing);
  });
});

describe("rendering", () => {
  it("writes one <section> per slide, notes in aside.notes with the deck's lang, and the assets", () => {
    const { html, files, deck } = render(readFileSync(referenceEssay, "utf8"));
    expect(html.match(/<section id=/g)).toHaveLength(deck.slides.length);
    expect(html.match(/<aside class="notes"><div class="essay-notes" lang="zh-Hant">/g)).toHaveLength(
      // The title slide's notes hold the whole talk's speaking time even when it has no paragraphs.
      deck.slides.filter((s) => s.notes.length > 0 || s.speaking).length,
    );
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-Hant">/);
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining(["assets/reveal/reveal.js", "assets/reveal/plugin/notes.js", "assets/essay-deck.css"]),
    );
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("escapes essay text in plain-text essays", () => {
    const { html } = render('一、<b>標題</b>\n第一,<script>alert(1)</script>。"{{x}}" & more.\n');
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;標題&lt;/b&gt;");
    expect(html).toContain("{{x}}".replace(/"/g, "&quot;"));
  });

  it("renders Markdown inline syntax but never raw HTML or javascript: links", () => {
    const { html } = render(
      "## 一、標題\n\n第一,要點。這是*強調*與`代碼`,[連結](javascript:alert(1))和<img src=x onerror=alert(1)>。\n",
      "markdown",
    );
    expect(html).toContain("<em>強調</em>");
    expect(html).toContain("<code>代碼</code>");
    expect(html).not.toContain("javascript:");
    expect(html).not.toMatch(/<img src=x/);
    expect(html).toContain("&lt;img src&#61;x onerror&#61;alert(1)&gt;");
  });

  it("bolds Markdown emphasis next to Chinese punctuation, on slides and in notes", () => {
    const { html } = render(
      "## 一、標題\n\n**第一,顛覆性創新的重要性。**DeepSeek的成功證明了一件事。他說**這很重要。**然後離開了。\n",
      "markdown",
    );
    expect(html).toContain("<p><strong>第一,顛覆性創新的重要性。</strong>DeepSeek的成功證明了一件事。");
    expect(html).toContain("<li>他說<strong>這很重要。</strong></li>");
    expect(html).not.toMatch(/\*\*/);
  });

  it("shows a heading line kept as a paragraph as its text, without its # marks", () => {
    const { html } = render("---\ntitle: 前言的標題\n---\n\n# 被取代的標題\n\n## 一、標題\n\n第一,要點。說明。\n", "markdown");
    expect(html).toContain("<p>被取代的標題</p>");
    expect(html).not.toContain("# 被取代的標題");
  });

  it("groups each part into a vertical stack with --layout stacked", () => {
    const deck = planDeck(reference, { layout: "stacked" });
    const files = renderDeck(deck, { templates: loadTemplates(), theme: resolveTheme("essay", root), reveal: revealAssets() });
    const html = String((files[0] as { contents: string }).contents);
    expect(html.match(/<section class="part-stack">/g)).toHaveLength(3);
  });

  it("carries the slide size from the plan to the page", () => {
    expect(planDeck(reference).size).toEqual({ width: 1280, height: 720 });
    const deck = planDeck(reference, { size: { width: 960, height: 720 } });
    expect(deck.size).toEqual({ width: 960, height: 720 });
    const files = renderDeck(deck, { templates: loadTemplates(), theme: resolveTheme("essay", root), reveal: revealAssets() });
    const html = String((files[0] as { contents: string }).contents);
    expect(html).toContain('"width":960,"height":720');
  });
});

describe("scriptJson", () => {
  it("is JSON a <script> element cannot be closed by, and null for nothing", () => {
    expect(scriptJson({ t: "</script><b>&" })).toBe('{"t":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}');
    expect(JSON.parse(scriptJson({ t: "</script>" }))).toEqual({ t: "</script>" });
    expect(scriptJson(undefined)).toBe("null");
  });
});
