/**
 * `check` end to end: build the deck (into a temporary folder unless one is given), open it in a
 * browser at its size, measure every slide and make the report. The temporary deck is removed in
 * every case, Ctrl-C included.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { withBrowser } from "../browser/session.js";
import { type BuildOptions, build } from "../build.js";
import { displayPath } from "../io/paths.js";
import { scratchDir } from "../io/scratch.js";
import { DEFAULT_THEME } from "../themes.js";
import { DEFAULT_FLOORS, measureDeck } from "./measure.js";
import { buildReport, type CheckReport } from "./report.js";

export interface CheckRequest {
  /** The essay and its settings, as for build(); `outDir` keeps the built deck there. */
  build: BuildOptions & { cwd: string };
  browserPath?: string;
  log: { warn: (message: string) => void };
}

export async function runCheck(request: CheckRequest): Promise<CheckReport> {
  const started = performance.now();
  const { cwd } = request.build;
  const temp = request.build.outDir ? null : scratchDir("check");
  try {
    return await withBrowser(
      {
        browserPath: request.browserPath,
        undone: "nothing was checked",
        prepare: () => build({ ...request.build, outDir: request.build.outDir ?? (temp as string) }),
      },
      async (session, result) => {
        for (const w of result.warnings) request.log.warn(w);
        const size = result.deck.size;
        const measures = await measureDeck(session.browser, path.join(result.outDir, "index.html"), {
          ...size,
          onWarning: request.log.warn,
        });
        return buildReport(
          measures,
          {
            essay: displayPath(result.essayPath, cwd),
            theme: result.settings.theme ?? DEFAULT_THEME,
            size,
            floors: DEFAULT_FLOORS,
          },
          performance.now() - started,
        );
      },
    );
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
