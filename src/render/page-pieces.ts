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
  let deferring = true;
  for (const [name, partial] of Object.entries(hbs.partials as Record<string, Partial | string>)) {
    // A partial still in source form is compiled by Handlebars where it is called: left as it is.
    if (typeof partial !== "function") continue;
    hbs.registerPartial(name, ((context: unknown, options: PartialOptions) => {
      // An indented partial has its lines indented by Handlebars after it returns: rendered now.
      if (!deferring || options.indent) return partial(context, options);
      // Handlebars changes a loop's @index, @first… in place as it goes on: the frames are copied.
      later.push({ partial, context, options: { ...options, data: copyFrames(options.data) } });
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

function copyFrames(frame: Frame | undefined): Frame | undefined {
  return frame && { ...frame, _parent: copyFrames(frame._parent) };
}

/** The whole text of pieces (a preview, a single-file deck, the API's renderDeck). */
export const wholeText = (pieces: Iterable<string>): string => Array.from(pieces).join("");
