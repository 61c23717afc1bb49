/**
 * Time whole processes: wall time, CPU time (user + system) and peak resident memory.
 *
 * Under GNU time (`/usr/bin/time -f`) the peak is the largest single process of the tree that was
 * waited for (for a PDF build: Node or one Chromium process; children are not summed), the same
 * figure ../shared/bench-peers/README.md quotes for the peers. Without GNU time, CPU comes from
 * this process's cutime + cstime in /proc/self/stat and the peak is not known.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const GNU_TIME = "/usr/bin/time";

/** Make sure GNU time is there: install it with apt when we may (root), else fall back. */
export function ensureGnuTime(log) {
  if (existsSync(GNU_TIME)) return true;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    log("bench: installing GNU time (apt-get install -y time) to measure peak memory");
    const r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "time"], {
      stdio: "ignore",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (r.status === 0 && existsSync(GNU_TIME)) return true;
  }
  log("bench: no /usr/bin/time: wall and CPU time only, peak memory not measured");
  return false;
}

/** Children's CPU seconds so far, from /proc/self/stat (null off Linux). */
function childrenCpu() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // Fields after the ")" that closes the command name: cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "essay-deck-time-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

/**
 * Run `cmd args` once, to completion. Returns { wall, cpu, rssMiB, status, stdout, stderr }.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, gnuTime: boolean }} options
 */
export function timeProcess(cmd, args, options) {
  const timeFile = path.join(scratch, "time.txt");
  const argv = options.gnuTime ? [GNU_TIME, ["-f", "%U %S %M", "-o", timeFile, cmd, ...args]] : [cmd, args];
  const cpuBefore = options.gnuTime ? null : childrenCpu();
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv[1], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) throw r.error;
  let cpu = null;
  let rssMiB = null;
  if (options.gnuTime) {
    ({ cpu, rssMiB } = readGnuTime(timeFile));
  } else if (cpuBefore !== null) {
    cpu = (childrenCpu() ?? cpuBefore) - cpuBefore;
  }
  return { wall, cpu, rssMiB, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** RSS (bytes) of `root` and of every process below it, from /proc: { single, total }. */
function treeRss(root) {
  const parent = new Map();
  const rss = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(name), Number(f[1]));
      rss.set(Number(name), Number(f[21]) * 4096);
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++) if (p === root) return true;
    return false;
  };
  let single = 0;
  let total = 0;
  for (const [pid, bytes] of rss) {
    if (!inTree(pid)) continue;
    single = Math.max(single, bytes);
    total += bytes;
  }
  return { single, total };
}

/**
 * Like timeProcess, for a command that starts a browser: GNU time only sees the processes that
 * were waited for, and Chromium leaves its renderers to init when it quits, so the tree's resident
 * memory is also sampled from /proc every 100 ms. Adds treeMiB (largest process) and treeTotalMiB
 * (sum of the tree's RSS, which counts shared pages more than once: an upper bound).
 */
export async function timeProcessTree(cmd, args, options) {
  const timeFile = path.join(scratch, "time-tree.txt");
  const argv = options.gnuTime ? [GNU_TIME, ["-f", "%U %S %M", "-o", timeFile, cmd, ...args]] : [cmd, args];
  const start = process.hrtime.bigint();
  const child = spawn(argv[0], argv[1], { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  let single = 0;
  let total = 0;
  const sample = () => {
    const t = treeRss(child.pid);
    single = Math.max(single, t.single);
    total = Math.max(total, t.total);
  };
  const timer = setInterval(sample, 100);
  const status = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code));
  });
  clearInterval(timer);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  let cpu = null;
  let rssMiB = null;
  if (options.gnuTime) ({ cpu, rssMiB } = readGnuTime(timeFile));
  const treeMiB = Math.max(single / 2 ** 20, rssMiB ?? 0);
  return { wall, cpu, rssMiB, treeMiB, treeTotalMiB: total / 2 ** 20, status, stdout, stderr };
}

export function median(values) {
  const v = values.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Median, min and max of each figure over several runs. */
export function summarize(runs) {
  const pick = (key) => runs.map((r) => r[key]);
  const walls = pick("wall");
  return {
    runs: runs.length,
    wall: median(walls),
    wallMin: Math.min(...walls),
    wallMax: Math.max(...walls),
    cpu: median(pick("cpu")),
    rssMiB: median(pick("rssMiB")),
    rssMaxMiB: runs.some((r) => r.rssMiB !== null) ? Math.max(...pick("rssMiB").filter((x) => x !== null)) : null,
    treeMaxMiB: runs.some((r) => r.treeMiB !== undefined) ? Math.max(...pick("treeMiB").filter((x) => x !== undefined)) : null,
    treeTotalMaxMiB: runs.some((r) => r.treeTotalMiB !== undefined)
      ? Math.max(...pick("treeTotalMiB").filter((x) => x !== undefined))
      : null,
  };
}

/** One line describing the machine, for every results table. */
export function machine() {
  const cpus = os.cpus();
  const model = (cpus[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim();
  const gib = Math.round(os.totalmem() / 2 ** 30);
  return `${os.availableParallelism?.() ?? cpus.length} cores (${model}), ${gib} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export const fmt = {
  s: (x) => (x === null || x === undefined ? "—" : x.toFixed(3)),
  mib: (x) => (x === null || x === undefined ? "—" : x.toFixed(1)),
  ratio: (x) => (x === null || x === undefined || !Number.isFinite(x) ? "—" : `×${x.toFixed(2)}`),
  kib: (bytes) => `${Math.round(bytes / 1024).toLocaleString("en")} KiB`,
};

/** CPU seconds and peak RSS from GNU time's "%U %S %M" line (on failure it writes a status line first). */
function readGnuTime(timeFile) {
  const last = readFileSync(timeFile, "utf8").trim().split("\n").at(-1) ?? "";
  const [user, sys, rssKiB] = last.split(" ").map(Number);
  return { cpu: user + sys, rssMiB: rssKiB / 1024 };
}
