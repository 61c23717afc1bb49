/**
 * A folder of essays (`npm run bench -- --folder`): 100 copies-with-variations of the reference
 * essay, built as one folder (`build essays/ -o site`) against a shell loop of single builds (one
 * Node, and for PDFs one Chromium, per essay) and against `marp -I` on the same content (the Marp
 * version of the reference, from ../shared/bench-peers), HTML and HTML + slides PDF. Fresh output
 * each run: nothing is skipped as unchanged.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fmt, summarize, timeProcess } from "./measure.mjs";
import { peersHome } from "./peers.mjs";

const ESSAYS = 100;

/** The reference essay, varied per copy: its own title line and one number changed in its text, so no two are alike. */
function variations(root, dir) {
  const text = readFileSync(path.join(root, "content", "essay.zh-Hant.txt"), "utf8");
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= ESSAYS; i++) {
    const n = String(i).padStart(3, "0");
    writeFileSync(path.join(dir, `essay-${n}.txt`), `人工智能的顛覆性創新之${n}\n\n${text.replace(/DeepSeek/, `DeepSeek-${n}`)}`);
  }
}

/** The Marp deck of the reference, 100 times with the same variation, for `marp -I`. */
function marpVariations(dir) {
  const source = path.join(peersHome(), "inputs", "ref", "marp.md");
  if (!existsSync(source)) return false;
  const text = readFileSync(source, "utf8");
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= ESSAYS; i++) {
    const n = String(i).padStart(3, "0");
    writeFileSync(path.join(dir, `essay-${n}.md`), text.replace(/DeepSeek/, `DeepSeek-${n}`));
  }
  return true;
}

/**
 * Time each case `runs` times, the cases alternating run by run (paired, as the other peer runs),
 * each on a fresh output folder.
 */
function paired(cases, runs, log) {
  const results = cases.map(() => []);
  for (let r = 0; r <= runs; r++) {
    cases.forEach((c, i) => {
      rmSync(c.out, { recursive: true, force: true });
      const t = timeProcess(c.cmd, c.args, { cwd: c.cwd, gnuTime: false, env: c.env });
      if (t.status !== 0) throw new Error(`bench --folder: ${c.name} failed (exit ${t.status}): ${t.stderr.slice(-400)}`);
      if (r > 0) results[i].push(t); // run 0 warms the disk cache and the CPU
      log(`bench --folder: ${c.name} run ${r}: ${fmt.s(t.wall)}`);
    });
  }
  return results.map((rs) => summarize(rs));
}

export function benchFolder({ root, bin, work, runs, pdf, log }) {
  const essays = path.join(work, "folder-essays");
  variations(root, essays);
  const marpIn = path.join(work, "folder-marp");
  const hasMarp = marpVariations(marpIn);
  const marp = path.join(peersHome(), "node_modules", ".bin", "marp");
  const loop = (extra) =>
    `for f in "${essays}"/*.txt; do n=$(basename "$f" .txt); "${process.execPath}" "${bin}" build "$f" -o "${work}/loop/$n" -q ${extra} || exit 1; done`;
  const rows = [];
  for (const kind of pdf ? ["html", "pdf"] : ["html"]) {
    const flags = kind === "pdf" ? ["--pdf"] : [];
    const cases = [
      {
        name: `folder ${kind}`,
        cmd: process.execPath,
        args: [bin, "build", essays, "-o", path.join(work, "site"), "-q", ...flags],
        out: path.join(work, "site"),
      },
      { name: `loop ${kind}`, cmd: "bash", args: ["-c", loop(flags.join(" "))], out: path.join(work, "loop") },
    ];
    if (hasMarp) {
      cases.push({
        name: `marp -I ${kind}`,
        cmd: marp,
        args: ["--no-config-file", "-I", marpIn, "-o", path.join(work, "marp-out"), ...(kind === "pdf" ? ["--pdf"] : [])],
        out: path.join(work, "marp-out"),
        env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" },
      });
    }
    const n = kind === "pdf" ? Math.max(1, Math.min(runs, 2)) : runs;
    const [ours, shellLoop, peer] = paired(cases, n, log);
    rows.push({ kind, ours, shellLoop, peer, runs: n });
  }
  const lines = [
    `100 copies of the reference essay (22 slides each), fresh output each run; runs alternate (paired), median of the timed runs after one warm-up.`,
    "",
    "| job | `build essays/` | shell loop of `build essay.txt` | ratio | `marp -I` | ratio |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.kind === "pdf" ? "HTML + slides PDF" : "HTML"} (${r.runs} runs) | ${fmt.s(r.ours.wall)} | ${fmt.s(r.shellLoop.wall)} | ×${(r.ours.wall / r.shellLoop.wall).toFixed(2)} | ${
          r.peer ? fmt.s(r.peer.wall) : "—"
        } | ${r.peer ? `×${(r.ours.wall / r.peer.wall).toFixed(2)}` : "—"} |`,
    ),
  ];
  return lines.join("\n");
}
