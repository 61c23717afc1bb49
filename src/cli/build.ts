import path from "node:path";
import { type Command, Option } from "commander";
import { type BuildOptions, build } from "../build.js";
import { type Script, SETTING_KEYS, SETTINGS, type SettingRule } from "../config/settings.js";
import { settingsFromFlags } from "../config/validate.js";
import { isSiteInput } from "../io/input.js";
import { displayPath } from "../io/paths.js";
import type { DeckIdentity } from "../model/outline.js";
import { HANDOUT_LAYOUTS } from "../pdf/handout.js";
import { checkPdfFlags } from "../pdf/options.js";
import { runPdfExport, wantsPdf } from "../pdf/run.js";
import type { CliIO } from "./index.js";
import { choiceOption } from "./index.js";
import { createLogger } from "./log.js";
import { runBuildWatch } from "./serve.js";
import { runSiteBuild, type SiteFlags } from "./site.js";

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

export function registerBuild(program: Command, io: CliIO): void {
  const cmd = program
    .command("build")
    .description("build the deck: index.html and its assets, opened offline from disk")
    .argument("[input]", "essay file (.txt or .md) or a folder holding one (default: ./content/)")
    .option("-o, --output <dir>", "output folder", "dist")
    .option("--allow-html", "let raw HTML in a Markdown essay through; it can run scripts, so only for essays you wrote yourself")
    .option("-r, --recursive", "with a folder: build the essays of its subfolders too, keeping their layout")
    .option("-w, --watch", "rebuild on every save of the essay, its config, theme or templates (Ctrl-C stops)")
    .option("--pdf [file]", "also print the slides to PDF, one page a slide (default: <essay>.pdf beside index.html)")
    .option("--handout [file]", "also print a handout: each slide with its speaker notes (default: <essay>-handout.pdf)")
    .addOption(
      choiceOption("--handout-layout <layout>", "notes (default), or 2up/3up slides with ruled lines", [...HANDOUT_LAYOUTS]),
    )
    .option("--browser-path <path>", "Chrome or Chromium to print with (default: found by itself)")
    .option("--browser-timeout <seconds>", "longest wait for the browser at any step", "60");
  addEssayOptions(cmd).action(async (input: string | undefined, flags: SiteFlags & { watch?: boolean }) => {
    if (flags.watch) return runBuildWatch(input, flags, io);
    if (isSiteInput(input, io.cwd, flags.recursive)) return runSiteBuild(input ?? "content", flags, io);
    const log = createLogger(io, flags.quiet);
    if (wantsPdf(flags)) checkPdfFlags(flags, io.cwd);
    const result = build(essayOptions(input, flags, io));
    for (const w of result.warnings) log.warn(w);
    const points = result.deck.slides.filter((s) => s.kind === "point" && !s.continued).length;
    // Slides the planner had to fit (issue #5): worth knowing before rehearsing.
    const scaled = result.deck.slides.filter((s) => s.fit).length;
    const continued = result.deck.slides.filter((s) => s.continued).length;
    const fitted = [scaled ? `${scaled} scaled to fit` : "", continued ? `${continued} continued` : ""].filter(Boolean);
    const index = displayPath(path.join(result.outDir, "index.html"), io.cwd);
    log.info(
      `built ${index}: ${result.deck.slides.length} slides (${result.outline.parts.length} parts, ${points} points${fitted.map((f) => `, ${f}`).join("")}) from ${displayPath(result.essayPath, io.cwd)}`,
    );
    if (wantsPdf(flags)) await runPdfExport(result, flags, io.cwd, log);
  });
}
