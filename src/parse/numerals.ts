/** Chinese and Roman numerals, both ways. */

const DIGITS = "零一二三四五六七八九";
const CJK_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may make up a Chinese numeral label (一, 十二, 一百零五, 兩百). */
export const CJK_NUMERAL_CHARS = "〇零一二兩两三四五六七八九十百千";

/** The formal numerals of cheques and Taiwanese outlines (壹、貳、參), each with its everyday form. */
export const DAXIE_CHARS = "壹貳贰參叁叄肆伍陸陆柒捌玖拾佰仟";
const DAXIE_PLAIN = "一二二三三三四五六六七八九十百千";

/** 一 → 1, 十二 → 12, 一百零五 → 105, 貳拾 → 20; NaN when the text is not a numeral. */
export function cjkToNumber(text: string): number {
  if (!text) return Number.NaN;
  let total = 0;
  let digit = -1;
  for (const written of text) {
    const k = DAXIE_CHARS.indexOf(written);
    const ch = k < 0 ? written : (DAXIE_PLAIN[k] as string);
    const unit = CJK_UNITS[ch];
    if (unit !== undefined) {
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
      continue;
    }
    const d = ch === "〇" ? 0 : ch === "兩" || ch === "两" ? 2 : DIGITS.indexOf(ch);
    if (d < 0) return Number.NaN;
    digit = d;
  }
  return total + Math.max(digit, 0);
}

/** 1 → 一, 12 → 十二, 105 → 一百零五 (1..9999). */
export function numberToCjk(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  const units: Array<[number, string]> = [
    [1000, "千"],
    [100, "百"],
    [10, "十"],
  ];
  let out = "";
  let zero = false;
  let rest = n;
  for (const [value, name] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d) {
      if (zero) out += "零";
      out += (value === 10 && d === 1 && !out ? "" : DIGITS[d]) + name;
      zero = false;
    } else if (out) {
      zero = true;
    }
  }
  if (rest) out += (zero ? "零" : "") + DIGITS[rest];
  return out;
}

const ROMAN: Array<[number, string]> = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

export function numberToRoman(n: number): string {
  let out = "";
  let rest = n;
  for (const [value, name] of ROMAN) {
    while (rest >= value) {
      out += name;
      rest -= value;
    }
  }
  return out;
}

export function romanToNumber(text: string): number {
  const upper = text.toUpperCase();
  if (!/^[MDCLXVI]+$/.test(upper)) return Number.NaN;
  let total = 0;
  let i = 0;
  for (const [value, name] of ROMAN) {
    while (upper.startsWith(name, i)) {
      total += value;
      i += name.length;
    }
  }
  return i === upper.length && numberToRoman(total) === upper ? total : Number.NaN;
}

const ENGLISH_ORDINALS = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
];

/** First → 1, Secondly → 2; NaN for words with no fixed place (Finally, Lastly). */
export function englishOrdinalToNumber(word: string): number {
  const base = word.toLowerCase().replace(/ly$/, "");
  const i = ENGLISH_ORDINALS.indexOf(base);
  return i < 0 ? Number.NaN : i + 1;
}
