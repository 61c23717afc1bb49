/**
 * The folder build on every core: the essays are parsed, planned, rendered and written by a pool
 * of worker threads, each taking the next essay as it finishes one. Results keep the folder's order.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { packageRoot } from "../io/paths.js";
import {
  buildSiteDeck,
  finishSite,
  planSite,
  progressLine,
  type SiteDeck,
  type SiteOptions,
  type SiteResult,
  unchangedDeck,
} from "./build.js";
import type { SiteEssay } from "./names.js";
import { received, type WorkerJob, type WorkerReply } from "./worker.js";

/**
 * Below this many essays to build, starting workers (each loads essay-deck anew, about 0.1 s) costs
 * more than they save: the essays are built on the main thread.
 */
export const MIN_ESSAYS_PER_WORKER = 6;

/** The worker's module: the compiled one in lib/, whether this runs from source (the tests), lib/ or the CLI's bundle. */
const workerFile = (): string => path.join(packageRoot, "lib", "site", "worker.js");

export async function buildSiteDecksInPool(options: SiteOptions, threads = availableParallelism()): Promise<SiteResult> {
  const plan = planSite(options);
  const { progress, ...rest } = options;
  const total = plan.essays.length;
  const decks: SiteDeck[] = new Array(total);
  let finished = 0;
  const report = (i: number, d: SiteDeck) => {
    decks[i] = d;
    finished++;
    progress?.(progressLine(d, finished, total), d);
  };
  // Unchanged essays are known by their hashes at once; only the others go to the pool.
  const todo: number[] = [];
  plan.essays.forEach((essay, i) => {
    const same = unchangedDeck(essay, plan, rest);
    if (same) report(i, same);
    else todo.push(i);
  });
  const size = Math.min(threads, Math.floor(todo.length / MIN_ESSAYS_PER_WORKER));
  if (size < 2) {
    for (const i of todo) report(i, buildSiteDeck(plan.essays[i] as SiteEssay, plan, rest));
    return finishSite(plan, decks, options);
  }
  let next = 0;
  const workers = Array.from({ length: size }, () => new Worker(workerFile()));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const send = () => {
              if (next >= todo.length) return resolve();
              current = todo[next++] as number;
              const job: WorkerJob = { essay: plan.essays[current] as SiteEssay, plan, options: rest };
              worker.postMessage(job);
            };
            worker.on("message", (reply: WorkerReply) => {
              report(current, received(reply));
              send();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (next < todo.length || decks[current] === undefined) reject(new Error(`a build worker stopped (exit ${code})`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return finishSite(plan, decks, options);
}
