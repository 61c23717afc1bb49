/** Where each essay of a folder goes in the site: a folder named after it. Pure. */
import path from "node:path";

export interface SiteEssay {
  /** Absolute path of the essay file. */
  path: string;
  /** The deck's folder inside the site, `/`-separated: `talk`, `2026/spring-talk`. */
  name: string;
}

/** Names the site keeps for itself: its shared assets folder. */
const RESERVED = new Set(["assets"]);

/**
 * Each essay's deck folder: its path under the input folder without the extension, so subfolders
 * keep their layout. Two essays that would share a name (`talk.txt`, `talk.md`) keep their
 * extensions (`talk-txt`, `talk-md`); a first folder named like the site's own (`assets`) gets `-deck` appended.
 */
export function siteNames(root: string, essays: readonly string[]): SiteEssay[] {
  const stem = (file: string) => {
    const rel = path.relative(root, file).split(path.sep).join("/");
    return rel.replace(/\.[^./]+$/, "");
  };
  const counts = new Map<string, number>();
  for (const e of essays) counts.set(stem(e).toLowerCase(), (counts.get(stem(e).toLowerCase()) ?? 0) + 1);
  return essays.map((file) => {
    let name = stem(file);
    if ((counts.get(name.toLowerCase()) ?? 0) > 1) name = `${name}-${path.extname(file).slice(1).toLowerCase()}`;
    const [first = "", ...rest] = name.split("/");
    if (RESERVED.has(first.toLowerCase())) name = [`${first}-deck`, ...rest].join("/");
    return { path: file, name };
  });
}

/** The way from a deck's folder back up to the site's root: `../` per level. */
export const upToSite = (name: string): string => "../".repeat(name.split("/").length);

/** A deck folder's name as a link from the index page (each segment percent-encoded). */
export const hrefOf = (name: string): string => `${name.split("/").map(encodeURIComponent).join("/")}/`;
