/** Is a process still there: what tells a stale lock or a killed build's leftovers from live ones. */
import { readFileSync } from "node:fs";

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, it is someone else's.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** When a process started (clock ticks since boot, from /proc); null off Linux or when it is gone. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** The pid a leftover's name ends with (`….essay-deck-tmp-1234`), or null. */
export function pidOf(name: string, marker: string): number | null {
  const at = name.lastIndexOf(marker);
  if (at < 0) return null;
  const m = /^(\d+)/.exec(name.slice(at + marker.length));
  return m ? Number(m[1]) : null;
}

/** A leftover of a process that is gone (never this one's, never a live one's). */
export function isLeftover(name: string, marker: string): boolean {
  const pid = pidOf(name, marker);
  return pid !== null && pid !== process.pid && !isAlive(pid);
}
