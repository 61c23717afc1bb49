/**
 * Which file of the served folder a request means. The server serves that folder and nothing else:
 * `..` (raw or percent-encoded), encoded slashes, backslashes, NUL and symlinks out of the folder
 * are refused before any file is opened.
 */
import { realpathSync, statSync } from "node:fs";
import path from "node:path";

export type RequestPath = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * The path inside the served folder that a request target names, with `/` between segments and
 * `index.html` for a folder. Pure: it only reads the string.
 */
export function requestPath(target: string): RequestPath {
  // Absolute-form (`GET http://host/…`) and asterisk-form targets are not for a file server.
  if (!target.startsWith("/")) return { ok: false, status: 400 };
  const raw = target.replace(/[?#].*$/s, "");
  // A slash or backslash hidden in an escape would survive the split below as part of one segment.
  if (/%(2f|5c)/i.test(raw) || raw.includes("\\")) return { ok: false, status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes("\0")) return { ok: false, status: 400 };
  const segments = decoded.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) return { ok: false, status: 403 };
  // Drive letters and alternate data streams (`C:`, `file.txt::$DATA`) mean nothing inside the folder.
  if (segments.some((s) => s.includes(":"))) return { ok: false, status: 403 };
  // Dotfiles (the build manifest) and half-written temporary files are not part of the deck.
  if (segments.some((s) => s.startsWith(".") || s.includes(".essay-deck-tmp-"))) return { ok: false, status: 404 };
  if (segments.length === 0 || decoded.endsWith("/")) segments.push("index.html");
  return { ok: true, path: segments.join("/") };
}

export type ServedFile = { ok: true; file: string; size: number } | { ok: false; status: 403 | 404 };

/**
 * The real file behind a request path, if it is inside `rootReal` (the served folder's realpath)
 * once every symlink is followed. A folder serves its index.html.
 */
export function servedFile(rootReal: string, relative: string): ServedFile {
  let real: string;
  try {
    real = realpathSync(path.join(rootReal, ...relative.split("/")));
  } catch {
    return { ok: false, status: 404 };
  }
  if (!isInside(rootReal, real)) return { ok: false, status: 403 };
  const stat = statSync(real, { throwIfNoEntry: false });
  if (!stat) return { ok: false, status: 404 };
  if (stat.isDirectory()) return servedFile(rootReal, `${relative}/index.html`);
  if (!stat.isFile()) return { ok: false, status: 404 };
  return { ok: true, file: real, size: stat.size };
}

export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".pdf": "application/pdf",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
};

export const contentType = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
