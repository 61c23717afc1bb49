/**
 * Paired runs against the peers of ../shared/bench-peers: our CLI and one peer, alternately, on the
 * same essay, so that a busy machine slows both alike; the figure that counts is the ratio of medians.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fmt, summarize, timeProcess, timeProcessTree } from "./measure.mjs";

/** The titles ../shared/bench-peers/make-*.py give the peers' decks, so every deck has the same title slide. */
const PEER_TITLE = "DeepSeek與人工智能的顛覆性創新";
export const peerTitle = (size) => (size === "ref" ? PEER_TITLE : `${PEER_TITLE}(${size}點)`);

export function findPeers(root) {
  const dir = path.resolve(root, "..", "shared", "bench-peers");
  if (!existsSync(path.join(dir, "run-peer.sh")) || !existsSync(path.join(dir, "setup.sh"))) {
    throw new Error(
      `bench --peers: ${dir} is missing: the peer benchmarks (setup.sh, run-peer.sh) must sit in ../shared/bench-peers beside the repository`,
    );
  }
  return dir;
}

/** Install the peers and their inputs under $PEERS (idempotent). */
export function setupPeers(dir, log) {
  log(`bench: bash ${dir}/setup.sh`);
  const r = spawnSync("bash", [path.join(dir, "setup.sh")], { stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`bench --peers: setup.sh failed (exit ${r.status})`);
}

export const peersHome = () => process.env.PEERS ?? "/tmp/peers";

/**
 * Time `ours` and the peer alternately: one warm-up each, then `runs` pairs.
 * @param {{ dir: string, kind: string, size: string, runs: number, warmups: number, gnuTime: boolean, tree?: boolean,
 *   ours: { cmd: string, args: string[], cwd: string }, peer?: { cmd: string, args: string[], cwd: string },
 *   log: (s: string) => void }} pair  (peer: run directly instead of through run-peer.sh KIND SIZE)
 */
export async function timePair(pair) {
  const peer = pair.peer ?? { cmd: "bash", args: [path.join(pair.dir, "run-peer.sh"), pair.kind, pair.size], cwd: pair.dir };
  // A browser's processes outlive what GNU time sees: sample the whole tree for PDF pairs.
  const run = pair.tree ? timeProcessTree : timeProcess;
  const once = async (what, label) => {
    const r = await run(what.cmd, what.args, { cwd: what.cwd, gnuTime: pair.gnuTime });
    if (r.status !== 0) {
      throw new Error(`bench: ${label} ${pair.size} failed (exit ${r.status}):\n${(r.stderr || r.stdout).slice(-2000)}`);
    }
    return r;
  };
  const ours = [];
  const theirs = [];
  for (let i = 0; i < pair.warmups + pair.runs; i++) {
    const a = await once(pair.ours, "essay-deck");
    const b = await once(peer, pair.kind);
    if (i >= pair.warmups) {
      ours.push(a);
      theirs.push(b);
    }
  }
  const o = summarize(ours);
  const t = summarize(theirs);
  pair.log(
    `  ${pair.kind.padEnd(14)} ${pair.size.padEnd(5)} ours ${fmt.s(o.wall)} s  peer ${fmt.s(t.wall)} s  ${fmt.ratio(o.wall / t.wall)}`,
  );
  return { kind: pair.kind, size: pair.size, ours: o, peer: t, ratio: o.wall / t.wall };
}
