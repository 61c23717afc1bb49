/** essay-deck's public API. */

export type { BuildOptions, BuildResult, LoadedEssay } from "./build.js";
export { build, deckFromEssay, loadEssay, renderFiles } from "./build.js";
export { DeckError, ExitCode } from "./errors.js";
export type { Block, ImageRef, ListItem, MarkdownParagraph } from "./model/blocks.js";
export type { Deck, NoteBlock, Slide, SlideBlock } from "./model/deck.js";
export type { Outline, OutlineJson, Part, Point } from "./model/outline.js";
export { outlineToJson, parseEssay } from "./parse/index.js";
export { planDeck } from "./plan/index.js";
export { renderDeck } from "./render/index.js";
export type { BuildOutcome, PreviewEvents, PreviewServer, ServeOptions } from "./serve/index.js";
export { startServer } from "./serve/index.js";
