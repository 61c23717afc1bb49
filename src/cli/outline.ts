import path from "node:path";
import type { Command } from "commander";
import { deckFromEssay, loadEssay } from "../build.js";
import { mixedScriptWarning, otherScriptChars } from "../convert/mixed.js";
import { loadConverter } from "../convert/opencc.js";
import { isSiteInput } from "../io/input.js";
import type { Outline } from "../model/outline.js";
import { outlineToJson } from "../parse/index.js";
import { scriptOf } from "../text/languages/index.js";
import { createLogger } from "./log.js";
import type { CliIO } from "./options.js";
import { addEssayOptions, essayOptions } from "./options.js";
import type { OutlineFlags } from "./outline-folder.js";

export function registerOutline(program: Command, io: CliIO): void {
  const cmd = program
    .command("outline")
    .description("show the parts and numbered points found in the essay (a tree, or --json)")
    .argument("[input]", "essay file or folder (default: ./content/)")
    .option("--json", "print the outline as JSON on stdout")
    .option("-r, --recursive", "with a folder: the essays of its subfolders too");
  addEssayOptions(cmd).action(async (input: string | undefined, flags: OutlineFlags) => {
    if (isSiteInput(input, io.cwd, flags.recursive)) {
      return (await import("./outline-folder.js")).outlineFolder(input ?? "content", flags, io, (outline, loaded) =>
        formatTree(outline, continuedSlides(deckFromEssay(loaded).slides)),
      );
    }
    const loaded = loadEssay(essayOptions(input, flags, io));
    const outline: Outline = {
      ...loaded.outline,
      title: loaded.settings.title ?? loaded.outline.title,
      lang: loaded.settings.lang ?? loaded.outline.lang,
    };
    const log = createLogger(io, flags.quiet);
    for (const w of loaded.warnings) log.warn(w);
    const mixed = loaded.settings.script ? null : mixedScript(loaded.outline, path.basename(loaded.essayPath));
    if (mixed) log.warn(mixed);
    if (flags.json) {
      io.stdout(`${JSON.stringify(outlineToJson(outline), null, 2)}\n`);
      return;
    }
    io.stdout(formatTree(outline, continuedSlides(deckFromEssay(loaded).slides)));
  });
}

/** The warning for characters of the other script in a Chinese essay (OpenCC loads only here). */
function mixedScript(outline: Outline, essayName: string): string | null {
  const own = scriptOf(outline.lang);
  if (own !== "zh-Hant" && own !== "zh-Hans") return null;
  const convert = loadConverter(own === "zh-Hant" ? "hant" : "hans");
  return mixedScriptWarning(otherScriptChars(outline.paragraphs, convert), essayName, own);
}

/** How many slides each continued point takes, by the point's slide id (part-1-point-2 → 2). */
export function continuedSlides(slides: ReadonlyArray<{ id: string; continued?: boolean }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of slides) {
    if (!s.continued) continue;
    const base = s.id.replace(/-cont-\d+$/, "");
    counts.set(base, (counts.get(base) ?? 1) + 1);
  }
  return counts;
}

export function formatTree(outline: Outline, continued: Map<string, number> = new Map()): string {
  const clip = (t: string, n = 60) => (t.length > n ? `${t.slice(0, n)}…` : t);
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  /** A node's lines: its own, then its children's, drawn with ├─/└─ and │ as a tree. */
  type Node = { text: string; children: Node[] };
  // A Markdown point's blocks, by kind: "list, image".
  const kinds = new Map((outline.blocks ?? []).map((b) => [b.source, b.block?.kind ?? (b.images.length ? "image" : "")]));
  const blocksOf = (paragraphs: readonly string[]) => {
    const found = paragraphs.map((p) => kinds.get(p)).filter((k): k is string => !!k);
    return found.length ? `: ${found.join(", ")}` : "";
  };
  const parts: Node[] = outline.parts.map((part, n) => ({
    text: clip(part.title || part.heading || "(untitled part)"),
    children: [
      ...(part.intro.length ? [{ text: `intro: ${count(part.intro.length, "paragraph")}`, children: [] }] : []),
      ...part.points.map((p, i) => {
        const slides = continued.get(`part-${n + 1}-point-${i + 1}`);
        return {
          text: `${p.label}  ${clip(p.headline)}  (${p.paragraphs.length} ¶${blocksOf(p.paragraphs)})`,
          children: slides
            ? [
                {
                  text: `continued: ${slides} slides (its key sentences${kinds.size ? " or blocks" : ""} do not fit on one)`,
                  children: [],
                },
              ]
            : [],
        };
      }),
      ...(part.closing.length ? [{ text: `closing: ${count(part.closing.length, "paragraph")}`, children: [] }] : []),
    ],
  }));
  const top: Node[] = [
    ...(outline.preface.length ? [{ text: `preface: ${count(outline.preface.length, "paragraph")}`, children: [] }] : []),
    ...parts,
    ...(outline.signature.length
      ? [{ text: `signature: ${count(outline.signature.length, "line")} (in the last slide's notes)`, children: [] }]
      : []),
    ...(outline.references.length ? [{ text: `references: ${outline.references.length}`, children: [] }] : []),
  ];
  const lines = [
    `${outline.title ?? "(no title)"}  [${outline.lang}, ${count(outline.paragraphs.length, "paragraph")}]`,
    ...describeStructure(outline.structure),
  ];
  const draw = (nodes: Node[], indent: string) => {
    nodes.forEach((node, i) => {
      const last = i === nodes.length - 1;
      lines.push(`${indent}${last ? "└─" : "├─"} ${node.text}`);
      draw(node.children, `${indent}${last ? "   " : "│  "}`);
    });
  };
  draw(top, "");
  return `${lines.join("\n")}\n`;
}

/** What the structure reader chose and why, in a line or two above the tree. */
export function describeStructure(s: Outline["structure"]): string[] {
  const use = (u: { scheme: string; count: number }) => `${u.scheme} (${u.count})`;
  const title = s.title ? `title: ${s.title}` : null;
  const parts = `parts: ${s.parts ? use(s.parts) : "none (one part)"}`;
  const points = `points: ${s.points.length ? s.points.map(use).join(", ") : "none (a slide per paragraph)"}`;
  return [`structure: ${[title, parts, points].filter(Boolean).join(" · ")}`, ...s.notes.map((n) => `  ${n}`)];
}
