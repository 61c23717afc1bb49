/** The build command's PDF flags, turned into where to write what. Pure. */
import path from "node:path";
import { DEFAULT_BROWSER_TIMEOUT } from "../browser/launch.js";
import { DeckError, ExitCode } from "../errors.js";
import type { HandoutLayout } from "./handout.js";

export interface PdfFlags {
  /** `--pdf` alone is true; `--pdf talk.pdf` is the file. */
  pdf?: boolean | string;
  handout?: boolean | string;
  handoutLayout?: HandoutLayout;
  browserPath?: string;
  browserTimeout?: string;
}

export interface PdfTargets {
  slides?: string;
  handout?: string;
  handoutLayout: HandoutLayout;
  browserPath?: string;
  timeout: number;
}

/**
 * Defaults sit beside index.html, named after the essay: essay.pdf and essay-handout.pdf. A path
 * the user gives is taken from the current folder.
 */
export function pdfTargets(flags: PdfFlags, where: { cwd: string; outDir: string; essayPath: string }): PdfTargets {
  const name = path.basename(where.essayPath).replace(/\.(txt|md|markdown|text)$/i, "");
  const target = (flag: boolean | string | undefined, fallback: string): string | undefined => {
    if (flag === undefined || flag === false) return undefined;
    if (flag === true) return path.join(where.outDir, fallback);
    if (!flag.toLowerCase().endsWith(".pdf")) {
      throw new DeckError(`a PDF file name must end in .pdf (got "${flag}")`, ExitCode.usage);
    }
    return path.resolve(where.cwd, flag);
  };
  const slides = target(flags.pdf, `${name}.pdf`);
  const handout = target(flags.handout, `${name}-handout.pdf`);
  if (slides && handout && slides === handout) {
    throw new DeckError(`--pdf and --handout name the same file (${slides}): give them different names`, ExitCode.usage);
  }
  if (flags.handoutLayout && !handout) {
    throw new DeckError("--handout-layout needs --handout", ExitCode.usage);
  }
  return {
    slides,
    handout,
    handoutLayout: flags.handoutLayout ?? "notes",
    browserPath: flags.browserPath,
    timeout: parseTimeout(flags.browserTimeout),
  };
}

export function parseTimeout(seconds: string | undefined): number {
  if (seconds === undefined) return DEFAULT_BROWSER_TIMEOUT;
  const value = Number(seconds);
  if (!Number.isFinite(value) || value <= 0) {
    throw new DeckError(`--browser-timeout takes a number of seconds above 0 (got "${seconds}")`, ExitCode.usage);
  }
  return Math.round(value * 1000);
}
