import type { LoadedEssay } from "../../src/build.js";
import type { Deck } from "../../src/model/deck.js";
import type { Outline } from "../../src/model/outline.js";
import type { EssayScore } from "./score.mjs";

export interface Essay {
  slug: string;
  folder: string;
  file: string;
}
export type Figures = {
  title: boolean;
  partsRecall: number | null;
  partsPrecision: number | null;
  pointsRecall: number | null;
  pointsPrecision: number | null;
  signatureOutOfPoints: boolean | null;
};
export type Floors = Record<string, Partial<Figures>>;
export interface Parser {
  loadEssay(options: { input: string; cwd: string }): LoadedEssay;
  deckFromEssay(loaded: LoadedEssay): Deck;
  parseEssay(source: string, options: { format: "text" | "markdown" }): Outline;
  planDeck(outline: Outline): Deck;
}

export declare const corpusDir: string;
export declare const floorsFile: string;
export declare function listEssays(dir?: string): Essay[];
export declare function bodyText(file: string): string;
export declare function scoreCorpus(parser: Parser, essays?: Essay[]): Array<EssayScore & { refused: string | null }>;
export declare function figures(row: EssayScore): Figures;
export declare function readFloors(file?: string): Floors;
export declare function belowFloors(rows: EssayScore[], floors: Floors): string[];
export declare function raisedFloors(rows: EssayScore[], floors: Floors): Floors;
export declare function writeFloors(floors: Floors, file?: string): void;
