/**
 * The JSON Schema that editors check essay-deck.config.json with, against the validator essay-deck
 * runs: a real JSON Schema validator (Ajv, draft 2020-12) and validateSettings must give the same
 * verdict on every value, and the file `npm run build` writes must be the schema of this table.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { configSchema, SCHEMA_FILE } from "../../src/config/schema.js";
import { SETTING_KEYS, SETTINGS } from "../../src/config/settings.js";
import { validateSettings } from "../../src/config/validate.js";
import { root } from "../helpers/paths.js";

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
const schemaSays = ajv.compile(configSchema());
const validatorSays = (config: Record<string, unknown>) => validateSettings(config, "f").errors.length === 0;

/** Values of every shape a hand-written config holds, right and wrong for one key or another. */
const VALUES: unknown[] = [
  ...["", " ", "\t\n", "x", "Talk", "人工智能", "2025年3月", "paper", "my/theme.css", "../tpl"],
  ...["zh-Hant", "zh-Hans", "en", "en-GB", "ZH", "zh_TW", "e", "zh-", "zh-Hant-TW", "zh-toolongsubtag"],
  ...["16:9", "4:3", "1280x720", "1280X720", "960x720", "320x240", "319x240", "4096x4096", "4097x720"],
  ...["100x100", "99999x720", "16x9", "1280×720", " 16:9", "0320x0240", "0319x240", "320x239", "4096x240"],
  ...["320x4096", "4090x4097", "3999x1000", "999x999", "1000x0999", "0999x1000", "00320x240"],
  ...["flat", "stacked", "grid", "Flat", "c/t", "c", "h.v", "h/v", "c/T", "x/y"],
  ...["none", "fade", "slide", "convex", "concave", "zoom", "spin", "hans", "hant", "hanz", "Hans"],
  ...["240", "abc", "20", "2000"],
  ...[true, false, 0, 1, 19, 20, 19.99, 140, 240, 240.5, 2000, 2000.5, 2001, -5, 2025],
  ...[{}, { controls: false }, { autoSlide: 0, hash: true }, { width: 1 }, { height: 2 }, { plugins: [] }],
  ...[{ nested: { width: 1 } }, [], ["a"], [1, 2]],
];

describe("the config file's JSON Schema", () => {
  it("is valid draft 2020-12, with a described property for every setting and one for $schema", () => {
    const schema = configSchema() as { $schema: string; properties: Record<string, { description?: string }> };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(Object.keys(schema.properties).sort()).toEqual(["$schema", ...SETTING_KEYS].sort());
  });

  it("gives the validator's verdict on every value of every setting", () => {
    const disagreements: string[] = [];
    const numbersAsText: string[] = [];
    let accepted = 0;
    for (const key of ["$schema", ...SETTING_KEYS] as const) {
      for (const value of VALUES) {
        const config = { [key]: value };
        const ours = validatorSays(config);
        if (ours) accepted++;
        if (schemaSays(config) === ours) continue;
        // Flags and front matter give numbers as text, so the validator reads "240" as 240; in a JSON
        // file the schema asks for the number itself. That is the one difference allowed.
        if (ours && key !== "$schema" && SETTINGS[key].type === "number" && typeof value === "string")
          numbersAsText.push(`${key}: ${value}`);
        else disagreements.push(`${key}: ${JSON.stringify(value)} (validator ${ours ? "accepts" : "rejects"})`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(numbersAsText).toEqual([
      "cpm: 240",
      "cpm: 20",
      "cpm: 2000",
      "wpm: 240",
      "wpm: 20",
      "wpm: 2000",
      "duration: 240",
      "duration: 20",
    ]);
    // The values are not all wrong (nor all right) for the keys: the comparison means something.
    expect(accepted).toBeGreaterThan(SETTING_KEYS.length * 2);
    expect(accepted).toBeLessThan(SETTING_KEYS.length * VALUES.length * 0.6);
  });

  it("accepts a config that names it, and the reference essay's config", () => {
    const own = JSON.parse(readFileSync(path.join(root, "content", "essay-deck.config.json"), "utf8"));
    expect(own.$schema).toBe(`../${SCHEMA_FILE}`);
    expect(schemaSays(own), JSON.stringify(schemaSays.errors)).toBe(true);
    expect(validateSettings(own, "f")).toMatchObject({ errors: [], warnings: [] });
  });

  it("is what `npm run build` wrote into the package", () => {
    expect(JSON.parse(readFileSync(path.join(root, SCHEMA_FILE), "utf8"))).toEqual(configSchema());
  });
});
