/**
 * The OpenCC converters, loaded only when a deck asks for a script: the dictionaries are about a
 * megabyte of JavaScript that no other build should pay for. Loaded synchronously (the UMD build)
 * so the pipeline stays synchronous.
 */
import { createRequire } from "node:module";
import type { Script } from "../config/settings.js";
import type { TextConverter } from "./script.js";

interface OpenCCModule {
  Converter: (options: { from: string; to: string }) => TextConverter;
}

const require = createRequire(import.meta.url);

/**
 * To Simplified: from Taiwan Traditional (which also reads OpenCC's standard forms) to mainland.
 * To Traditional: from mainland Simplified to Taiwan forms (裡, 於), character by character: no
 * vocabulary swaps such as 軟件 → 軟體, which would put words in the author's mouth.
 */
export function loadConverter(script: Script): TextConverter {
  if (script === "hans") {
    const opencc = require("opencc-js/t2cn") as OpenCCModule;
    return opencc.Converter({ from: "tw", to: "cn" });
  }
  const opencc = require("opencc-js/cn2t") as OpenCCModule;
  return opencc.Converter({ from: "cn", to: "tw" });
}
