import path from "node:path";
import type { Command } from "commander";
import { displayPath } from "../io/paths.js";
import { ejectTemplates } from "../io/templates.js";
import type { CliIO } from "./options.js";

export function registerEject(program: Command, io: CliIO): void {
  program
    .command("eject-templates")
    .description("copy the built-in templates, deck.css and themes into a folder, to edit and pass to --template-dir")
    .argument("<dir>", "folder to copy them into (created if missing)")
    .option("-f, --force", "overwrite files that are already there")
    .action((dir: string, flags: { force?: boolean }) => {
      const target = path.resolve(io.cwd, dir);
      const files = ejectTemplates(target, flags.force);
      const shown = displayPath(target, io.cwd) || ".";
      io.stderr(`copied ${files.length} files into ${shown}/: edit them, then build with --template-dir ${shown}\n`);
    });
}
