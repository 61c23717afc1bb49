import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonErrorPlace } from "../../src/config/load.js";
import { parseSize } from "../../src/config/settings.js";
import { mergeSettings, resolveSettingPaths, validateSettings } from "../../src/config/validate.js";

describe("validateSettings", () => {
  it("accepts every documented key with a good value", () => {
    const { settings, errors, warnings } = validateSettings(
      {
        title: "人工智能",
        subtitle: "副題",
        author: "作者",
        date: 2025,
        lang: "zh-Hant",
        theme: "paper",
        css: "extra.css",
        templateDir: "tpl",
        layout: "stacked",
        size: "4:3",
        slideNumber: "c",
        transition: "fade",
        script: "hans",
        reveal: { controls: false, keyboard: { 13: "next" } },
      },
      "essay-deck.config.json",
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(settings).toMatchObject({
      date: "2025",
      size: { width: 960, height: 720 },
      slideNumber: "c",
      script: "hans",
      reveal: { controls: false, keyboard: { 13: "next" } },
    });
  });

  it("fails a wrong type or value naming the file, the key, what is allowed and what it got", () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ title: 3 }, /^cfg\.json: "title" must be a non-empty string \(got 3\)$/],
      [{ title: "  " }, /"title" must be a non-empty string/],
      [{ layout: "grid" }, /"layout" must be "flat" or "stacked" \(got "grid"\)/],
      [{ size: "16x9" }, /"size" must be "16:9", "4:3" or WIDTHxHEIGHT/],
      [{ size: "100000x2" }, /"size" must be/],
      [{ slideNumber: "yes" }, /"slideNumber" must be true, false, "c\/t"/],
      [{ transition: "spin" }, /"transition" must be one of none, fade, slide, convex, concave, zoom/],
      [{ script: "zh-Hans" }, /"script" must be "hans" \(Simplified\) or "hant" \(Traditional\)/],
      [{ reveal: [1, 2] }, /"reveal" must be an object of Reveal.js options/],
      [{ reveal: { width: 800 } }, /"reveal.width" is set by essay-deck: use "size" instead/],
      [{ lang: "Chinese please" }, /"lang" must be a language tag such as zh-Hant/],
    ];
    for (const [raw, message] of cases) {
      const { errors } = validateSettings(raw, "cfg.json");
      expect(errors, JSON.stringify(raw)).toHaveLength(1);
      expect(errors[0], JSON.stringify(raw)).toMatch(message);
      expect(errors[0]).toContain("cfg.json");
    }
  });

  it("warns on an unknown key and ignores it", () => {
    const { settings, errors, warnings } = validateSettings({ titel: "x" }, "cfg.json");
    expect(errors).toEqual([]);
    expect(settings).toEqual({});
    expect(warnings).toEqual([expect.stringMatching(/^cfg\.json: unknown key "titel" ignored \(known: title, /)]);
  });

  it("refuses anything but an object", () => {
    for (const raw of [[], "title", 3, null]) {
      expect(validateSettings(raw, "cfg.json").errors).toEqual(["cfg.json: expected an object of settings"]);
    }
  });

  it("never lets __proto__ or constructor reach a prototype, at any depth", () => {
    const raw = JSON.parse(
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}},' +
        '"reveal": {"__proto__": {"polluted": 1}, "list": [{"__proto__": {"polluted": 1}, "ok": 1}], "deep": {"constructor": 1, "x": 2}}}',
    );
    const { settings, warnings } = validateSettings(raw, "cfg.json");
    const merged = mergeSettings({}, settings, {});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(merged.reveal)).toBe(Object.prototype);
    expect(JSON.stringify(merged.reveal)).toBe('{"list":[{"ok":1}],"deep":{"x":2}}');
    expect(warnings.join("\n")).toMatch(/unknown key "__proto__"/);
    expect(warnings.join("\n")).toMatch(/unknown key "constructor"/);
  });
});

describe("mergeSettings", () => {
  it("takes flags over config file over front matter over defaults; undefined never overrides", () => {
    const flags = { title: "flag", theme: undefined };
    const file = { title: "file", theme: "stage", author: "file author" };
    const front = { title: "front", author: "front author", date: "front date", theme: "paper" };
    const defaults = { theme: "essay", layout: "flat" as const };
    expect(mergeSettings(flags, file, front, defaults)).toEqual({
      title: "flag",
      theme: "stage",
      author: "file author",
      date: "front date",
      layout: "flat",
    });
    expect(mergeSettings({}, {}, {}, defaults)).toEqual(defaults);
  });
});

describe("resolveSettingPaths", () => {
  it("resolves a layer's css, theme file and template folder against that layer's folder", () => {
    const dir = path.resolve("/decks/talk");
    expect(resolveSettingPaths({ theme: "my.css", css: "x/extra.css", templateDir: "../tpl", title: "a/b" }, dir)).toEqual({
      theme: path.join(dir, "my.css"),
      css: path.join(dir, "x", "extra.css"),
      templateDir: path.resolve(dir, "..", "tpl"),
      title: "a/b",
    });
    expect(resolveSettingPaths({ theme: "paper" }, dir)).toEqual({ theme: "paper" });
  });
});

describe("parseSize and JSON error places", () => {
  it("reads 16:9, 4:3 and WxH within bounds", () => {
    expect(parseSize("16:9")).toEqual({ width: 1280, height: 720 });
    expect(parseSize("1920x1080")).toEqual({ width: 1920, height: 1080 });
    expect(parseSize("1920X1080")).toEqual({ width: 1920, height: 1080 });
    expect(parseSize("10x10")).toBeNull();
    expect(parseSize("wide")).toBeNull();
  });

  it("turns a JSON.parse position into line:column", () => {
    const text = '{\n  "title": "x",\n}';
    let error: Error | undefined;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e as Error;
    }
    expect(jsonErrorPlace(text, error as Error)).toBe(":3:1");
  });
});
