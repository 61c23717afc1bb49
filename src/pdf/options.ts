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

/** True when a PDF flag was given (a stray --handout-layout too, so that its check reports it). */
export const wantsPdf = (flags: PdfFlags): boolean => Boolean(flags.pdf || flags.handout || flags.handoutLayout);

/** The PDFs the flags ask for. */
export const pdfKinds = (flags: PdfFlags): Array<"slides" | "handout"> => [
  ...(flags.pdf ? (["slides"] as const) : []),
  ...(flags.handout ? (["handout"] as const) : []),
];

export interface PdfTargets {
  slides?: string;
  handout?: string;
  handoutLayout: HandoutLayout;
  browserPath?: string;
  timeout: number;
}

/**
 * The flags checked on their own, before the essay is read, so a bad flag costs no build: file
 * names end in .pdf and differ, --handout-layout comes with --handout, the timeout is a number of
 * seconds. pdfTargets checks the default names against each other once the essay is known.
 */
export function checkPdfFlags(flags: PdfFlags, cwd: string): void {
  for (const flag of [flags.pdf, flags.handout]) {
    if (typeof flag === "string" && !flag.toLowerCase().endsWith(".pdf")) {
      throw new DeckError(`a PDF file name must end in .pdf (got "${flag}")`, ExitCode.usage);
    }
  }
  if (typeof flags.pdf === "string" && typeof flags.handout === "string") {
    const file = path.resolve(cwd, flags.pdf);
    if (file === path.resolve(cwd, flags.handout)) throw sameFile(file);
  }
  if (flags.handoutLayout && (flags.handout === undefined || flags.handout === false)) {
    throw new DeckError("--handout-layout needs --handout", ExitCode.usage);
  }
  parseTimeout(flags.browserTimeout);
}

/**
 * Defaults sit beside index.html, named after the essay: essay.pdf and essay-handout.pdf. A path
 * the user gives is taken from the current folder.
 */
export function pdfTargets(flags: PdfFlags, where: { cwd: string; outDir: string; essayPath: string }): PdfTargets {
  checkPdfFlags(flags, where.cwd);
  const name = path.basename(where.essayPath).replace(/\.(txt|md|markdown|text)$/i, "");
  const target = (flag: boolean | string | undefined, fallback: string): string | undefined => {
    if (flag === undefined || flag === false) return undefined;
    return flag === true ? path.join(where.outDir, fallback) : path.resolve(where.cwd, flag);
  };
  const slides = target(flags.pdf, `${name}.pdf`);
  const handout = target(flags.handout, `${name}-handout.pdf`);
  if (slides && handout && slides === handout) throw sameFile(slides);
  return {
    slides,
    handout,
    handoutLayout: flags.handoutLayout ?? "notes",
    browserPath: flags.browserPath,
    timeout: parseTimeout(flags.browserTimeout),
  };
}

const sameFile = (file: string): DeckError =>
  new DeckError(`--pdf and --handout name the same file (${file}): give them different names`, ExitCode.usage);

export function parseTimeout(seconds: string | undefined): number {
  if (seconds === undefined) return DEFAULT_BROWSER_TIMEOUT;
  const value = Number(seconds);
  if (!Number.isFinite(value) || value <= 0) {
    throw new DeckError(`--browser-timeout takes a number of seconds above 0 (got "${seconds}")`, ExitCode.usage);
  }
  return Math.round(value * 1000);
}
