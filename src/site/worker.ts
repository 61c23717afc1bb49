/**
 * A worker of the folder build's pool: it builds the essays it is sent, one at a time, and answers
 * with each deck. Only plain data crosses: a failure travels as its message and exit code.
 */
import { parentPort } from "node:worker_threads";
import { DeckError, type ExitCodeValue } from "../errors.js";
import { buildSiteDeck, type SiteDeck, type SiteOptions, type SitePlan } from "./build.js";
import type { SiteEssay } from "./names.js";

export interface WorkerJob {
  essay: SiteEssay;
  plan: SitePlan;
  options: Omit<SiteOptions, "progress">;
}

/** A failure as it crosses to the main thread: a DeckError keeps its exit code, a bug its stack. */
export interface SentError {
  message: string;
  exitCode?: ExitCodeValue;
  stack?: string;
}

export type WorkerReply = Omit<SiteDeck, "error"> & { error?: SentError };

export function sendable(deck: SiteDeck): WorkerReply {
  if (deck.error === undefined) return deck as WorkerReply;
  const e = deck.error;
  const error: SentError =
    e instanceof DeckError
      ? { message: e.message, exitCode: e.exitCode }
      : { message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
  return { ...deck, error };
}

/** The reply back as a deck: a DeckError again, or an Error with the worker's stack. */
export function received(reply: WorkerReply): SiteDeck {
  if (!reply.error) return reply as SiteDeck;
  const sent = reply.error;
  let error: Error;
  if (sent.exitCode !== undefined) error = new DeckError(sent.message, sent.exitCode);
  else {
    error = new Error(sent.message);
    if (sent.stack) error.stack = sent.stack;
  }
  return { ...reply, error };
}

parentPort?.on("message", (job: WorkerJob) => {
  parentPort?.postMessage(sendable(buildSiteDeck(job.essay, job.plan, job.options)));
});
