/**
 * The images a Markdown essay names: local files beside the essay are copied into the deck's
 * assets (read for their size); remote ones are never fetched, missing ones and paths leaving the
 * essay's folder are not copied. Each of those shows as its alt text, with a warning naming it and the line.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ImageFile, MarkdownParagraph } from "../model/blocks.js";
import type { OutputFile } from "../render/index.js";

export interface EssayImages {
  /** The images copied into the deck, by `src` as the essay writes it. */
  bySrc: Record<string, ImageFile>;
  files: OutputFile[];
  warnings: string[];
}

/** Larger images are not copied: a slide deck does not need them, and they slow every build. */
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
const requireImageSize = createRequire(import.meta.url);
const SHOWN_TYPES = new Set(["png", "jpg", "gif", "webp", "svg", "avif", "bmp", "ico"]);

export function resolveImages(blocks: readonly MarkdownParagraph[] | undefined, essayPath: string): EssayImages {
  const out: EssayImages = { bySrc: Object.create(null), files: [], warnings: [] };
  const name = path.basename(essayPath);
  const dir = path.dirname(essayPath);
  const root = existsSync(dir) ? realpathSync(dir) : dir;
  const refused = new Map<string, string>();
  const copied = new Set<string>();
  for (const ref of (blocks ?? []).flatMap((b) => b.images)) {
    const at = `${name}:${ref.line}`;
    const alt = ref.alt ? `its alt text "${clip(ref.alt)}" is shown` : "it has no alt text: add one, as ![what it shows](file)";
    if (out.bySrc[ref.src]) continue;
    let reason = refused.get(ref.src);
    if (reason === undefined) {
      const found = localImage(ref.src, dir, root);
      if (typeof found === "string") reason = found;
      else {
        out.bySrc[ref.src] = found.image;
        if (!copied.has(found.image.path)) {
          copied.add(found.image.path);
          out.files.push({ path: found.image.path, copyFrom: found.from });
        }
        continue;
      }
      refused.set(ref.src, reason);
    }
    out.warnings.push(`${at}: image ${clip(ref.src, 60)} ${reason}: ${alt}`);
  }
  return out;
}

/** The image file a local `src` names, or why it is not shown. */
function localImage(src: string, dir: string, root: string): { image: ImageFile; from: string } | string {
  const trimmed = src.trim();
  if (/^(?:https?:)?\/\//i.test(trimmed)) return "is not fetched (the deck stays offline)";
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return "is not a file beside the essay, so it is not shown";
  let relative: string;
  try {
    relative = decodeURI(trimmed.replace(/[?#].*$/, ""));
  } catch {
    relative = trimmed;
  }
  const full = path.resolve(dir, relative);
  if (!existsSync(full)) return "was not found (check the path, relative to the essay)";
  const real = realpathSync(full);
  const rel = path.relative(root, real);
  if (rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    return "is outside the essay's folder, so it is not copied (put it beside the essay)";
  }
  const stat = statSync(real);
  if (!stat.isFile()) return "is not a file";
  if (stat.size > MAX_IMAGE_BYTES) return `is over ${MAX_IMAGE_BYTES / 1048576} MB, so it is not copied`;
  const bytes = readFileSync(real);
  let size: { width?: number; height?: number; type?: string };
  try {
    const { imageSize } = requireImageSize("image-size") as typeof import("image-size");
    size = imageSize(bytes);
  } catch {
    return "is not an image file a browser shows (PNG, JPEG, GIF, WebP, SVG, AVIF)";
  }
  if (!size.type || !SHOWN_TYPES.has(size.type)) return "is not an image file a browser shows (PNG, JPEG, GIF, WebP, SVG, AVIF)";
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
  const base = path.basename(real).replace(/[^\p{L}\p{N}._-]+/gu, "_");
  return {
    image: { path: `assets/images/${hash}-${base}`, width: size.width ?? 800, height: size.height ?? 600 },
    from: real,
  };
}

const clip = (text: string, n = 40): string => (text.length > n ? `${text.slice(0, n)}…` : text);
