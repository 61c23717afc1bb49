/**
 * The page in pieces: the shell first, each slide's HTML only when the writer asks for it, so a
 * deck of 20,000 slides is never held whole (33 M characters, twice that in bytes, and more again
 * as Handlebars' string of strings). Pure: a template and its context in, strings out; what the
 * pieces spell is exactly what rendering the page at once gives.
 */
import type HandlebarsTypes from "handlebars";

type Hbs = typeof HandlebarsTypes;
type Partial = (context: unknown, options: PartialOptions) => string;
interface PartialOptions {
  data?: Frame;
  indent?: string;
  [key: string]: unknown;
}
interface Frame {
  _parent?: Frame;
  [key: string]: unknown;
}

/** Stands where a partial's HTML goes in the shell; escaped text never holds a NUL character. */
const SLOT = "\u0000essay-deck-partial\u0000";

/**
 * Render a page with `render` (the page template applied to its context), every partial the page
 * calls itself left for later: the pieces, iterable as often as needed, render them one at a time
 * (the partials each calls in turn run as usual).
 */
export function pagePieces(hbs: Hbs, render: () => string): Iterable<string> {
  const later: Array<{ partial: Partial; context: unknown; options: PartialOptions }> = [];
  const frames = frameCopies();
  let deferring = true;
  for (const [name, partial] of Object.entries(hbs.partials as Record<string, Partial | string>)) {
    // A partial still in source form is compiled by Handlebars where it is called: left as it is.
    if (typeof partial !== "function") continue;
    hbs.registerPartial(name, ((context: unknown, options: PartialOptions) => {
      // An indented partial has its lines indented by Handlebars after it returns: rendered now.
      if (!deferring || options.indent) return partial(context, options);
      // Handlebars makes `options` for this call, but changes a loop's @index, @first… in place as
      // it goes on: the frames are copied (a frame unchanged since its last copy, only once).
      options.data = frames.copy(options.data);
      later.push({ partial, context, options });
      return SLOT;
    }) as HandlebarsTypes.Template);
  }
  let shell: string;
  try {
    shell = render();
  } finally {
    deferring = false;
  }
  const between = shell.split(SLOT);
  // The slot in the page's own text (a title holding it, say): the page is rendered at once.
  if (between.length !== later.length + 1) return [render()];
  return {
    *[Symbol.iterator]() {
      yield between[0] as string;
      for (const [i, call] of later.entries()) {
        yield call.partial(call.context, call.options);
        yield between[i + 1] as string;
      }
    },
  };
}

/**
 * Copies of data frames as they are now, each with its parents'. A frame whose own values have not
 * changed since its last copy gives that copy again: the page's loop over the parts is copied once
 * a part, not once a slide.
 */
function frameCopies(): { copy: (frame: Frame | undefined) => Frame | undefined } {
  const last = new WeakMap<Frame, Frame>();
  const copy = (frame: Frame | undefined): Frame | undefined => {
    if (!frame) return frame;
    const parent = copy(frame._parent);
    const before = last.get(frame);
    if (before && before._parent === parent && sameValues(before, frame)) return before;
    const now = { ...frame, _parent: parent };
    last.set(frame, now);
    return now;
  };
  return { copy };
}

/** Whether a copy holds a frame's own values (its parent aside). */
function sameValues(copy: Frame, frame: Frame): boolean {
  const keys = Object.keys(frame).filter((k) => k !== "_parent");
  return keys.length === Object.keys(copy).length - 1 && keys.every((k) => copy[k] === frame[k]);
}

/** The whole text of pieces (a preview, a single-file deck, the API's renderDeck). */
export const wholeText = (pieces: Iterable<string>): string => Array.from(pieces).join("");
