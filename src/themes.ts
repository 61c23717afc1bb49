/** The built-in themes: reveal.js's four offline themes and essay-deck's own. */
export interface BuiltinTheme {
  name: string;
  /** The reveal.js theme it builds on (a file of reveal.js/dist/theme). */
  base: "white" | "black" | "white-contrast" | "black-contrast";
  /** essay-deck's layer on top, a file of templates/themes/, if any. */
  css?: string;
  description: string;
}

export const BUILTIN_THEMES: readonly BuiltinTheme[] = [
  { name: "essay", base: "white", css: "essay.css", description: "default: warm light page, red accents, Noto Sans CJK" },
  { name: "paper", base: "white", css: "paper.css", description: "ink on warm paper, Noto Serif CJK, for close reading" },
  { name: "stage", base: "black", css: "stage.css", description: "light on blue-black with amber accents, for large dark rooms" },
  {
    name: "projector",
    base: "white-contrast",
    css: "projector.css",
    description: "bold black on white, heavy rules, for washed-out projectors",
  },
  { name: "white", base: "white", description: "reveal.js white, with essay-deck's CJK typography" },
  { name: "black", base: "black", description: "reveal.js black, with essay-deck's CJK typography" },
  { name: "white-contrast", base: "white-contrast", description: "reveal.js white-contrast: black on white, maximum contrast" },
  { name: "black-contrast", base: "black-contrast", description: "reveal.js black-contrast: white on black, maximum contrast" },
];

export const DEFAULT_THEME = "essay";

export const findTheme = (name: string): BuiltinTheme | undefined => BUILTIN_THEMES.find((t) => t.name === name);
