#!/usr/bin/env node
/**
 * npm run bench [-- options]: whole `essay-deck build` processes, timed from outside.
 *
 *   (no option)     HTML build of the reference essay and of synthetic essays of 16, 160, 1,600 and
 *                   16,000 points; slides PDF and slides + handout for the reference and a 500-slide
 *                   essay, slides PDF of 1,600 points (when `build --pdf` exists)
 *   --sizes LIST    sizes to build, e.g. ref,16,160 (default ref,16,160,1600,16000)
 *   --runs N        timed runs per case after the warm-up (default 5; fewer for the largest, stated)
 *   --no-pdf        HTML only
 *   --quick         ref, 16 and 160 only, 3 runs, PDF of the reference only; prints, writes nothing
 *   --peers         only the paired runs against `node -e ''` (Node's own start), reveal-md, Marp and pandoc
 *                   (../shared/bench-peers); with --no-pdf, HTML pairs only
 *   --folder        only a folder of 100 essays: `build essays/` against a shell loop of single builds
 *                   and `marp -I` (bench/folder.mjs), HTML and (unless --no-pdf) slides PDF
 *   --exports       only the exports of the reference, taking turns: HTML alone, --pptx, --single-file,
 *                   --pdf and --png; wall time and file sizes
 *
 * Writes the sections it measured into bench/results.md (the others are kept) and prints them.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureGnuTime, fmt, machine, summarize, timeProcess, timeProcessTree } from "./measure.mjs";
import { findPeers, peersHome, peerTitle, setupPeers, timePair } from "./peers.mjs";

const root = path.resolve(import.meta.dirname, "..");
// The CLI as users run it: package.json's bin (the bundle `npm run build` makes).
const bin = path.join(root, JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).bin["essay-deck"]);
const resultsFile = path.join(root, "bench", "results.md");
const log = (line) => process.stderr.write(`${line}\n`);
const loadAtStart = os.loadavg()[0];

const { values: opts } = parseArgs({
  options: {
    sizes: { type: "string" },
    runs: { type: "string" },
    "no-pdf": { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    peers: { type: "boolean", default: false },
    folder: { type: "boolean", default: false },
    exports: { type: "boolean", default: false },
  },
});
const runs = opts.runs ? Number(opts.runs) : opts.quick ? 3 : 5;
const sizes = (opts.sizes ?? (opts.quick ? "ref,16,160" : "ref,16,160,1600,16000")).split(",").map((s) => s.trim());
for (const s of sizes) {
  if (s !== "ref" && !(Number.isInteger(Number(s)) && Number(s) > 0)) throw new Error(`bench: bad size "${s}" in --sizes`);
}

// Measure the current source: build lib/ first, as `npm run build` does (tsc, the precompiled templates, the bundle).
log("bench: building lib/ (tsc, precompiled templates, the CLI's bundle)");
for (const step of [
  [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"],
  [path.join(root, "scripts", "precompile-templates.mjs")],
  [path.join(root, "scripts", "bundle.mjs")],
]) {
  const r = spawnSync(process.execPath, step, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`bench: ${path.basename(step[0])} failed`);
}

const { makeEssay, referenceOutline } = await import("./make-essay.mjs");
const { parseEssay } = await import("../lib/parse/index.js");
const { planDeck } = await import("../lib/plan/index.js");
const reference = await referenceOutline();
const gnuTime = ensureGnuTime(log);
const work = mkdtempSync(path.join(os.tmpdir(), "essay-deck-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const buildHelp = spawnSync(process.execPath, [bin, "build", "--help"], { encoding: "utf8" }).stdout;
const hasPdf = buildHelp.includes("--pdf") && buildHelp.includes("--handout");

/** An essay of `size` points written to the work folder: [build arguments before the flags, essay bytes]. */
function essayArgs(size) {
  if (size === "ref") {
    const file = path.join(root, "content", "essay.zh-Hant.txt");
    return { input: [path.join(root, "content")], bytes: readFileSync(file).length };
  }
  const dir = path.join(work, `essay-${size}`);
  const file = path.join(dir, "essay.txt");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, makeEssay(reference, Number(size)));
  }
  return { input: [file, "--title", peerTitle(size)], bytes: readFileSync(file).length };
}

/** The fewest points whose deck has at least `slides` slides. */
function pointsForSlides(slides) {
  const count = (n) => planDeck(parseEssay(makeEssay(reference, n))).slides.length;
  let lo = 1;
  let hi = slides;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (count(mid) >= slides) hi = mid;
    else lo = mid + 1;
  }
  return { points: lo, slides: count(lo) };
}

/**
 * Build each case `warmups + n` times, the cases taking turns (a, b, a, b…) so that a busy machine
 * weighs on all of them alike; the summary of each one's timed runs, with the slide count the CLI printed.
 */
async function timeCases(cases, n, warmups, tree = false) {
  const state = cases.map((c) => ({
    ...c,
    out: path.join(work, "out", c.label.replace(/[^\w.-]+/g, "_")),
    runs: [],
    slides: null,
  }));
  for (let i = 0; i < warmups + n; i++) {
    for (const c of state) {
      const argv = [bin, "build", ...c.args, "-o", c.out];
      const r = tree
        ? await timeProcessTree(process.execPath, argv, { cwd: work, gnuTime })
        : timeProcess(process.execPath, argv, { cwd: work, gnuTime });
      if (r.status !== 0) throw new Error(`bench: ${c.label} failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
      c.slides ??= Number(/: (\d+) slides/.exec(r.stdout + r.stderr)?.[1]) || null;
      if (i >= warmups) c.runs.push(r);
    }
  }
  return state.map((c) => {
    const s = { label: c.label, slides: c.slides, warmups, ...summarize(c.runs) };
    log(`  ${c.label.padEnd(34)} ${fmt.s(s.wall)} s  cpu ${fmt.s(s.cpu)} s  ${fmt.mib(s.rssMiB)} MiB  (${s.runs} runs)`);
    return s;
  });
}

const timeCase = async (label, args, n, warmups) => (await timeCases([{ label, args }], n, warmups))[0];

/** Fewer runs where one takes long: the 16,000-point build and the big PDFs. */
const runsFor = (size) => (size === "16000" ? { n: Math.min(runs, 3), warmups: 1 } : { n: runs, warmups: 1 });

async function scaleSection() {
  log("bench: HTML build");
  const rows = [];
  for (const size of sizes) {
    const e = essayArgs(size);
    const { n, warmups } = runsFor(size);
    rows.push({ size, bytes: e.bytes, ...(await timeCase(`html ${size}`, e.input, n, warmups)) });
  }
  const table = [
    "| essay | bytes | slides | runs | wall s (median) | min–max | cpu s | peak MiB |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.size === "ref" ? "reference" : `${r.size} points`} | ${r.bytes.toLocaleString("en")} | ${r.slides ?? "—"} | ${r.warmups}+${r.runs} | ${fmt.s(r.wall)} | ${fmt.s(r.wallMin)}–${fmt.s(r.wallMax)} | ${fmt.s(r.cpu)} | ${fmt.mib(r.rssMiB)} |`,
    ),
  ];
  return { rows, text: ["### HTML build (`essay-deck build`)", "", ...table].join("\n") };
}

async function pdfSection() {
  if (!hasPdf) {
    log("bench: `build --pdf/--handout` not available yet: PDF figures pending");
    return { rows: [], text: "### PDF export\n\nPending: `essay-deck build --pdf --handout` was not available when this ran." };
  }
  log("bench: PDF export");
  const big = pointsForSlides(500);
  const cases = [{ size: "ref", name: "reference", n: runs, warmups: 1 }];
  if (!opts.quick) {
    cases.push({
      size: String(big.points),
      name: `${big.points} points (${big.slides} slides)`,
      n: Math.min(runs, 3),
      warmups: 1,
    });
    cases.push({ size: "1600", name: "1600 points", n: 1, warmups: 0, slidesOnly: true });
  }
  const rows = [];
  for (const c of cases) {
    const e = essayArgs(c.size);
    const dir = path.join(work, `pdf-${c.size}`);
    mkdirSync(dir, { recursive: true });
    // Each variant prints to its own files: a PDF one build wrote is not another build's to replace.
    const slides = ["--pdf", path.join(dir, "slides.pdf")];
    const handout = ["--pdf", path.join(dir, "with-handout.pdf"), "--handout", path.join(dir, "handout.pdf")];
    const variants = [{ label: `pdf ${c.size}`, args: [...e.input, ...slides] }];
    if (!c.slidesOnly) variants.push({ label: `pdf+handout ${c.size}`, args: [...e.input, ...handout] });
    const [a, b] = await timeCases(variants, c.n, c.warmups, true);
    rows.push({ ...c, what: "slides PDF", ...a });
    if (b) rows.push({ ...c, what: "slides + handout", ...b, extra: (b.wall - a.wall) / a.wall });
  }
  const table = [
    "| essay | output | slides | runs | wall s (median) | min–max | Node cpu s | largest process MiB | all processes MiB | handout adds |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.what} | ${r.slides ?? "—"} | ${r.warmups}+${r.runs} | ${fmt.s(r.wall)} | ${fmt.s(r.wallMin)}–${fmt.s(r.wallMax)} | ${fmt.s(r.cpu)} | ${fmt.mib(r.treeMaxMiB)} | ${fmt.mib(r.treeTotalMaxMiB)} | ${r.extra === undefined ? "" : `${(r.extra * 100).toFixed(0)} %`} |`,
    ),
  ];
  const note = [
    "Slides and slides + handout builds take turns. Memory is sampled from /proc every 100 ms over the whole process",
    "tree (GNU time misses Chromium's renderers, which Chromium leaves to init when it quits): the largest single",
    "process, and the sum of all (which counts shared pages more than once: an upper bound); the highest of the timed runs.",
    "Node cpu s is what GNU time saw: Node and the Chromium processes it waited for, not all of Chromium's work.",
    "The 1,600-point PDF is one run, no warm-up.",
  ].join("\n");
  return { rows, text: ["### PDF export (`essay-deck build --pdf`, `--handout`)", "", ...table, "", note].join("\n") };
}

/** The goals a run of our own builds can check: memory and growth at 16,000 points, the handout's cost. */
function targetsSection(html, pdf) {
  const at = (size) => html.find((r) => r.size === size);
  const lines = [];
  const check = (label, ok, detail) => lines.push(`| ${label} | ${detail} | ${ok ? "holds" : "**misses**"} |`);
  const p1600 = at("1600");
  const p16000 = at("16000");
  if (p1600 && p16000) {
    const growth = p16000.wall / p1600.wall;
    check(
      "HTML, 16,000 points: time linear (≤ 11 × the 1,600 time)",
      growth <= 11,
      `${fmt.s(p16000.wall)} s = ×${growth.toFixed(2)}`,
    );
  }
  if (p16000 && p16000.rssMaxMiB !== null) {
    check("HTML, 16,000 points: peak memory < 160 MiB", p16000.rssMaxMiB < 160, `${fmt.mib(p16000.rssMaxMiB)} MiB`);
  }
  for (const r of pdf.filter((x) => x.what === "slides + handout")) {
    check(`handout adds ≤ 15 %, ${r.name}`, r.extra <= 0.15, `${(r.extra * 100).toFixed(0)} %`);
  }
  if (lines.length === 0) return null;
  return [
    "### Targets of our own builds",
    "",
    "The ratios to Node and the peers are checked by `npm run bench -- --peers` (Paired targets).",
    "",
    "| target | measured | |",
    "|---|---|---|",
    ...lines,
  ].join("\n");
}

/** The goals set against Node's own start and the peers, from this run's pairs. */
function pairedTargets(pairs) {
  const find = (what, size, kind) => pairs.find((p) => p.what === what && p.size === size && p.kind === kind);
  const goals = [
    ["HTML", "ref", "node -e ''", 1.5, "HTML, reference: ≤ 1.5 × `node -e ''`"],
    ["HTML", "1600", "pandoc-html", 0.3, "HTML, 1,600 points: ≤ 0.3 × pandoc"],
    ["slides PDF", "ref", "marp-pdf", 0.4, "slides PDF, reference: ≤ 0.4 × Marp"],
    ["slides PDF", "1600", "marp-pdf", 0.5, "slides PDF, 1,600 points: ≤ 0.5 × Marp"],
  ];
  const lines = goals.flatMap(([what, size, kind, limit, label]) => {
    const p = find(what, size, kind);
    return p ? [`| ${label} | ${fmt.ratio(p.ratio)} | ${p.ratio <= limit ? "holds" : "**misses**"} |`] : [];
  });
  if (lines.length === 0) return "";
  return ["", "#### Paired targets", "", "| target | paired ratio | |", "|---|---|---|", ...lines].join("\n");
}

async function peersSection() {
  const dir = findPeers(root);
  setupPeers(dir, log);
  const inputs = path.join(peersHome(), "inputs");
  const pairs = [];
  const htmlSizes = opts.sizes ? sizes.filter((s) => existsSync(path.join(inputs, s))) : ["ref", "160", "1600"];
  const n = opts.runs ? runs : opts.quick ? 3 : 5;
  const ours = (size, extra = []) => ({
    cmd: process.execPath,
    args: [
      bin,
      "build",
      path.join(inputs, size, "essay.txt"),
      "--title",
      peerTitle(size),
      "-o",
      path.join(work, `peer-ours-${size}`),
      ...extra,
    ],
    cwd: work,
  });
  log("bench: paired runs, ours then the peer, alternately");
  // The floor: Node starting and doing nothing, run directly (not through run-peer.sh's bash).
  if (htmlSizes.includes("ref")) {
    const node = { cmd: process.execPath, args: ["-e", ""], cwd: work };
    pairs.push({
      what: "HTML",
      ...(await timePair({
        dir,
        kind: "node -e ''",
        size: "ref",
        runs: n,
        warmups: 1,
        gnuTime,
        ours: ours("ref"),
        peer: node,
        log,
      })),
    });
  }
  for (const size of htmlSizes) {
    for (const kind of ["pandoc-html", "marp-html", "revealmd-html"]) {
      pairs.push({ what: "HTML", ...(await timePair({ dir, kind, size, runs: n, warmups: 1, gnuTime, ours: ours(size), log })) });
    }
  }
  if (hasPdf && !opts["no-pdf"]) {
    const pdf = (size) => ours(size, ["--pdf", path.join(work, `peer-ours-${size}.pdf`)]);
    pairs.push({
      what: "slides PDF",
      ...(await timePair({
        dir,
        kind: "marp-pdf",
        size: "ref",
        runs: n,
        warmups: 1,
        gnuTime,
        tree: true,
        ours: pdf("ref"),
        log,
      })),
    });
    if (!opts.quick) {
      pairs.push({
        what: "slides PDF",
        ...(await timePair({
          dir,
          kind: "marp-pdf",
          size: "1600",
          runs: 1,
          warmups: 0,
          gnuTime,
          tree: true,
          ours: pdf("1600"),
          log,
        })),
      });
    }
  } else if (!hasPdf) {
    log("bench: `build --pdf` not available yet: PDF pairs pending");
  }
  const table = [
    "| output | essay | peer | runs | essay-deck s | peer s | ratio | essay-deck cpu s | peer cpu s | essay-deck MiB | peer MiB |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...pairs.map(
      (p) =>
        `| ${p.what} | ${p.size === "ref" ? "reference" : `${p.size} points`} | ${p.kind.replace(/-(html|pdf)$/, "")} | ${p.ours.runs} | ${fmt.s(p.ours.wall)} | ${fmt.s(p.peer.wall)} | **${fmt.ratio(p.ratio)}** | ${fmt.s(p.ours.cpu)} | ${fmt.s(p.peer.cpu)} | ${fmt.mib(p.ours.treeMaxMiB ?? p.ours.rssMiB)} | ${fmt.mib(p.peer.treeMaxMiB ?? p.peer.rssMiB)} |`,
    ),
  ];
  const notes = [
    "Each row: one warm-up of each, then essay-deck and the peer alternately, whole processes (`essay-deck build …`, the bundle package.json names, against",
    "`bash ../shared/bench-peers/run-peer.sh KIND SIZE`, which adds about 25 ms); ratio = essay-deck median / peer median (below 1: we are faster).",
    "MiB = the largest single process (for PDF rows sampled over the whole process tree from /proc, as GNU time misses Chromium's renderers).",
    hasPdf ? "" : "\nPDF pairs pending: `build --pdf` was not available when this ran.",
  ].join("\n");
  return ["### Side by side with the peers", "", ...table, "", notes, pairedTargets(pairs)].join("\n");
}

/** The reference's exports, each a whole build, taking turns; sizes of what they wrote. */
async function exportsSection() {
  log("bench: exports of the reference");
  const e = essayArgs("ref");
  const dir = path.join(work, "exports");
  const variants = [
    { label: "html", args: [...e.input], files: [] },
    { label: "pptx", args: [...e.input, "--pptx", path.join(dir, "deck.pptx")], files: ["deck.pptx"] },
    { label: "single-file", args: [...e.input, "--single-file"], files: [] },
    { label: "pdf", args: [...e.input, "--pdf", path.join(dir, "deck.pdf")], files: ["deck.pdf"] },
    { label: "png", args: [...e.input, "--png", path.join(dir, "png")], files: [] },
  ];
  mkdirSync(dir, { recursive: true });
  const rows = await timeCases(variants, runs, 1, true);
  const at = (label) => rows.find((r) => r.label === label);
  const size = (file) => (existsSync(file) ? readFileSync(file).length : 0);
  const pngDir = path.join(dir, "png");
  const pngs = existsSync(pngDir) ? readdirSync(pngDir).filter((f) => f.endsWith(".png")) : [];
  const sizes = {
    html: "",
    pptx: fmt.kib(size(path.join(dir, "deck.pptx"))),
    "single-file": fmt.kib(size(path.join(work, "out", "single-file", "index.html"))),
    pdf: fmt.kib(size(path.join(dir, "deck.pdf"))),
    png: `${pngs.length} × ${fmt.kib(pngs.reduce((n, f) => n + size(path.join(pngDir, f)), 0) / Math.max(1, pngs.length))}`,
  };
  const html = at("html");
  const table = [
    "| build of the reference | runs | wall s (median) | min–max | adds to the HTML build | largest process MiB | output |",
    "|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.label === "html" ? "HTML only" : `--${r.label}`} | ${r.warmups}+${r.runs} | ${fmt.s(r.wall)} | ${fmt.s(r.wallMin)}–${fmt.s(r.wallMax)} | ${r === html ? "" : `${fmt.s(r.wall - html.wall)} s`} | ${fmt.mib(r.treeMaxMiB)} | ${sizes[r.label] ?? ""} |`,
    ),
  ];
  const png = at("png");
  const pdf = at("pdf");
  const pptx = at("pptx");
  const checks = [
    `- PPTX adds ${fmt.s(pptx.wall - html.wall)} s to the HTML build (target: well under 1 s, no browser)`,
    `- PNG / slides PDF: ${(png.wall / pdf.wall).toFixed(2)} × (target ≤ 1.5 ×)`,
  ];
  return ["### Exports of the reference (`--pptx`, `--single-file`, `--pdf`, `--png`)", "", ...table, "", ...checks].join("\n");
}

/** Replace the marked sections of results.md that this run measured; keep the others. */
function writeResults(sections) {
  const header = [
    "# essay-deck benchmarks",
    "",
    "Written by `npm run bench` (`bench/bench.mjs`): `npm run bench` measures our own builds at every size,",
    "`npm run bench -- --peers` times our CLI and each peer alternately on the same essay (after",
    "`bash ../shared/bench-peers/setup.sh`). Each section says when and where it was measured; the",
    "synthetic essays come from `bench/make-essay.mjs` (the reference's shape, its paragraphs reused).",
    "Whole processes timed from outside: wall time, CPU time (user + system) and peak resident memory",
    "(GNU time's maximum RSS: the largest single process). Median of the timed runs after the warm-ups (runs = warm-ups + timed).",
    "",
  ].join("\n");
  let text = existsSync(resultsFile) ? readFileSync(resultsFile, "utf8") : header;
  for (const [name, body] of Object.entries(sections)) {
    if (body === null) continue;
    const block = `<!-- bench:${name} -->\n${body}\n<!-- /bench:${name} -->`;
    const re = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
    text = re.test(text) ? text.replace(re, () => block) : `${text.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(resultsFile, text);
}

const stamp = `_${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · ${machine()} · load average ${loadAtStart.toFixed(1)} at the start_`;
const sections = {};
if (opts.peers) {
  sections.peers = `${await peersSection()}\n\n${stamp}`;
} else if (opts.exports) {
  sections.exports = `${await exportsSection()}\n\n${stamp}`;
} else if (opts.folder) {
  const { benchFolder } = await import("./folder.mjs");
  const text = benchFolder({ root, bin, work, runs: opts.runs ? runs : 3, pdf: !opts["no-pdf"], log });
  sections.folder = `### A folder of essays (\`essay-deck build essays/\`)\n\n${text}\n\n${stamp}`;
} else {
  const html = await scaleSection();
  const pdf = opts["no-pdf"] ? null : await pdfSection();
  sections.html = `${html.text}\n\n${stamp}`;
  if (pdf) sections.pdf = `${pdf.text}\n\n${stamp}`;
  const targets = targetsSection(html.rows, pdf?.rows ?? []);
  if (targets) sections.targets = `${targets}\n\n${stamp}`;
}
process.stdout.write(`\n${Object.values(sections).join("\n\n")}\n`);
if (opts.quick) log("bench: --quick: results.md left as it was");
else {
  writeResults(sections);
  log(`bench: wrote ${path.relative(process.cwd(), resultsFile)}`);
}
