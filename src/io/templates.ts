/** Read the page shell and slide partials: the built-ins, each overridable from a user's folder. */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type HandlebarsTypes from "handlebars";
import { DeckError, ExitCode } from "../errors.js";
import { HANDLEBARS_RUNTIME, type TemplateSpec, type Templates, templateHelpers } from "../render/index.js";
import { packageDocsUrl, packageRoot, templatesDir } from "./paths.js";
import { writeFileAtomic } from "./write.js";

/** A file of templates/ (`deck.hbs`, `partials/point.hbs`, `deck.css`, `themes/paper.css`): the user's if present. */
export function templateFile(relative: string, overrideDir?: string): string {
  if (overrideDir) {
    const own = path.join(overrideDir, relative);
    if (existsSync(own) && statSync(own).isFile()) return own;
  }
  return path.join(templatesDir, relative);
}

export function checkTemplateDir(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DeckError(`template folder not found: ${dir} (pass a folder holding deck.hbs or partials/)`, ExitCode.config);
  }
}

export function loadTemplates(overrideDir?: string): Templates {
  if (overrideDir) checkTemplateDir(overrideDir);
  const built = precompiledBuiltins();
  const precompiled: Record<string, TemplateSpec> = {};
  const read = (relative: string, name: string): string => {
    const file = templateFile(relative, overrideDir);
    const source = readFileSync(file, "utf8");
    // The built-ins are known to compile (the tests build with them): only a user's file is parsed
    // here, so a deck's templates are parsed once, when rendering compiles them.
    if (file === path.join(templatesDir, relative)) {
      const entry = built?.templates[relative.split(path.sep).join("/")];
      if (entry && entry.sha256 === createHash("sha256").update(source).digest("hex")) precompiled[name] = entry.spec;
      return source;
    }
    // A syntax error in a user's template is their mistake to fix, not a crash of ours.
    let ast: unknown;
    try {
      // The compiler, loaded only for a user's template (the built-ins come precompiled).
      ast = (requireLib("handlebars") as typeof HandlebarsTypes).parse(source);
    } catch (e) {
      const lines = (e as Error).message.split("\n").filter((l) => l.trim() !== "");
      const what = lines.length > 1 ? `${lines[0]?.replace(/:$/, "")}, ${lines.at(-1)}` : (lines[0] ?? "");
      throw new DeckError(`template ${file} does not compile: ${what}`, ExitCode.config);
    }
    const misused = misusedBlock(ast);
    if (misused) {
      throw new DeckError(
        `template ${file} line ${misused.line}: {{#${misused.name}}} takes one argument, it has ${misused.count} (e.g. {{#${misused.name} ${BLOCK_EXAMPLES[misused.name]}}})`,
        ExitCode.config,
      );
    }
    const helpers = templateHelpers();
    const unknown = unknownName(ast, names, helpers);
    if (unknown) {
      const known = unknown.kind === "helper" ? helpers.filter((h) => !/Missing$|^log$/.test(h)) : [...names].sort();
      throw new DeckError(
        `template ${file} line ${unknown.line}: there is no ${unknown.kind} "${unknown.name}" (the ${unknown.kind}s are ${known.join(", ")})`,
        ExitCode.config,
      );
    }
    return source;
  };
  const names = new Set(listPartials(path.join(templatesDir, "partials")));
  if (overrideDir) for (const n of listPartials(path.join(overrideDir, "partials"))) names.add(n);
  const partials: Record<string, string> = {};
  for (const name of names) partials[name] = read(path.join("partials", `${name}.hbs`), name);
  return { deck: read("deck.hbs", "deck"), partials, precompiled };
}

interface AstNode {
  type?: string;
  path?: { type?: string; original?: string; parts?: string[]; data?: boolean };
  name?: { type?: string; original?: string };
  params?: unknown[];
  hash?: unknown;
  loc?: { start?: { line?: number } };
}

/**
 * The first helper or partial a template calls that does not exist: Handlebars would only say so
 * while rendering, with a stack and no file or line. Inline partials the template defines count.
 */
function unknownName(
  ast: unknown,
  partials: Set<string>,
  helpers: string[],
): { kind: "helper" | "partial"; name: string; line: number } | null {
  const inline = new Set<string>();
  const calls: Array<{ kind: "helper" | "partial"; name: string; line: number }> = [];
  eachNode(ast, (node) => {
    const line = node.loc?.start?.line ?? 0;
    const callee = node.path;
    const isCall = node.type === "SubExpression" || (node.params?.length ?? 0) > 0 || node.hash !== undefined;
    if (
      (node.type === "MustacheStatement" || node.type === "BlockStatement" || node.type === "SubExpression") &&
      isCall &&
      callee?.type === "PathExpression" &&
      callee.parts?.length === 1 &&
      !callee.data
    ) {
      calls.push({ kind: "helper", name: callee.original ?? "", line });
    }
    if (node.type === "DecoratorBlock" && callee?.original === "inline") {
      const first = node.params?.[0] as { value?: unknown } | undefined;
      if (typeof first?.value === "string") inline.add(first.value);
    }
    if (node.type === "PartialStatement" && node.name?.type === "PathExpression") {
      calls.push({ kind: "partial", name: node.name.original ?? "", line });
    }
  });
  return (
    calls.find((c) => (c.kind === "helper" ? !helpers.includes(c.name) : !partials.has(c.name) && !inline.has(c.name))) ?? null
  );
}

/** Handlebars' own block helpers that take exactly one argument, with one a deck template could give. */
const BLOCK_EXAMPLES: Record<string, string> = { each: "slides", if: "notes", unless: "notes", with: "deck" };

/** The first {{#each}}, {{#if}}, {{#unless}} or {{#with}} without its one argument: Handlebars throws while rendering. */
function misusedBlock(ast: unknown): { name: string; count: number; line: number } | null {
  let found: { name: string; count: number; line: number } | null = null;
  eachNode(ast, (node) => {
    const name = node.path?.original ?? "";
    const count = node.params?.length ?? 0;
    if (!found && node.type === "BlockStatement" && name in BLOCK_EXAMPLES && count !== 1) {
      found = { name, count, line: node.loc?.start?.line ?? 0 };
    }
  });
  return found;
}

/** Every node of a Handlebars AST, parents before their children. */
function eachNode(value: unknown, visit: (node: AstNode) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) eachNode(item, visit);
    return;
  }
  if (value === null || typeof value !== "object") return;
  visit(value as AstNode);
  for (const [key, child] of Object.entries(value)) if (key !== "loc") eachNode(child, visit);
}

interface PrecompiledFile {
  handlebars: string;
  templates: Record<string, { sha256: string; spec: TemplateSpec }>;
}

const requireLib = createRequire(import.meta.url);

/** The built-ins as `npm run build` precompiled them (scripts/precompile-templates.mjs); null when absent. */
function precompiledBuiltins(): PrecompiledFile | null {
  try {
    const file = requireLib(path.join(packageRoot, "lib", "templates.precompiled.cjs")) as PrecompiledFile;
    return file.handlebars === (requireLib(HANDLEBARS_RUNTIME) as typeof HandlebarsTypes).VERSION ? file : null;
  } catch {
    return null;
  }
}

function listPartials(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^[A-Za-z0-9_-]+\.hbs$/.test(f))
    .map((f) => f.slice(0, -4));
}

/** Every file of the built-in templates/ (page shell, partials, deck.css, themes), relative paths. */
export function builtinTemplateFiles(): string[] {
  const out: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(templatesDir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (/\.(hbs|css)$/.test(entry.name)) out.push(child);
    }
  };
  walk("");
  return out.sort();
}

/** The reference of the data each template receives, copied out beside the templates. */
export const TEMPLATE_REFERENCE = "TEMPLATES.md";

/**
 * docs/templates.md for a folder of its own: its relative links (the theme gallery, the other docs)
 * become links to the same files in the project's repository, at this version.
 */
export function templateReference(markdown: string, docsUrl: string): string {
  return markdown.replace(/\]\((?![a-z][a-z0-9+.-]*:|#|\/)([^)\s]+)\)/gi, (_, target: string) => `](${docsUrl}${target})`);
}

/**
 * Copy the built-in templates and their reference (TEMPLATES.md) into `dir` as a starting point for
 * `--template-dir`. Existing files are left alone unless `force`: all conflicts are reported before
 * anything is written.
 */
export function ejectTemplates(dir: string, force = false): string[] {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new DeckError(`${dir} is a file: pass a folder to copy the templates into`, ExitCode.output);
  }
  const files = [...builtinTemplateFiles(), TEMPLATE_REFERENCE];
  const existing = files.filter((f) => existsSync(path.join(dir, f)));
  if (existing.length > 0 && !force) {
    const shown = existing.slice(0, 3).join(", ") + (existing.length > 3 ? ` and ${existing.length - 3} more` : "");
    throw new DeckError(`${dir} already holds ${shown}: pass --force to overwrite, or choose an empty folder`, ExitCode.output);
  }
  try {
    for (const f of files) {
      const target = path.join(dir, f);
      mkdirSync(path.dirname(target), { recursive: true });
      const contents =
        f === TEMPLATE_REFERENCE
          ? templateReference(readFileSync(path.join(packageRoot, "docs", "templates.md"), "utf8"), packageDocsUrl())
          : readFileSync(path.join(templatesDir, f));
      writeFileAtomic(target, contents);
    }
  } catch (e) {
    if (e instanceof DeckError) throw e;
    throw new DeckError(`cannot write templates into ${dir}: ${(e as NodeJS.ErrnoException).code ?? e}`, ExitCode.output);
  }
  return files;
}
