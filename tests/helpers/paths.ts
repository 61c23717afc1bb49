import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");
export const sharedEssay = path.resolve(root, "..", "shared", "essay");
/** The reference essay as shipped in content/ (a copy of shared/essay/essay.zh-Hant.txt). */
export const referenceEssay = path.join(root, "content", "essay.zh-Hant.txt");
export const fixtures = path.join(root, "tests", "fixtures");
