import type { Deck } from "../../src/model/deck.js";
import type { Outline } from "../../src/model/outline.js";

/** tests/fixtures/real/<slug>/expected.json */
export interface ExpectedOutline {
  title: string;
  parts: Array<{ heading: string | null; points: string[] }>;
  notInPoints?: string[];
}

export interface ListScore {
  expected: number;
  found: number;
  matched: number;
  recall: number | null;
  precision: number | null;
  missed: string[];
  extra: string[];
}

export interface EssayScore {
  slug: string;
  title: { expected: string; found: string | null; ok: boolean };
  parts: ListScore;
  points: ListScore;
  notInPoints: { expected: number; strayed: string[] } | null;
  lost: string[];
  charactersKept: boolean;
  nothingLost: boolean;
}

export interface CorpusTotals {
  essays: number;
  titles: number;
  parts: { recall: number | null; precision: number | null };
  points: { recall: number | null; precision: number | null };
  signaturesKeptOut: number;
  signatureEssays: number;
  nothingLost: number;
}

export declare function normalise(text: string): string;
export declare function matches(found: string, expected: string): boolean;
export declare function orderedMatches(found: string[], expected: string[]): Array<[number, number]>;
export declare function foundStructure(
  outline: Outline,
  deckTitle?: string,
): { title: string | null; headings: string[]; points: string[] };
export declare function unplaced(paragraphs: string[], holder: object): string[];
export declare function scoreEssay(input: {
  slug: string;
  expected: ExpectedOutline;
  outline: Outline;
  deck?: Deck;
  bodyText?: string;
}): EssayScore;
export declare function totals(rows: EssayScore[]): CorpusTotals;
export declare function markdownTable(rows: EssayScore[]): string;
