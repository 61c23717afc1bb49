/**
 * Watch the files a deck is built from. Each file's folder is watched, not the file itself: editors
 * that save by writing a new file and renaming it over the old one replace the inode a file watch
 * would hold, and the watch would go silent after the first save.
 */
import { existsSync, type FSWatcher, watch } from "node:fs";
import path from "node:path";

export interface WatchTargets {
  /** Files whose change matters, by absolute path. */
  files: string[];
  /** Folders where any file ending in one of `suffixes` matters (a template override folder). */
  folders: Array<{ dir: string; suffixes: string[] }>;
}

export interface Watcher {
  /** Watch these targets from now on (they change when the config names another theme). */
  update(targets: WatchTargets): void;
  close(): void;
}

interface Interest {
  names: Set<string>;
  suffixes: string[];
}

/** Several events of one save (truncate, write, rename) arrive within a few milliseconds. */
export const DEBOUNCE_MS = 30;

export interface WatchOptions {
  debounceMs?: number;
  /** Told once per folder that cannot be watched: its changes will not rebuild the deck. */
  warn?: (message: string) => void;
}

export function watchSources(targets: WatchTargets, onChange: (changed: string[]) => void, options: WatchOptions = {}): Watcher {
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const watchers = new Map<string, FSWatcher>();
  const unwatchable = new Set<string>();
  let interest = new Map<string, Interest>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = () => {
    timer = undefined;
    const changed = [...pending].sort();
    pending = new Set();
    if (!closed && changed.length > 0) onChange(changed);
  };

  const onEvent = (dir: string, filename: string | null) => {
    const want = interest.get(dir);
    if (closed || !want) return;
    // Some platforms omit the name; then any change in the folder may be ours.
    if (filename !== null && !want.names.has(filename) && !want.suffixes.some((s) => filename.endsWith(s))) return;
    pending.add(filename === null ? dir : path.join(dir, filename));
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const update = (next: WatchTargets) => {
    interest = interestOf(next);
    for (const [dir, w] of watchers) {
      if (!interest.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of interest.keys()) {
      if (watchers.has(dir) || !existsSync(dir)) continue;
      try {
        const w = watch(dir, { persistent: true }, (_event, name) => onEvent(dir, name === null ? null : String(name)));
        // A watched folder that is deleted or renamed away: stop watching it; the next update retries.
        w.on("error", () => {
          w.close();
          if (watchers.get(dir) === w) watchers.delete(dir);
        });
        watchers.set(dir, w);
      } catch (e) {
        // Unwatchable (permissions, too many watches): the deck still builds, but saves there go unseen.
        if (unwatchable.has(dir)) continue;
        unwatchable.add(dir);
        const why = (e as NodeJS.ErrnoException).code ?? String(e);
        options.warn?.(`cannot watch ${dir} (${why}): saving a file there will not update the deck`);
      }
    }
  };

  update(targets);
  return {
    update: (t) => {
      if (!closed) update(t);
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

function interestOf(targets: WatchTargets): Map<string, Interest> {
  const map = new Map<string, Interest>();
  const entry = (dir: string): Interest => {
    let e = map.get(dir);
    if (!e) {
      e = { names: new Set(), suffixes: [] };
      map.set(dir, e);
    }
    return e;
  };
  for (const file of targets.files) entry(path.dirname(path.resolve(file))).names.add(path.basename(file));
  for (const f of targets.folders) entry(path.resolve(f.dir)).suffixes.push(...f.suffixes);
  return map;
}
