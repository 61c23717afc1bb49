import path from "node:path";
import type { Command } from "commander";
import { type BuildOptions, build } from "../build.js";
import { type DeckSettings, isLanguageTag, parseRate, parseSize, SCRIPTS, type Script, TRANSITIONS } from "../config/validate.js";
import { DeckError, ExitCode } from "../errors.js";
import { displayPath } from "../io/paths.js";
import type { DeckIdentity } from "../model/outline.js";
import { HANDOUT_LAYOUTS } from "../pdf/handout.js";
import type { PdfFlags } from "../pdf/options.js";
import { checkPdfFlags, runPdfExport, wantsPdf } from "../pdf/run.js";
import type { CliIO } from "./index.js";
import { choiceOption } from "./index.js";
import { createLogger } from "./log.js";
import { runBuildWatch } from "./serve.js";

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

export function settingsFromFlags(flags: BuildFlags): DeckSettings {
  let size: DeckSettings["size"];
  if (flags.size !== undefined) {
    const parsed = parseSize(flags.size);
    if (!parsed) throw new DeckError(`--size must be 16:9, 4:3 or WIDTHxHEIGHT (got "${flags.size}")`, ExitCode.usage);
    size = parsed;
  }
  const slideNumber = flags.slideNumber;
  if (flags.lang !== undefined && !isLanguageTag(flags.lang)) {
    throw new DeckError(`--lang takes a language tag such as zh-Hant, zh-Hans or en (got "${flags.lang}")`, ExitCode.usage);
  }
  if (typeof slideNumber === "string" && !/^(h\.v|h\/v|c|c\/t)$/.test(slideNumber)) {
    throw new DeckError(`--slide-number takes c/t, c, h.v or h/v (got "${slideNumber}")`, ExitCode.usage);
  }
  return {
    title: flags.title,
    subtitle: flags.subtitle,
    author: flags.author,
    date: flags.date,
    lang: flags.lang,
    theme: flags.theme,
    css: flags.css,
    templateDir: flags.templateDir,
    layout: flags.layout,
    size,
    slideNumber,
    transition: flags.transition,
    script: flags.script,
    cpm: rateFlag("--cpm", flags.cpm),
    wpm: rateFlag("--wpm", flags.wpm),
  };
}

function rateFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const rate = parseRate(value);
  if (rate === null) throw new DeckError(`${name} takes a pace between 20 and 2000 per minute (got "${value}")`, ExitCode.usage);
  return rate;
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

/** Options every command that reads an essay shares. */
export function addEssayOptions(cmd: Command): Command {
  return cmd
    .option("--title <text>", "deck title (the essay has none of its own)")
    .option("--subtitle <text>", "subtitle on the title slide")
    .option("--author <name>", "author on the title slide and in PDF metadata")
    .option("--date <text>", "date on the title slide")
    .option("--lang <tag>", "language of the deck: zh-Hant, zh-Hans, en… (default: detected)")
    .option("--theme <name|file.css>", "built-in theme (see essay-deck themes) or a CSS file")
    .option("--css <file>", "extra CSS layered on top of the theme")
    .option("--template-dir <dir>", "folder whose templates override the built-in ones")
    .addOption(
      choiceOption("--layout <layout>", "flat: one row of slides; stacked: a vertical stack per part", ["flat", "stacked"]),
    )
    .option("--size <size>", "slide size: 16:9 (1280x720, default), 4:3 or WIDTHxHEIGHT")
    .option("--slide-number [format]", "show slide numbers: c/t (default), c, h.v or h/v")
    .option("--no-slide-number", "hide slide numbers")
    .addOption(choiceOption("--transition <name>", "slide transition", TRANSITIONS))
    .addOption(
      choiceOption("--script <script>", "convert the text to Simplified (hans) or Traditional (hant) Chinese", [...SCRIPTS]),
    )
    .option("--cpm <n>", "speaking pace for the notes' time estimate, CJK characters a minute (default 240)")
    .option("--wpm <n>", "speaking pace for English, words a minute (default 140)")
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
    .option("-w, --watch", "rebuild on every save of the essay, its config, theme or templates (Ctrl-C stops)")
    .option("--pdf [file]", "also print the slides to PDF, one page a slide (default: <essay>.pdf beside index.html)")
    .option("--handout [file]", "also print a handout: each slide with its speaker notes (default: <essay>-handout.pdf)")
    .addOption(
      choiceOption("--handout-layout <layout>", "notes (default), or 2up/3up slides with ruled lines", [...HANDOUT_LAYOUTS]),
    )
    .option("--browser-path <path>", "Chrome or Chromium to print with (default: found by itself)")
    .option("--browser-timeout <seconds>", "longest wait for the browser at any step", "60");
  addEssayOptions(cmd).action(async (input: string | undefined, flags: BuildFlags & PdfFlags & { watch?: boolean }) => {
    if (flags.watch) return runBuildWatch(input, flags, io);
    const log = createLogger(io, flags.quiet);
    if (wantsPdf(flags)) checkPdfFlags(flags, { cwd: io.cwd, outDir: io.cwd, essayPath: "essay.txt" });
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
