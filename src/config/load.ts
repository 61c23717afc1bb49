/** Find and read `essay-deck.config.json`: beside the essay, or the file --config names. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";

export const CONFIG_FILE = "essay-deck.config.json";

export interface LoadedConfig {
  path: string;
  raw: unknown;
}

/** The config file a build of this essay reads: the one --config names, or the one beside the essay (which may not exist yet). */
export function configPathFor(essayPath: string, explicit: string | undefined, cwd: string): string {
  return explicit ? path.resolve(cwd, explicit) : path.join(path.dirname(essayPath), CONFIG_FILE);
}

export function loadConfig(essayPath: string, explicit?: string, cwd = process.cwd()): LoadedConfig | null {
  const file = configPathFor(essayPath, explicit, cwd);
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
  const json = text.replace(/^\uFEFF/, "");
  try {
    return { path: file, raw: JSON.parse(json) };
  } catch (e) {
    throw new DeckError(
      `${file}${jsonErrorPlace(json, e as Error)} is not valid JSON: ${(e as Error).message.split("\n")[0]}`,
      ExitCode.config,
    );
  }
}

/** `:line:column` of a JSON.parse error, from the position Node reports. */
export function jsonErrorPlace(text: string, error: Error): string {
  const line = /line (\d+) column (\d+)/.exec(error.message);
  if (line) return `:${line[1]}:${line[2]}`;
  const at = /position (\d+)/.exec(error.message);
  if (!at) return "";
  const before = text.slice(0, Number(at[1])).split("\n");
  return `:${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}
