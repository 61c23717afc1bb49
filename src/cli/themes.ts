import type { Command } from "commander";
import { BUILTIN_THEMES } from "../themes.js";
import type { CliIO } from "./options.js";

export function registerThemes(program: Command, io: CliIO): void {
  program
    .command("themes")
    .description("list the built-in themes, one a line")
    .action(() => {
      const width = Math.max(...BUILTIN_THEMES.map((t) => t.name.length));
      for (const t of BUILTIN_THEMES) io.stdout(`${t.name.padEnd(width)}  ${t.description}\n`);
    });
}
