/** `build FOLDER`: every essay of a folder into a site, then their PDFs, then the index page. */
import path from "node:path";
import { DeckError, ExitCode } from "../errors.js";
import { displayPath } from "../io/paths.js";
import { type PdfFlags, pdfKinds, wantsPdf } from "../pdf/options.js";
import { type SiteDeck, siteExitCode } from "../site/build.js";
import { writeSiteIndex } from "../site/index-page.js";
import { createLogger } from "./log.js";
import type { CliIO } from "./options.js";
import { type BuildFlags, essayOptions } from "./options.js";

export interface SiteFlags extends BuildFlags, PdfFlags {
  recursive?: boolean;
  theme?: string;
}

/** Build a folder of essays; a failed essay fails the command with its exit code, after the others are built. */
export async function runSiteBuild(input: string, flags: SiteFlags, io: CliIO): Promise<void> {
  const log = createLogger(io, flags.quiet);
  for (const [flag, value] of [
    ["--pdf", flags.pdf],
    ["--handout", flags.handout],
  ] as const) {
    if (typeof value === "string") {
      throw new DeckError(
        `${flag} ${value}: a folder build names each deck's PDF after its essay; pass ${flag} without a file name`,
        ExitCode.usage,
      );
    }
  }
  const options = essayOptions(input, flags, io);
  const { buildSiteDecksInPool } = await import("../site/pool.js");
  const result = await buildSiteDecksInPool({
    ...options,
    input,
    recursive: flags.recursive,
    pdfs: pdfKinds(flags),
    progress: (line, deck) => {
      log.info(line);
      if (deck.status !== "failed") for (const w of deck.warnings) log.warn(`${deck.name}: ${w}`);
    },
  });
  for (const w of result.warnings) log.warn(w);
  const indexOptions = { theme: options.flags?.theme };
  writeSiteIndex(result, indexOptions);
  let unprinted: Array<{ name: string; error: DeckError }> = [];
  if (wantsPdf(flags)) {
    const { exportSitePdfs } = await import("../site/pdfs.js");
    const printing = await exportSitePdfs(result.decks, flags, io.cwd, log);
    if (printing.printed > 0) writeSiteIndex(result, indexOptions);
    unprinted = printing.failed;
  }
  const count = (status: SiteDeck["status"]) => result.decks.filter((d) => d.status === status).length;
  const failed = result.decks.filter((d) => d.status === "failed");
  const parts = [
    `${count("built")} built`,
    `${count("unchanged")} unchanged`,
    ...(failed.length ? [`${failed.length} failed`] : []),
  ];
  log.info(`${displayPath(path.join(result.outDir, "index.html"), io.cwd)}: ${result.decks.length} essays (${parts.join(", ")})`);
  for (const d of failed) {
    // A bug in essay-deck, not the essay's fault: its stack, as for a single build.
    if (!(d.error instanceof DeckError))
      io.stderr(`essay-deck: ${d.name}: internal error (a bug; please report it)\n${(d.error as Error)?.stack ?? d.error}\n`);
  }
  if (failed.length > 0 || unprinted.length > 0) {
    const names = [...failed.map((d) => d.name), ...unprinted.map((u) => u.name)];
    const first = failed[0] ? siteExitCode(result.decks) : (unprinted[0]?.error.exitCode ?? ExitCode.browser);
    const what = [
      ...(failed.length ? [`${failed.length} of ${result.decks.length} essays failed`] : []),
      ...(unprinted.length ? [`${unprinted.length} decks could not be printed`] : []),
    ].join(" and ");
    throw new DeckError(
      `${what} (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}), each said why above; the others were built`,
      first,
    );
  }
}
