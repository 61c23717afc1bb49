/** Outline → Deck: which slides, their titles, bullets and notes. Pure. */

import type { ImageFile } from "../model/blocks.js";
import { DEFAULT_SLIDE_SIZE, type Deck, type DeckLayout, type SectionSlide, type Slide, type SlideSize } from "../model/deck.js";
import type { Outline, Part } from "../model/outline.js";
import { stripEmphasis } from "../text/emphasis.js";
import { type DeckWords, languageOf } from "../text/languages/index.js";
import { splitSentences, withoutFinalStop } from "../text/sentences.js";
import { planAgenda, withPointListing } from "./agenda.js";
import {
  type BlockContext,
  blockContext,
  blockGist,
  fitParagraphWithBlocks,
  fitPointWithBlocks,
  hasBlocks,
  noteBlocks,
} from "./blocks.js";
import { type BulletBudget, DEFAULT_BUDGET } from "./bullets.js";
import { type FitContext, fitParagraph, fitPoint, fitReferences, fitSection, fitSummary, fitTitle } from "./fit-slides.js";
import { asStatement } from "./layouts.js";
import { paceSlides } from "./pacing.js";
import { convertOnce, fullWidthPunctuation, slideOutline, verbatimNotes } from "./punctuation.js";
import { DEFAULT_RATE, type SpeakingRate, withSpeakingTimes } from "./timing.js";

export interface PlanOptions {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang?: string;
  layout?: DeckLayout;
  budget?: BulletBudget;
  /** Slide size the text is fitted to (default 1280×720). */
  size?: SlideSize;
  /** Reading pace for the speaking-time estimate in the notes. */
  speaking?: Partial<SpeakingRate>;
  /** Local images of a Markdown essay copied into the deck, by `src` as written (see io/images.ts). */
  images?: Record<string, ImageFile>;
  /** Where the talk is given, on the title slide. */
  event?: string;
  /** An agenda slide after the title (default: true, when the essay has two titled parts or more). */
  agenda?: boolean;
  /** The talk's planned length in minutes: the title notes split it over the parts. */
  duration?: number;
  /** Show a point's sentences one at a time. */
  fragments?: boolean;
  /** Keep ASCII punctuation between Chinese characters as typed (default: full width on slides). */
  keepPunctuation?: boolean;
}

export function planDeck(outline: Outline, options: PlanOptions = {}): Deck {
  if (options.keepPunctuation || !/^zh|^ja/i.test(options.lang ?? outline.lang)) return planSlides(outline, options);
  // Slides are planned from the text as shown (full-width marks are wider), notes stay verbatim.
  const convert = convertOnce();
  const restore = verbatimNotes(outline, convert);
  const deck = planSlides(slideOutline(outline, convert), {
    ...options,
    title: options.title === undefined ? undefined : fullWidthPunctuation(options.title),
    subtitle: options.subtitle === undefined ? undefined : fullWidthPunctuation(options.subtitle),
  });
  return { ...deck, slides: deck.slides.map((s) => ({ ...s, notes: restore(s.notes) })) };
}

function planSlides(outline: Outline, options: PlanOptions): Deck {
  const lang = options.lang ?? outline.lang;
  const words = languageOf(lang).deck;
  const markdown = outline.format === "markdown";
  const clean = markdown ? cleanMarkdownSentence : (s: string) => s;
  const budget = options.budget ?? DEFAULT_BUDGET;
  const title = options.title ?? outline.title ?? words.untitled;
  const size = options.size ?? DEFAULT_SLIDE_SIZE;
  const fit: FitContext = {
    size,
    budget,
    lang,
    continuation: words.continued,
    clean,
  };
  const slides: Slide[] = [
    fitTitle(
      {
        kind: "title",
        id: "title",
        part: 0,
        title,
        subtitle: options.subtitle,
        author: options.author,
        date: options.date,
        ...(options.event ? { event: options.event } : {}),
        notes: outline.preface,
      },
      fit,
    ),
  ];
  const blocks = blockContext(outline, options.images);
  const agenda = options.agenda === false ? null : planAgenda(outline.parts, words.agenda, fit.size, lang);
  if (agenda) slides.push(agenda);
  outline.parts.forEach((part, p) => {
    slides.push(...planPart(part, p + 1, fit, words, blocks));
  });
  if (outline.signature.length > 0) {
    // A signature and dateline close the essay: they are read with its last slide, never shown as a point.
    const last = slides.length - 1;
    const slide = slides[last] as Slide;
    slides[last] = { ...slide, notes: [...slide.notes, ...outline.signature] };
  }
  if (outline.referencesHeading !== null || outline.references.length > 0) {
    slides.push(
      ...fitReferences(
        {
          kind: "references",
          id: "references",
          part: 0,
          heading: outline.referencesHeading ?? words.references,
          entries: outline.references,
          notes: [],
        },
        fit,
      ),
    );
  }
  const spoken = withSpeakingTimes(slides, lang, {
    cpm: options.speaking?.cpm ?? DEFAULT_RATE.cpm,
    wpm: options.speaking?.wpm ?? DEFAULT_RATE.wpm,
  });
  const labels = ["", ...outline.parts.map((p) => p.label)];
  const paced = paceSlides(spoken, lang, labels, options.duration ? Math.round(options.duration * 60) : undefined);
  return {
    title,
    subtitle: options.subtitle,
    author: options.author,
    date: options.date,
    ...(options.event ? { event: options.event } : {}),
    lang,
    format: outline.format,
    layout: options.layout ?? "flat",
    size: { width: size.width, height: size.height },
    ...(blocks ? { noteBlocks: noteBlocks(outline) } : {}),
    slides: paced.slides,
    pacing: paced.pacing,
    fragments: options.fragments ?? false,
  };
}

function planPart(part: Part, n: number, fit: FitContext, words: DeckWords, blocks: BlockContext | null): Slide[] {
  const clean = fit.clean;
  const slides: Slide[] = [];
  const untitled = part.title === "";
  const context = { part: n, partLabel: part.label, partHeading: part.heading };
  const byParagraph = part.points.length === 0;
  // A block in the intro of a part with points (a figure, a table) gets a slide after the section's.
  const introShown = byParagraph || untitled || !blocks ? [] : part.intro.filter((p) => shownBlock(p, blocks));
  if (!untitled) {
    slides.push(
      fitSection(
        {
          kind: "section",
          id: `part-${n}`,
          part: n,
          label: part.label,
          heading: part.title,
          notes: byParagraph ? [] : part.intro.filter((p) => !introShown.includes(p)),
        },
        fit,
      ),
    );
    slides[slides.length - 1] = withPointListing(slides.at(-1) as SectionSlide, part, n, fit.size, fit.lang);
  }
  if (blocks) {
    introShown.forEach((para, i) => {
      slides.push(...fitParagraphWithBlocks(context, `part-${n}-intro-${i + 1}`, para, fit, blocks));
    });
  }
  // Without a section slide to carry them in its notes, an untitled part's opening paragraphs get slides.
  if (byParagraph || untitled) {
    part.intro.forEach((para, i) => {
      if (blocks && hasBlocks([para], blocks)) {
        slides.push(...fitParagraphWithBlocks(context, `part-${n}-paragraph-${i + 1}`, para, fit, blocks));
        return;
      }
      const [first = para] = splitSentences(para).map(clean);
      slides.push(
        fitParagraph(
          {
            kind: "paragraph",
            id: `part-${n}-paragraph-${i + 1}`,
            ...context,
            headline: withoutFinalStop(first),
            bullets: [],
            notes: [para],
          },
          para,
          fit,
        ),
      );
    });
  }
  part.points.forEach((point, i) => {
    const base = { kind: "point" as const, ...context, label: point.label, headline: point.headline };
    const id = `part-${n}-point-${i + 1}`;
    if (blocks && hasBlocks(point.paragraphs, blocks))
      slides.push(...fitPointWithBlocks(base, id, point.paragraphs, fit, blocks));
    else slides.push(...asStatement(fitPoint(base, id, point.paragraphs, fit), fit.size, fit.lang));
  });
  if (part.closing.length > 0) {
    const bullets = part.closing.map((para) => blockGist(blocks?.byText.get(para)) ?? splitSentences(para).map(clean)[0] ?? para);
    const base = { kind: "summary" as const, ...context, heading: words.summary };
    slides.push(...fitSummary(base, `part-${n}-summary`, part.closing, bullets, fit));
  }
  return slides;
}

/** A paragraph a slide can show more of than its notes: a block, or prose with an image the deck holds. */
function shownBlock(paragraph: string, blocks: BlockContext): boolean {
  const mp = blocks.byText.get(paragraph);
  return mp !== undefined && (mp.block !== undefined || mp.images.some((i) => blocks.images[i.src] !== undefined));
}

/** A sentence cut out of Markdown can hold half of a **bold** pair; drop the stray markers. */
function cleanMarkdownSentence(sentence: string): string {
  const pairs = sentence.match(/\*\*|__/g)?.length ?? 0;
  return pairs % 2 === 0 ? sentence : stripEmphasis(sentence);
}
