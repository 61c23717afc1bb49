/** Deck + templates → files. Pure: the caller reads templates and assets and writes the result. */
import { createRequire } from "node:module";
import type HandlebarsTypes from "handlebars";
import { DeckError, ExitCode } from "../errors.js";
import type { Deck, Slide } from "../model/deck.js";
import { languageOf } from "../text/languages/index.js";
import { registerBlockHelpers } from "./blocks.js";
import { escapeHtml, renderInline } from "./inline.js";
import { phraseHtml } from "./linebreak.js";
import { pagePieces, wholeText } from "./page-pieces.js";
import { registerPresenterHelpers } from "./presenter.js";

export interface Templates {
  /** The page shell, `deck.hbs`. */
  deck: string;
  /** Partials by name (`title`, `section`, `point`, `summary`, `paragraph`, `references`, `notes`). */
  partials: Record<string, string>;
  /**
   * Precompiled forms of some of them (built-ins, made by `npm run build`), by `deck` or partial
   * name; each was compiled from exactly the source given above, with compileOptions().
   */
  precompiled?: Record<string, TemplateSpec>;
}

/** What Handlebars.precompile makes of a template, once evaluated. */
export type TemplateSpec = Parameters<typeof Handlebars.template>[0];

/** The options every template is compiled with, here and by scripts/precompile-templates.mjs. */
export const compileOptions = (kind: "page" | "partial"): Parameters<typeof Handlebars.compile>[1] =>
  kind === "partial" ? { strict: false } : {};

/**
 * A file of the built deck: text to write, text made piece by piece as it is written (the page:
 * iterable again for each reader), or a file to copy.
 */
export type OutputFile =
  | { path: string; contents: string | Uint8Array }
  | { path: string; pieces: Iterable<string> }
  | { path: string; copyFrom: string };

/** The file with its text whole: pieces joined (for a reader that needs it all, the preview). */
export function withWholeText(file: OutputFile): OutputFile {
  return "pieces" in file ? { path: file.path, contents: wholeText(file.pieces) } : file;
}

export interface RevealAsset {
  /** Path inside the output folder, e.g. `assets/reveal/reveal.js`. */
  path: string;
  /** Absolute path to copy it from. */
  from: string;
}

export interface ThemeFiles {
  name: string;
  /** Stylesheets in the order the page links them, each a path inside the output folder. */
  stylesheets: string[];
  files: OutputFile[];
}

export interface RenderOptions {
  templates: Templates;
  theme: ThemeFiles;
  /** reveal.js files to copy: script, core CSS, notes plugin. */
  reveal: { script: RevealAsset; css: RevealAsset[]; plugins: RevealAsset[] };
  /** Reveal.initialize options, merged over the defaults. */
  revealOptions?: Record<string, unknown>;
  allowHtml?: boolean;
  generator?: string;
  /**
   * The address the page links an asset of the output folder by (default: its path). A deck in a
   * folder build links the shared reveal.js and themes one level up: `../assets/…`.
   */
  assetHref?: (path: string) => string;
}

const requireHandlebars = createRequire(import.meta.url);
/**
 * The runtime only: the compiler, twice its size, is loaded when a template has to be compiled. Its
 * one-file build (dist/handlebars.runtime.js, the same runtime) rather than `handlebars/runtime`,
 * which requires 21 modules: resolving them is most of its cost at start.
 */
export const HANDLEBARS_RUNTIME = "handlebars/dist/handlebars.runtime.js";
const Handlebars = requireHandlebars(HANDLEBARS_RUNTIME) as typeof HandlebarsTypes;

/**
 * The Handlebars environment for a set of templates: the runtime alone when all come precompiled
 * (the built-ins), the full Handlebars, its compiler loaded only now, when one must be compiled.
 */
function environment(templates: Templates): typeof Handlebars {
  const precompiled = templates.precompiled ?? {};
  const all = ["deck", ...Object.keys(templates.partials)].every((name) => precompiled[name] !== undefined);
  return all ? Handlebars.create() : (requireHandlebars("handlebars") as typeof HandlebarsTypes).create();
}

/**
 * Every helper a template can call, Handlebars' own and the renderer's: a user's template is checked
 * against them when it is read, so that a misspelt one names its file and line.
 */
export function templateHelpers(): string[] {
  const hbs = Handlebars.create();
  registerHelpers(hbs, { lang: "en", format: "text" } as Deck, { allowHtml: false });
  return Object.keys(hbs.helpers);
}

/** The deck's files, the page as one string. */
export function renderDeck(deck: Deck, options: RenderOptions): OutputFile[] {
  return renderDeckPieces(deck, options).map(withWholeText);
}

/** The deck's files, the page in pieces rendered as they are read: what a build writes. */
export function renderDeckPieces(deck: Deck, options: RenderOptions): OutputFile[] {
  const hbs = environment(options.templates);
  registerHelpers(hbs, deck, options);
  return renderWith(hbs, deck, options);
}

/** The helpers every template is rendered with; registering one calls nothing. */
function registerHelpers(hbs: typeof Handlebars, deck: Deck, options: Pick<RenderOptions, "allowHtml">): void {
  const markdown = deck.format === "markdown";
  hbs.registerHelper(
    "text",
    (value: unknown) => new Handlebars.SafeString(renderInline(String(value ?? ""), { markdown, allowHtml: options.allowHtml })),
  );
  // A headline broken only between phrases (budoux for Chinese); Markdown with markup keeps `text`.
  // `this` is the slide: its planned phrases are reused when they spell this very text.
  hbs.registerHelper("headline", function (this: unknown, value: unknown) {
    const text = String(value ?? "");
    const phrased = () => phraseHtml(text, deck.lang, plannedPhrases(this), !isTitle(this));
    if (!markdown) return new Handlebars.SafeString(phrased());
    const inline = renderInline(text, { markdown, allowHtml: options.allowHtml });
    return new Handlebars.SafeString(inline === escapeHtml(text) ? phrased() : inline);
  });
  // The plan's text scales as CSS variables on the slide (numbers from the planner, not user text).
  hbs.registerHelper("fitStyle", (fit: Slide["fit"]) =>
    fit
      ? new Handlebars.SafeString(
          ` data-fit="scaled" style="--ed-fit-headline: ${Number(fit.headline)}; --ed-fit-body: ${Number(fit.body)}"`,
        )
      : "",
  );
  registerBlockHelpers(hbs, deck, (text) => renderInline(text, { markdown, allowHtml: options.allowHtml }));
  hbs.registerHelper("json", (value: unknown) => new Handlebars.SafeString(scriptJson(value)));
  hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  registerPresenterHelpers(hbs, Handlebars.SafeString, deck, { markdown, allowHtml: options.allowHtml });
  hbs.registerHelper("partName", (label: unknown) => languageOf(deck.lang).deck.part(String(label ?? "")));
}

function renderWith(hbs: typeof Handlebars, deck: Deck, options: RenderOptions): OutputFile[] {
  // Compiling is most of the cost of a small deck: a precompiled template is only evaluated.
  const precompiled = options.templates.precompiled ?? {};
  const compile = (name: string, source: string, kind: "page" | "partial") => {
    const spec = precompiled[name];
    return spec ? hbs.template(spec) : failingAsTemplate(name, kind, hbs.compile(source, compileOptions(kind)));
  };
  for (const [name, source] of Object.entries(options.templates.partials)) {
    hbs.registerPartial(name, compile(name, source, "partial"));
  }
  const page = compile("deck", options.templates.deck, "page");
  const { width, height } = deck.size;
  const href = options.assetHref ?? ((p: string) => p);
  const revealConfig = {
    hash: true,
    slideNumber: "c/t",
    width,
    height,
    margin: 0.04,
    center: false,
    transition: "slide",
    pdfMaxPagesPerSlide: 1,
    // A slide prints once, complete, however many fragments it reveals one by one on screen.
    pdfSeparateFragments: false,
    // Without a default the speaker view shows no pacing timer; every slide has its data-timing.
    defaultTiming: 5,
    // The slides draw their own progress line (it prints too): reveal's bar would be a second one.
    progress: false,
    ...options.revealOptions,
  };
  const context = {
    deck,
    lang: deck.lang,
    words: languageOf(deck.lang).deck,
    groups: groupSlides(deck),
    stylesheets: [...options.reveal.css.map((a) => a.path), ...options.theme.stylesheets].map(href),
    scripts: [options.reveal.script.path, ...options.reveal.plugins.map((a) => a.path)].map(href),
    revealConfig,
    width,
    height,
    theme: options.theme.name,
    generator: options.generator ?? "essay-deck",
  };
  const copies: OutputFile[] = [options.reveal.script, ...options.reveal.css, ...options.reveal.plugins].map((a) => ({
    path: a.path,
    copyFrom: a.from,
  }));
  return [{ path: "index.html", pieces: pagePieces(hbs, () => page(context)) }, ...copies, ...options.theme.files];
}

/**
 * A template compiled from its source (a user's: the built-ins come precompiled) whose rendering
 * throws is the template's mistake, not a crash: said as the template's, with what to do.
 */
function failingAsTemplate<T extends (...args: never[]) => string>(name: string, kind: "page" | "partial", template: T): T {
  const file = kind === "page" ? "deck.hbs" : `partials/${name}.hbs`;
  return ((...args: Parameters<T>) => {
    try {
      return template(...args);
    } catch (e) {
      if (e instanceof DeckError) throw e;
      throw new DeckError(
        `template ${file} failed while rendering: ${(e as Error).message} (fix it in your --template-dir, or remove it there to use the built-in one)`,
        ExitCode.config,
      );
    }
  }) as T;
}

/**
 * Whether a template's context is the title slide: its title, the largest text of the deck, keeps
 * every break a browser allows inside a phrase (a 120-character title needs them all).
 */
const isTitle = (context: unknown): boolean => (context as Partial<Slide> | null)?.kind === "title";

/** The phrases the planner kept on a slide (a template's context may be anything else too). */
function plannedPhrases(context: unknown): readonly string[] | undefined {
  const phrases = (context as Partial<Slide> | null)?.phrases;
  return Array.isArray(phrases) && phrases.every((p) => typeof p === "string") ? phrases : undefined;
}

/** Slides as the page shows them: one group a part when stacked, else one flat group. */
function groupSlides(deck: Deck): Array<{ stacked: boolean; slides: Slide[] }> {
  if (deck.layout === "flat") return [{ stacked: false, slides: deck.slides }];
  const groups: Array<{ stacked: boolean; slides: Slide[] }> = [];
  for (const slide of deck.slides) {
    const last = groups.at(-1);
    if (slide.part > 0 && last && last.stacked && last.slides[0]?.part === slide.part) last.slides.push(slide);
    else groups.push({ stacked: slide.part > 0, slides: [slide] });
  }
  return groups.map((g) => ({ ...g, stacked: g.stacked && g.slides.length > 1 }));
}

/** JSON that is safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  // Nothing (a template's misspelt name) is null, as JSON has no undefined.
  return (JSON.stringify(value) ?? "null")
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
