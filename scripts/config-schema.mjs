#!/usr/bin/env node
/**
 * Part of `npm run build`, after tsc: write the JSON Schema of essay-deck.config.json to
 * schema/essay-deck.config.schema.json, from the table of settings the validator itself runs
 * (src/config/settings.ts), so the schema and the validator cannot say different things.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { configSchema, SCHEMA_FILE } from "../lib/config/schema.js";

const out = path.resolve(import.meta.dirname, "..", SCHEMA_FILE);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, `${JSON.stringify(configSchema(), null, 2)}\n`);
renameSync(`${out}.tmp`, out);
