import type { Outline } from "../src/model/outline.js";

export declare const POINTS_PER_PART: number;
export declare const referenceEssayPath: string;
/** Essay text with `n` points in the reference's shape, built from the parsed reference outline. */
export declare function makeEssay(reference: Outline, n: number): string;
export declare function referenceOutline(): Promise<Outline>;
