import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.js";
import { SETTING_KEYS, SETTINGS, type SettingRule } from "../../src/config/settings.js";
import { settingsFromFlags, validateSettings } from "../../src/config/validate.js";
import { DeckError, ExitCode } from "../../src/errors.js";

/** A value each setting refuses, as a flag (a string) would give it and as a config file would. */
const BAD: Record<string, string> = {
  title: " ",
  subtitle: "",
  author: " ",
  date: "",
  lang: "Chinese please",
  theme: "",
  css: " ",
  templateDir: "",
  layout: "grid",
  size: "16x9",
  slideNumber: "yes",
  transition: "spin",
  script: "zh-Hans",
  cpm: "5",
  wpm: "fast",
  event: " ",
  duration: "0",
  agenda: "yes",
  fragments: "sometimes",
  keepPunctuation: "no",
};

const flagName = (rule: SettingRule) => rule.flag?.syntax.split(" ")[0];

describe("the table of settings", () => {
  it("has a flag for every setting but reveal, and a description and rule for each", () => {
    for (const key of SETTING_KEYS) {
      const rule: SettingRule = SETTINGS[key];
      expect(rule.description.length, key).toBeGreaterThan(10);
      expect(rule.allowed.length, key).toBeGreaterThan(3);
      if (key !== "reveal") expect(rule.flag, key).toBeDefined();
    }
  });

  it("refuses the same values from a flag and from a config file, saying the same thing", () => {
    for (const key of SETTING_KEYS.filter((k) => k !== "reveal")) {
      const rule: SettingRule = SETTINGS[key];
      const bad = BAD[key] as string;
      const fromFile = validateSettings({ [key]: bad }, "cfg.json").errors;
      expect(fromFile, key).toEqual([`cfg.json: "${key}" must be ${rule.allowed} (got ${JSON.stringify(bad)})`]);
      let thrown: unknown;
      try {
        settingsFromFlags({ [key]: bad });
      } catch (e) {
        thrown = e;
      }
      expect(thrown, key).toBeInstanceOf(DeckError);
      expect((thrown as DeckError).exitCode).toBe(ExitCode.usage);
      expect((thrown as DeckError).message).toBe(`${flagName(rule)} must be ${rule.allowed} (got ${JSON.stringify(bad)})`);
    }
  });

  it("reads flags into the same settings a config file gives", () => {
    const flags = { size: "4:3", cpm: "200", slideNumber: "h.v", date: "2025", lang: "zh-TW", layout: "stacked" };
    const file = validateSettings(
      { size: "4:3", cpm: 200, slideNumber: "h.v", date: 2025, lang: "zh-TW", layout: "stacked" },
      "f",
    );
    expect(settingsFromFlags(flags)).toEqual(file.settings);
    expect(settingsFromFlags({ slideNumber: false })).toEqual({ slideNumber: false });
    expect(settingsFromFlags({})).toEqual({});
  });

  it("makes the config file's JSON Schema: a property for each setting, its type, enum and description", () => {
    const schema = configSchema() as { type: string; properties: Record<string, Record<string, unknown>> };
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties)).toEqual(["$schema", ...SETTING_KEYS]);
    expect(schema.properties.layout).toMatchObject({ type: "string", enum: ["flat", "stacked"] });
    expect(schema.properties.transition?.enum).toContain("zoom");
    expect(schema.properties.slideNumber).toMatchObject({ enum: [true, false, "c/t", "c", "h.v", "h/v"] });
    expect(schema.properties.date?.type).toEqual(["string", "number"]);
    expect(schema.properties.cpm).toMatchObject({ type: "number", minimum: 20, maximum: 2000 });
    expect(schema.properties.reveal?.type).toBe("object");
    const size = new RegExp(schema.properties.size?.pattern as string);
    expect(["16:9", "4:3", "1920x1080"].every((s) => size.test(s))).toBe(true);
    expect(size.test("16x9")).toBe(false);
    for (const [key, property] of Object.entries(schema.properties)) expect(property.description, key).toBeTruthy();
  });

  it("lets a config file name its schema without a warning", () => {
    expect(validateSettings({ $schema: "./essay-deck.schema.json", title: "T" }, "f")).toEqual({
      settings: { title: "T" },
      errors: [],
      warnings: [],
    });
  });
});
