/** The JSON Schema of essay-deck.config.json, made from the table of settings. Pure. */
import { SETTING_KEYS, SETTINGS, type SettingRule } from "./settings.js";

export type JsonSchema = Record<string, unknown>;

/** Where `npm run build` writes the schema, relative to the package root (shipped in the package). */
export const SCHEMA_FILE = "schema/essay-deck.config.schema.json";

/** One setting's schema: its type, and its enum, pattern or range when it has one. */
export function settingSchema(rule: SettingRule): JsonSchema {
  const schema: JsonSchema = { description: rule.description };
  // An enum of mixed types (slideNumber: true, false, "c/t"…) says it all; a type beside it would have to list both.
  const mixed = rule.enum?.some((v) => typeof v !== "string") ?? false;
  if (!mixed) schema.type = Array.isArray(rule.type) ? [...rule.type] : rule.type;
  if (rule.enum) schema.enum = [...rule.enum];
  if (rule.pattern !== undefined) schema.pattern = rule.pattern;
  if (rule.minimum !== undefined) schema.minimum = rule.minimum;
  if (rule.maximum !== undefined) schema.maximum = rule.maximum;
  if (rule.reservedKeys) schema.propertyNames = { not: { enum: [...rule.reservedKeys] } };
  return schema;
}

/** The whole file's schema (draft 2020-12). Unknown keys are allowed: essay-deck warns and ignores them. */
export function configSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const key of SETTING_KEYS) properties[key] = settingSchema(SETTINGS[key]);
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "essay-deck.config.json",
    description: "Settings for essay-deck: flags win over this file, which wins over the essay's front matter.",
    type: "object",
    properties: { $schema: { type: "string", description: "This schema, for editors." }, ...properties },
  };
}
