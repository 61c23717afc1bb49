/** Find and read `essay-deck.config.json`: beside the essay, or the file --config names. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";

export const CONFIG_FILE = "essay-deck.config.json";

export interface LoadedConfig {
  path: string;
  raw: unknown;
}

export function loadConfig(essayPath: string, explicit?: string, cwd = process.cwd()): LoadedConfig | null {
  const file = explicit ? path.resolve(cwd, explicit) : path.join(path.dirname(essayPath), CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicit) throw new DeckError(`config file not found: ${file}`, ExitCode.config);
    return null;
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new DeckError(`cannot read config ${file}: ${(e as NodeJS.ErrnoException).code}`, ExitCode.config);
  }
  try {
    return { path: file, raw: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (e) {
    throw new DeckError(`${file} is not valid JSON (${(e as Error).message}): fix it or remove it`, ExitCode.config);
  }
}
