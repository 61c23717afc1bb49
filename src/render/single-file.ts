/**
 * `--single-file`: the rendered deck folded into its index.html: stylesheets as <style>, scripts
 * (reveal.js, the notes plugin with its speaker view) inline, and every file they or the page
 * reference (theme fonts and images, the essay's images) as data: URLs. The page then works
 * copied alone, from file://, offline. Pure: the caller reads the files.
 */
import type { OutputFile } from "./index.js";

const MIME: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
  ico: "image/x-icon",
  woff: "font/woff",
  woff2: "font/woff2",
  ttf: "font/ttf",
  otf: "font/otf",
  css: "text/css",
};

const mimeOf = (file: string): string =>
  MIME[/\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? ""] ?? "application/octet-stream";

/** `a/b/../c.png` → `a/c.png`; null when it leaves the folder. */
function normalise(p: string): string | null {
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join("/");
}

const dirOf = (p: string): string => (p.includes("/") ? p.slice(0, p.lastIndexOf("/") + 1) : "");

export function singleFileDeck(files: readonly OutputFile[], read: (file: OutputFile) => Uint8Array): OutputFile {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const page = byPath.get("index.html");
  if (!page || !("contents" in page)) throw new Error("the rendered deck has no index.html");
  const text = (f: OutputFile): string =>
    "contents" in f && typeof f.contents === "string" ? f.contents : Buffer.from(read(f)).toString("utf8");
  const dataUrl = (f: OutputFile): string => `data:${mimeOf(f.path)};base64,${Buffer.from(read(f)).toString("base64")}`;
  /** A reference from `base` (a file's folder) to a file of the deck, as a data: URL; null for any other. */
  const inline = (base: string, ref: string): string | null => {
    const clean = ref.trim().replace(/[?#].*$/, "");
    if (clean === "" || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(clean)) return null;
    const target = normalise(base + decodeURI(clean));
    const file = target === null ? undefined : byPath.get(target);
    return file ? dataUrl(file) : null;
  };
  const css = (f: OutputFile): string =>
    text(f)
      .replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (m, q: string, ref: string) => {
        const url = inline(dirOf(f.path), ref);
        return url ? `url(${q}${url}${q})` : m;
      })
      .replace(/<\/style/gi, "<\\/style");
  let html = (page as { contents: string }).contents;
  html = html.replace(/<link rel="stylesheet" href="([^"]+)">/g, (m, href: string) => {
    const file = byPath.get(normalise(decodeURI(href)) ?? "");
    return file ? `<style data-href="${href}">\n${css(file)}\n</style>` : m;
  });
  html = html.replace(/<script src="([^"]+)"><\/script>/g, (m, src: string) => {
    const file = byPath.get(normalise(decodeURI(src)) ?? "");
    if (!file) return m;
    // Inside <script>, "</script" ends the element and "<!--" can change how it is parsed:
    // both are written with a backslash, which means the same in JavaScript strings and regexes.
    const code = text(file)
      .replace(/<\/script/gi, "<\\/script")
      .replace(/<!--/g, "<\\!--");
    return `<script data-src="${src}">\n${code}\n</script>`;
  });
  // Images of the essay and the templates: <img src>, and any other src= of a file of the deck.
  html = html.replace(/(<(?:img|source|video|audio)\b[^>]*?\ssrc=")([^"]+)"/gi, (m, head: string, src: string) => {
    const url = inline("", src.replace(/&amp;/g, "&"));
    return url ? `${head}${url}"` : m;
  });
  html = html.replace(/(\sstyle="[^"]*?url\()(&quot;|'?)([^"')&]+)\2\)/gi, (m, head: string, q: string, ref: string) => {
    const url = inline("", ref);
    return url ? `${head}${q}${url}${q})` : m;
  });
  return { path: "index.html", contents: html };
}
