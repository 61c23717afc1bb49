/** Outline → Deck: which slides, their titles, bullets and notes. Pure. */
import type { Deck, DeckLayout, Slide } from "../model/deck.js";
import type { Outline, Part } from "../model/outline.js";
import { stripEmphasis } from "../parse/index.js";
import { splitSentences, withoutFinalStop } from "../parse/sentences.js";
import { type BulletBudget, DEFAULT_BUDGET, pickBullets } from "./bullets.js";
import { wordsFor } from "./words.js";

export interface PlanOptions {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang?: string;
  layout?: DeckLayout;
  budget?: BulletBudget;
}

export function planDeck(outline: Outline, options: PlanOptions = {}): Deck {
  const lang = options.lang ?? outline.lang;
  const words = wordsFor(lang);
  const markdown = outline.format === "markdown";
  const clean = markdown ? cleanMarkdownSentence : (s: string) => s;
  const budget = options.budget ?? DEFAULT_BUDGET;
  const title = options.title ?? outline.title ?? words.untitled;
  const slides: Slide[] = [
    {
      kind: "title",
      id: "title",
      part: 0,
      title,
      subtitle: options.subtitle,
      author: options.author,
      date: options.date,
      notes: outline.preface,
    },
  ];
  outline.parts.forEach((part, p) => {
    slides.push(...planPart(part, p + 1, budget, clean, words));
  });
  if (outline.referencesHeading !== null || outline.references.length > 0) {
    slides.push({
      kind: "references",
      id: "references",
      part: 0,
      heading: outline.referencesHeading ?? words.references,
      entries: outline.references,
      notes: [],
    });
  }
  return {
    title,
    subtitle: options.subtitle,
    author: options.author,
    date: options.date,
    lang,
    format: outline.format,
    layout: options.layout ?? "flat",
    slides,
  };
}

function planPart(
  part: Part,
  n: number,
  budget: BulletBudget,
  clean: (s: string) => string,
  words: ReturnType<typeof wordsFor>,
): Slide[] {
  const slides: Slide[] = [];
  const untitled = part.title === "";
  const context = { part: n, partLabel: part.label, partHeading: part.heading };
  const byParagraph = part.points.length === 0;
  if (!untitled) {
    slides.push({
      kind: "section",
      id: `part-${n}`,
      part: n,
      label: part.label,
      heading: part.title,
      notes: byParagraph ? [] : part.intro,
    });
  }
  if (byParagraph) {
    part.intro.forEach((para, i) => {
      const [first = para] = splitSentences(para).map(clean);
      slides.push({
        kind: "paragraph",
        id: `part-${n}-paragraph-${i + 1}`,
        ...context,
        headline: withoutFinalStop(first),
        bullets: pickBullets([para], true, budget, clean),
        notes: [para],
      });
    });
  }
  part.points.forEach((point, i) => {
    slides.push({
      kind: "point",
      id: `part-${n}-point-${i + 1}`,
      ...context,
      label: point.label,
      headline: point.headline,
      bullets: pickBullets(point.paragraphs, true, budget, clean),
      notes: point.paragraphs,
    });
  });
  if (part.closing.length > 0) {
    slides.push({
      kind: "summary",
      id: `part-${n}-summary`,
      ...context,
      heading: words.summary,
      bullets: part.closing.map((para) => splitSentences(para).map(clean)[0] ?? para),
      notes: part.closing,
    });
  }
  return slides;
}

/** A sentence cut out of Markdown can hold half of a **bold** pair; drop the stray markers. */
function cleanMarkdownSentence(sentence: string): string {
  const pairs = sentence.match(/\*\*|__/g)?.length ?? 0;
  return pairs % 2 === 0 ? sentence : stripEmphasis(sentence);
}
