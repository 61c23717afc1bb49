/**
 * A point (or a paragraph slide) of a Markdown essay with blocks: the key sentences, or the list, as
 * the slide's bullets, then its images, quotes, code and containers below them while they fit, each
 * that does not on a continuation slide; a table on a slide of its own (scaled, or continued with its
 * header repeated). The notes of a block go with the slide that shows it. Pure.
 */
import type { ImageFile, ImageRef, MarkdownParagraph } from "../model/blocks.js";
import type { NoteBlock, ParagraphSlide, PointSlide, SlideBlock } from "../model/deck.js";
import type { Outline } from "../model/outline.js";
import { splitSentences, withoutFinalStop } from "../text/sentences.js";
import {
  BODY_FLOOR,
  blockHeight,
  CODE_SCALES,
  columnWidths,
  gapPx,
  itemHeight,
  MIN_IMAGE_PX,
  rowHeight,
  TABLE_SCALES,
  tableHeight,
} from "./block-fit.js";
import { BODY_SCALES, contentWidth, headlineBlockHeight, headlineScale, listHeight, listRoom, STYLES } from "./fit.js";
import { continuationId, type FitContext, fitOf, fitPoint } from "./fit-slides.js";

export interface BlockContext {
  /** The Markdown paragraphs that are blocks or hold images, by their text. */
  byText: Map<string, MarkdownParagraph>;
  /** The local images copied into the deck, by `src` as the essay writes it. */
  images: Record<string, ImageFile>;
}

export function blockContext(outline: Outline, images: Record<string, ImageFile> = {}): BlockContext | null {
  if (!outline.blocks || outline.blocks.length === 0) return null;
  return { byText: new Map(outline.blocks.map((b) => [b.source, b])), images };
}

/** The notes that are blocks, once each, for the renderer. */
export function noteBlocks(outline: Outline): NoteBlock[] {
  const seen = new Set<string>();
  return (outline.blocks ?? []).flatMap((b) => {
    if (!b.block || seen.has(b.source)) return [];
    seen.add(b.source);
    return [{ source: b.source, block: b.block }];
  });
}

export const hasBlocks = (paragraphs: readonly string[], ctx: BlockContext | null): boolean =>
  ctx !== null && paragraphs.some((p) => ctx.byText.has(p));

/** `![alt](src "title")` taken out of prose: the image shows as itself, not inside a sentence. */
const IMAGE = /!\[[^\]\n]*\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;
export const withoutImages = (text: string): string => text.replace(IMAGE, "").replace(/[ \t]{2,}/g, " ");

const imageBlock = (ref: ImageRef, file: ImageFile | undefined): SlideBlock =>
  file
    ? {
        kind: "image",
        src: file.path,
        alt: ref.alt,
        ...(ref.title ? { title: ref.title } : {}),
        width: file.width,
        height: file.height,
      }
    : { kind: "image", alt: ref.alt, ...(ref.title ? { title: ref.title } : {}) };

/** What a slide shows of a paragraph besides its sentences. */
export function slideBlocks(mp: MarkdownParagraph, images: Record<string, ImageFile>): SlideBlock[] {
  const b = mp.block;
  // Inside prose an image missing from the deck is its alt text, already in the sentence.
  if (!b) return mp.images.flatMap((ref) => (images[ref.src] ? [imageBlock(ref, images[ref.src])] : []));
  switch (b.kind) {
    case "image":
      return b.images.map((ref) => imageBlock(ref, images[ref.src]));
    case "table":
      return [{ kind: "table", header: b.header, align: b.align, rows: b.rows }];
    default:
      return [b];
  }
}

type Base = Omit<PointSlide, "id" | "bullets" | "notes" | "fit" | "continued">;
interface Placed {
  block: SlideBlock;
  /** The paragraph it comes from, when it is a block paragraph (its notes follow it). */
  source?: string;
}

/** A point with blocks: see the module comment. */
export function fitPointWithBlocks(
  base: Base,
  id: string,
  paragraphs: readonly string[],
  ctx: FitContext,
  bctx: BlockContext,
): PointSlide[] {
  const info = paragraphs.map((p) => bctx.byText.get(p));
  const prose = paragraphs.map((p, i) => (info[i]?.block ? "" : info[i] ? withoutImages(p) : p));
  const headline = withoutImages(base.headline).trim() || base.headline;
  const placed: Placed[] = info.flatMap((mp) =>
    mp ? slideBlocks(mp, bctx.images).map((block) => ({ block, ...(mp.block ? { source: mp.source } : {}) })) : [],
  );
  const lists = placed.filter((p) => p.block.kind === "list");
  if (lists.length === 0) return place(fitPoint({ ...base, headline }, id, prose, ctx, paragraphs), placed, ctx, id);
  // The essay's own list is the slide's bullets, as large as the room allows; the prose stays in the notes.
  const [first] = fitPoint({ ...base, headline }, id, [""], ctx, []);
  const slide: PointSlide = { ...(first as PointSlide), bullets: [], notes: [...paragraphs] };
  const room = roomOf(slide, ctx);
  const height = (s: number) => lists.reduce((h, l) => h + blockHeight(l.block, s, ctx.size) + gapPx(), 0);
  const bs = BODY_SCALES.find((s) => height(s) <= room) ?? BODY_FLOOR;
  const fit = fitOf(slide.fit?.headline ?? 1, bs);
  const start: PointSlide = { ...slide, ...(fit ? { fit } : {}) };
  if (!fit) delete start.fit;
  return place([start], [...lists, ...placed.filter((p) => p.block.kind !== "list")], ctx, id);
}

/** Height used on a slide by its headline, bullets and blocks (at the slide's scales). */
function used(slide: PointSlide, ctx: FitContext): number {
  const hs = slide.fit?.headline ?? 1;
  const bs = slide.fit?.body ?? 1;
  const box = {
    phrases: slide.phrases ?? [slide.headline],
    label: slide.label,
    continuation: slide.continued ? ctx.continuation : "",
    context: true,
  };
  let h = headlineBlockHeight(box, hs, ctx.size);
  if (slide.bullets.length > 0) h += listHeight(slide.bullets, STYLES.bullet, bs, contentWidth(ctx.size));
  for (const b of slide.blocks ?? []) h += blockHeight(b, bs, ctx.size) + gapPx();
  return h;
}

const roomOf = (slide: PointSlide, ctx: FitContext): number => listRoom(used(slide, ctx), ctx.size);

function place(slides: PointSlide[], flow: readonly Placed[], ctx: FitContext, id: string): PointSlide[] {
  const out = [...slides];
  const fresh = (piece: SlideBlock): PointSlide => {
    const last = out.at(-1) as PointSlide;
    const slide: PointSlide = {
      ...last,
      id: continuationId(id, out.length),
      bullets: [],
      blocks: [],
      notes: [],
      continued: true,
    };
    delete slide.fit;
    const box = { phrases: slide.phrases ?? [slide.headline], label: slide.label, continuation: ctx.continuation, context: true };
    const hs = headlineScale(box, ctx.size, 0.3);
    const room = listRoom(headlineBlockHeight(box, hs, ctx.size), ctx.size) - gapPx();
    const bs = BODY_SCALES.find((s) => blockHeight(piece, s, ctx.size) <= room) ?? BODY_FLOOR;
    const fit = fitOf(hs, bs);
    if (fit) slide.fit = fit;
    out.push(slide);
    return slide;
  };
  const moveNotes = (source: string | undefined, to: PointSlide) => {
    if (source === undefined || to.notes.includes(source)) return;
    for (const s of out) {
      const i = s.notes.indexOf(source);
      if (i >= 0 && s !== to) {
        s.notes = s.notes.filter((_, k) => k !== i);
        to.notes = [...to.notes, source];
        return;
      }
    }
  };
  const isEmpty = (s: PointSlide) => s.bullets.length === 0 && (s.blocks ?? []).length === 0;
  for (const item of flow) {
    let slide = out.at(-1) as PointSlide;
    const pieces = split(item.block, slide, ctx, isEmpty(slide));
    pieces.forEach((piece, k) => {
      // A table has a slide of its own: it opens one, unless the slide shows only its headline, and ends it.
      const own = (piece.kind === "table" && !isEmpty(slide)) || (slide.blocks ?? []).some((b) => b.kind === "table");
      if (k > 0 || own || !(fits(piece, slide, ctx) || (isEmpty(slide) && pieces.length === 1 && piece.kind !== "list"))) {
        slide = fresh(piece);
      }
      slide.blocks = [...(slide.blocks ?? []), piece];
      if (k === 0) moveNotes(item.source, slide);
    });
  }
  for (const s of out) growImages(s, ctx);
  return out.map((s) => ((s.blocks ?? []).length === 0 ? withoutBlocks(s) : s));
}

const withoutBlocks = (s: PointSlide): PointSlide => {
  const { blocks: _blocks, ...rest } = s;
  return rest;
};

function fits(block: SlideBlock, slide: PointSlide, ctx: FitContext): boolean {
  return blockHeight(block, slide.fit?.body ?? 1, ctx.size) + gapPx() <= roomOf(slide, ctx);
}

/**
 * A block in the pieces that each fit a slide: a table's rows (header repeated) or a code block's
 * lines at the largest scale that fits, a quote's or container's paragraphs; a list's items.
 */
function split(block: SlideBlock, slide: PointSlide, ctx: FitContext, alone: boolean): SlideBlock[] {
  const room = alone ? roomOf(slide, ctx) - gapPx() : emptyRoom(slide, ctx);
  switch (block.kind) {
    case "table": {
      const scale = TABLE_SCALES.find((s) => tableHeight(block, s, ctx.size) <= room);
      if (scale !== undefined) return [{ ...block, ...(scale !== 1 ? { scale } : {}) }];
      const floor = TABLE_SCALES[TABLE_SCALES.length - 1] as number;
      const widths = columnWidths(block.header, block.rows, contentWidth(ctx.size));
      return chunk(block.rows, (r) => rowHeight(r, widths, floor), room - rowHeight(block.header, widths, floor)).map((rows) => ({
        ...block,
        rows,
        scale: floor,
      }));
    }
    case "code": {
      const scale = CODE_SCALES.find((s) => blockHeight({ ...block, scale: s }, 1, ctx.size) <= room);
      if (scale !== undefined) return [{ ...block, ...(scale !== 1 ? { scale } : {}) }];
      const floor = CODE_SCALES[CODE_SCALES.length - 1] as number;
      const lines = block.text.split("\n");
      const line = (l: string) => blockHeight({ ...block, text: l, scale: floor }, 1, ctx.size) - 0.8 * 0.55 * 42 * floor;
      return chunk(lines, line, room - 0.8 * 0.55 * 42 * floor).map((ls) => ({ ...block, text: ls.join("\n"), scale: floor }));
    }
    case "quote":
    case "container": {
      const bs = slide.fit?.body ?? 1;
      if (blockHeight(block, bs, ctx.size) <= room) return [block];
      const one = (p: string) => blockHeight({ ...block, paragraphs: [p] }, BODY_FLOOR, ctx.size);
      return chunk(block.paragraphs, one, room).map((paragraphs) => ({ ...block, paragraphs }));
    }
    case "list": {
      const bs = slide.fit?.body ?? 1;
      if (blockHeight(block, bs, ctx.size) <= room) return [block];
      const width = contentWidth(ctx.size);
      return chunk(block.items, (it) => itemHeight(it, BODY_FLOOR, width), room).map((items, k) => ({
        ...block,
        items,
        ...(block.ordered && k > 0 ? { start: (block.start ?? 1) + block.items.indexOf(items[0] as (typeof items)[0]) } : {}),
      }));
    }
    default:
      return [block];
  }
}

/** Room below the headline of a continuation slide of this point. */
function emptyRoom(slide: PointSlide, ctx: FitContext): number {
  const box = { phrases: slide.phrases ?? [slide.headline], label: slide.label, continuation: ctx.continuation, context: true };
  return listRoom(headlineBlockHeight(box, headlineScale(box, ctx.size, 0.3), ctx.size), ctx.size) - gapPx();
}

/** Items in runs whose heights add up to at most `room` (an item taller than that goes alone). */
function chunk<T>(items: readonly T[], height: (item: T) => number, room: number): T[][] {
  const out: T[][] = [];
  let run: T[] = [];
  let h = 0;
  for (const item of items) {
    const ih = height(item);
    if (run.length > 0 && h + ih > room) {
      out.push(run);
      run = [];
      h = 0;
    }
    run.push(item);
    h += ih;
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** The room a slide has left goes to its images, each up to its own size. */
function growImages(slide: PointSlide, ctx: FitContext): void {
  const images = (slide.blocks ?? []).filter((b): b is Extract<SlideBlock, { kind: "image" }> => b.kind === "image" && !!b.src);
  if (images.length === 0) return;
  const spare = Math.max(0, roomOf(slide, ctx));
  slide.blocks = (slide.blocks ?? []).map((b) => {
    if (b.kind !== "image" || !b.src) return b;
    const least = Math.min(b.height ?? MIN_IMAGE_PX, MIN_IMAGE_PX);
    const most = Math.floor(least + spare / images.length);
    return { ...b, maxHeight: Math.min(most, Math.max(least, b.height ?? most)) };
  });
}

/** A paragraph slide (a part without points) for a paragraph with blocks: a figure, a table, a quote… */
export function fitParagraphWithBlocks(
  base: Omit<ParagraphSlide, "id" | "bullets" | "notes" | "fit" | "continued" | "kind" | "headline">,
  id: string,
  paragraph: string,
  ctx: FitContext,
  bctx: BlockContext,
): ParagraphSlide[] {
  const mp = bctx.byText.get(paragraph);
  // A block stands under no headline of its own; prose opens with its first sentence, as any paragraph slide.
  const headline = mp?.block ? "" : withoutFinalStop(splitSentences(withoutImages(paragraph)).map(ctx.clean)[0] ?? "");
  return fitPointWithBlocks({ ...base, kind: "point", label: "", headline }, id, [paragraph], ctx, bctx).map(
    ({ label: _label, ...slide }) => ({ ...slide, kind: "paragraph" }) as ParagraphSlide,
  );
}

/** What a summary bullet shows of a closing paragraph that is a block: its first words. */
export function blockGist(mp: MarkdownParagraph | undefined): string | null {
  const b = mp?.block;
  if (!b) return null;
  switch (b.kind) {
    case "image":
      return b.images.map((i) => i.alt).join("、");
    case "list":
      return b.items[0]?.text ?? "";
    case "table":
      return b.header.join("、");
    case "code":
      return b.text.split("\n")[0] ?? "";
    default:
      return splitSentences(b.paragraphs[0] ?? "")[0] ?? "";
  }
}
