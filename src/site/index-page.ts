/** The site's own files: index.html listing the decks, its stylesheet, the shared assets and the state. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { resolveStyles } from "../io/assets.js";
import { packageVersion, templatesDir } from "../io/paths.js";
import { type WrittenDeck, writeDeck } from "../io/write.js";
import { formatDuration } from "../plan/timing.js";
import { renderSiteIndex, type SiteEntry } from "../render/site.js";
import { DEFAULT_THEME, findTheme } from "../themes.js";
import type { SiteResult } from "./build.js";
import { hrefOf } from "./names.js";
import { SITE_STATE } from "./state.js";

export interface SiteIndexOptions {
  /** The theme flag, if one was given: the index page takes the decks' theme. */
  theme?: string;
}

/** The theme the index page wears: the flag's, else the folder config's, if built-in; else the default. */
function siteTheme(result: SiteResult, options: SiteIndexOptions): string {
  const wanted = options.theme ?? (result.folderConfig?.raw as { theme?: unknown } | null | undefined)?.theme;
  return typeof wanted === "string" && findTheme(wanted) ? wanted : DEFAULT_THEME;
}

export function siteEntries(result: SiteResult): SiteEntry[] {
  return result.decks.flatMap((d): SiteEntry[] => {
    const r = d.record;
    if (!r) return [];
    const href = hrefOf(d.name);
    const s = r.summary;
    return [
      {
        href,
        title: s.title,
        ...(s.subtitle ? { subtitle: s.subtitle } : {}),
        ...(s.author ? { author: s.author } : {}),
        ...(s.date ? { date: s.date } : {}),
        lang: s.lang,
        slides: s.slides,
        ...(s.seconds > 0 ? { timeLabel: formatDuration(s.seconds, s.lang) } : {}),
        pdfs: r.pdfs.map((p) => ({ kind: p.kind, href: href + encodeURIComponent(p.file) })),
        ...(r.thumbnail ? { thumbnail: href + encodeURIComponent(r.thumbnail) } : {}),
        ...(d.status === "failed" ? { failed: failureOf(d.error) } : {}),
      },
    ];
  });
}

const failureOf = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";

/** Write index.html, the shared assets and the state into the site folder, through the one writer. */
export function writeSiteIndex(result: SiteResult, options: SiteIndexOptions): WrittenDeck {
  const theme = resolveStyles({ theme: siteTheme(result, options), baseDir: result.root }).theme;
  const themeFiles = theme.files.filter((f) => f.path !== "assets/essay-deck.css");
  const css = { path: "assets/site.css", copyFrom: path.join(templatesDir, "site.css") };
  const first = result.decks.find((d) => d.record)?.record?.summary.size;
  const html = renderSiteIndex({
    template: readFileSync(path.join(templatesDir, "site.hbs"), "utf8"),
    entries: siteEntries(result),
    stylesheets: [...themeFiles.map((f) => f.path), css.path],
    theme: theme.name,
    generator: `essay-deck ${packageVersion()}`,
    ...(first ? { thumbHeight: Math.round((320 * first.height) / first.width) } : {}),
  });
  const shared = [...result.shared].map(([p, from]) => ({ path: p, copyFrom: from }));
  const files = new Map([...shared, ...themeFiles, css].map((f) => [f.path, f]));
  return writeDeck(result.outDir, [
    { path: "index.html", contents: html },
    ...files.values(),
    { path: SITE_STATE, contents: `${JSON.stringify(result.state, null, 2)}\n` },
  ]);
}
