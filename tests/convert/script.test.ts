/** --script: Simplified ↔ Traditional over the whole Outline, slides and notes alike. */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { loadConverter } from "../../src/convert/opencc.js";
import { convertOutline, scriptLang } from "../../src/convert/script.js";
import type { Outline } from "../../src/model/outline.js";
import { parseEssay } from "../../src/parse/index.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay, root } from "../helpers/paths.js";

const quiet = (cwd: string) => ({ stdout: () => {}, stderr: () => {}, cwd });
const headlines = (o: Outline) => o.parts.flatMap((p) => p.points.map((x) => x.headline));

/** Characters that differ between two texts of the same length, as "a→b" with counts. */
function changes(before: string, after: string): Record<string, number> {
  expect(after.length).toBe(before.length);
  const out: Record<string, number> = {};
  for (let i = 0; i < before.length; i++) {
    if (before[i] !== after[i]) out[`${before[i]}→${after[i]}`] = (out[`${before[i]}→${after[i]}`] ?? 0) + 1;
  }
  return out;
}

describe("script conversion", () => {
  // First, in a fresh worker: a build that asks for no script never loads the dictionaries.
  it("loads opencc-js only when a script is asked for", async () => {
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes("opencc-js"));
    expect(await main(["build", referenceEssay, "-q", "-o", tempDir()], quiet(root))).toBe(0);
    expect(loaded()).toBe(false);
    loadConverter("hans");
    expect(loaded()).toBe(true);
  });

  // Converted lazily: the first test must run before anything loads the dictionaries.
  let converted: { source: Outline; hans: Outline; back: Outline } | undefined;
  const outlines = () => {
    if (!converted) {
      const source = parseEssay(readFileSync(referenceEssay, "utf8"), { format: "text" });
      const hans = convertOutline(source, loadConverter("hans"), "hans");
      converted = { source, hans, back: convertOutline(hans, loadConverter("hant"), "hant") };
    }
    return converted;
  };

  it("converts every string of the essay and keeps its shape", () => {
    const { source, hans, back } = outlines();
    expect(hans.lang).toBe("zh-Hans");
    expect(back.lang).toBe("zh-Hant");
    expect(hans.parts.map((p) => p.points.length)).toEqual(source.parts.map((p) => p.points.length));
    expect(hans.parts.map((p) => p.label)).toEqual(["一", "二", "三"]);
    expect(headlines(hans)[0]).toBe("颠覆性创新的重要性");
    expect(hans.parts[1]?.title).toBe("二、“杭州六小龙”的颠覆性创新提供的经验:让市场成为检验技术成败的标准");
    expect(hans.paragraphs.join("")).not.toMatch(/[顛創術場國這們為於與從]/);
    expect(hans.references).toHaveLength(source.references.length);
  });

  it("round-trips the headlines: hant → hans → hant", () => {
    const { source, back } = outlines();
    const lost = headlines(source).flatMap((h, i) => (headlines(back)[i] === h ? [] : [`${h} → ${headlines(back)[i]}`]));
    // The essay itself writes the Simplified 采 here; the round trip gives the Traditional 採.
    expect(lost).toEqual(["采用開源策略 → 採用開源策略"]);
  });

  it("changes only these characters over the whole essay (one-to-many mappings, Simplified forms in the source)", () => {
    const { source, back } = outlines();
    const all = changes(source.paragraphs.join("\n"), back.paragraphs.join("\n"));
    // Simplified characters the source mixes in, restored to Traditional: 于 并 范 后 里 辟 采 么 涌 占.
    // Genuinely ambiguous in Simplified (one form, several Traditional ones): 借/藉 系/繫/係 复/復/複 冲/沖/衝 志/誌 汇/匯/彙 鉴/鑒/鑑.
    expect(all).toEqual({
      "于→於": 28,
      "并→並": 10,
      "借→藉": 1,
      "范→範": 9,
      "后→後": 8,
      "系→繫": 2,
      "復→複": 9,
      "里→裡": 1,
      "沖→衝": 1,
      "辟→闢": 1,
      "采→採": 1,
      "系→係": 3,
      "志→誌": 1,
      "么→麼": 1,
      "匯→彙": 2,
      "鑒→鑑": 1,
      "涌→湧": 1,
      "占→佔": 1,
    });
  });

  it("sets lang to match, keeping a tag that already says the script", () => {
    expect(scriptLang("zh-Hant", "hans")).toBe("zh-Hans");
    expect(scriptLang("zh-CN", "hans")).toBe("zh-CN");
    expect(scriptLang("zh-TW", "hant")).toBe("zh-TW");
    expect(scriptLang("en", "hant")).toBe("zh-Hant");
    expect(scriptLang("zh-Hant", undefined)).toBe("zh-Hant");
  });

  it("builds a Simplified deck whose slides and notes agree, from the flag or the config", async () => {
    const out = tempDir();
    expect(await main(["build", referenceEssay, "-q", "-o", out, "--script", "hans"], quiet(root))).toBe(0);
    const html = readFileSync(path.join(out, "index.html"), "utf8");
    const text = html.replace(/<[^>]*>/g, "");
    expect(html).toContain('<html lang="zh-Hans">');
    expect(html).toContain("<title>人工智能的颠覆性创新</title>");
    expect(html).toMatch(/<div class="essay-notes" lang="zh-Hans">(?:(?!<\/div>).)*<p>第一,颠覆性创新的重要性。/s);
    expect(text).toContain("第一颠覆性创新的重要性");
    expect(text).not.toMatch(/顛覆|創新|從DeepSeek/);

    const viaConfig = tempDir();
    const config = path.join(viaConfig, "talk.json");
    writeFileSync(config, JSON.stringify({ script: "hans", title: "人工智能的顛覆性創新", author: "學術研究" }));
    expect(await main(["build", referenceEssay, "-q", "-o", viaConfig, "--config", config], quiet(root))).toBe(0);
    const second = readFileSync(path.join(viaConfig, "index.html"), "utf8");
    expect(second).toContain('<html lang="zh-Hans">');
    // The config's own title is converted too.
    expect(second).toContain("<title>人工智能的颠覆性创新</title>");
    expect(second).toContain('<meta name="author" content="学术研究">');
  });
});
