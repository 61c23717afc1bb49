/** Read the page shell and slide partials: the built-ins, each overridable from a user's folder. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Templates } from "../render/index.js";
import { templatesDir } from "./paths.js";

export function loadTemplates(overrideDir?: string): Templates {
  const read = (relative: string): string => {
    if (overrideDir) {
      const own = path.join(overrideDir, relative);
      if (existsSync(own)) return readFileSync(own, "utf8");
    }
    return readFileSync(path.join(templatesDir, relative), "utf8");
  };
  const names = new Set(listPartials(path.join(templatesDir, "partials")));
  if (overrideDir) for (const n of listPartials(path.join(overrideDir, "partials"))) names.add(n);
  const partials: Record<string, string> = {};
  for (const name of names) partials[name] = read(path.join("partials", `${name}.hbs`));
  return { deck: read("deck.hbs"), partials };
}

function listPartials(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".hbs"))
    .map((f) => f.slice(0, -4));
}
