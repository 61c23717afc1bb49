import path from "node:path";
import type { Command } from "commander";
import { build } from "../build.js";
import { DeckError, ExitCode } from "../errors.js";
import type { ExportFlags } from "../export/types.js";
import { isSiteInput } from "../io/input.js";
import { keepingLocks } from "../io/lock.js";
import { displayPath } from "../io/paths.js";
import { HANDOUT_LAYOUTS } from "../pdf/handout.js";
import { keepHeapSmallFor } from "./heap.js";
import { createLogger } from "./log.js";
import { addEssayOptions, type CliIO, choiceOption, essayOptions } from "./options.js";
import { runBuildWatch } from "./serve.js";
import type { SiteFlags } from "./site.js";

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
    .option(
      "--pptx [file]",
      "also write an editable PowerPoint file with speaker notes (default: <essay>.pptx beside index.html)",
    )
    .option("--png [dir]", "also draw each slide to a PNG, 01.png… (default: folder <essay>-png beside index.html)")
    .option("--png-scale <n>", "PNG size: a factor of the slide size (2) or a width in px (default 1920)")
    .option("--single-file", "write index.html alone, with reveal.js, the theme and every image inside it")
    .option("--browser-path <path>", "Chrome or Chromium to print with (default: found by itself)")
    .option("--browser-timeout <seconds>", "longest wait for the browser at any step", "60");
  addEssayOptions(cmd).action(async (input: string | undefined, flags: SiteFlags & ExportFlags & { watch?: boolean }) => {
    if (flags.watch) return runBuildWatch(input, flags, io);
    if (isSiteInput(input, io.cwd, flags.recursive)) {
      const other = [
        flags.pptx && "--pptx",
        flags.png && "--png",
        flags.pngScale && "--png-scale",
        flags.singleFile && "--single-file",
      ];
      const refused = other.filter((f): f is string => typeof f === "string");
      if (refused.length > 0) {
        throw new DeckError(
          `a folder build makes a site of HTML decks (and their PDFs): drop ${refused.join(", ")}, or build one essay with it`,
          ExitCode.usage,
        );
      }
      // What only a folder needs is loaded when asked for: a single build does not pay for it.
      return (await import("./site.js")).runSiteBuild(input ?? "content", flags, io);
    }
    const log = createLogger(io, flags.quiet);
    const { checkExportFlags, runExports, wantedExporters } = await import("../export/index.js");
    const exporting = wantedExporters(flags).length > 0;
    if (exporting) checkExportFlags(flags, { cwd: io.cwd, outDir: path.resolve(io.cwd, flags.output ?? "dist") });
    keepHeapSmallFor(input, io.cwd);
    // The folder stays locked from the HTML to the last PDF: another build into it waits, so the
    // PDFs print this build's index.html.
    await keepingLocks(async () => {
      // With a PDF or PNG asked for, the browser starts first and boots while the deck is built.
      const buildDeck = () => {
        const result = build({ ...essayOptions(input, flags, io), onWait: log.info, singleFile: flags.singleFile });
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
        if (flags.singleFile) log.info(`${index} holds the whole deck: ${kib(result.singleFileBytes ?? 0)}`);
        return result;
      };
      if (exporting) await runExports(buildDeck, flags, io.cwd, log);
      else buildDeck();
    });
  });
}

const kib = (bytes: number): string =>
  bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
