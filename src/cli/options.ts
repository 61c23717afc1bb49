/**
 * What the commands share: the I/O they write to, the options of every command that reads an
 * essay, and how those flags become build() options. Its own module, so that the commands and the
 * program that registers them (index.ts) import it rather than each other.
 */
import { type Command, Option } from "commander";
import type { BuildOptions } from "../build.js";
import { type Script, SETTING_KEYS, SETTINGS, type SettingRule } from "../config/settings.js";
import { settingsFromFlags } from "../config/validate.js";
import type { DeckIdentity } from "../model/outline.js";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Stops long-running commands (serve, build --watch); without it they stop on SIGINT or SIGTERM. */
  signal?: AbortSignal;
}

/** A choice-checked option whose bad value is a usage error. */
export const choiceOption = (flags: string, description: string, choices: string[]): Option =>
  new Option(flags, description).choices(choices);

export interface BuildFlags extends DeckIdentity {
  output?: string;
  css?: string;
  templateDir?: string;
  layout?: "flat" | "stacked";
  size?: string;
  slideNumber?: boolean | string;
  transition?: string;
  script?: Script;
  cpm?: string;
  wpm?: string;
  config?: string;
  encoding?: string;
  allowHtml?: boolean;
  quiet?: boolean;
}

/** What every essay command passes on to build(): the essay, its settings layers, the output folder. */
export function essayOptions(
  input: string | undefined,
  flags: BuildFlags,
  io: Pick<CliIO, "cwd">,
): BuildOptions & { cwd: string } {
  return {
    input,
    cwd: io.cwd,
    outDir: flags.output,
    flags: settingsFromFlags(flags),
    config: flags.config,
    encoding: flags.encoding,
    allowHtml: flags.allowHtml,
  };
}

/** Options every command that reads an essay shares: a flag for each setting that has one, then the input's. */
export function addEssayOptions(cmd: Command): Command {
  for (const key of SETTING_KEYS) {
    const flag = (SETTINGS[key] as SettingRule).flag;
    if (!flag) continue;
    cmd.addOption(flag.choices ? choiceOption(flag.syntax, flag.help, [...flag.choices]) : new Option(flag.syntax, flag.help));
    if (flag.negate) cmd.option(flag.syntax.replace(/^--/, "--no-").split(" ")[0] as string, flag.negate);
  }
  return cmd
    .option("--config <file>", "settings file (default: essay-deck.config.json beside the essay)")
    .option("--encoding <name>", "the essay's encoding when not UTF-8: big5, gbk, gb18030, utf-16le")
    .option("-q, --quiet", "print nothing but warnings and errors");
}
