/** Guess the essay's language from its characters: zh-Hant, zh-Hans or en. */

// Pairs of characters that differ between the scripts: [Traditional, Simplified].
const TRADITIONAL =
  "們個來時為說國會對學發經與產業關開過還後現實點體問當見長電動應將變從頭邊義區結論認識進術濟場資這麼樣讓總於擇務導數據層優勢積術機構較頁給設計";
const SIMPLIFIED =
  "们个来时为说国会对学发经与产业关开过还后现实点体问当见长电动应将变从头边义区结论认识进术济场资这么样让总于择务导数据层优势积术机构较页给设计";

// The script of each character by its UTF-16 code, so the scan is one array read a character:
// detectLang reads the whole essay, 19 million characters for the largest bench essay.
const HANT = 1;
const HANS = 2;
const SCRIPT = new Uint8Array(0x10000);
for (const ch of SIMPLIFIED) if (!TRADITIONAL.includes(ch)) SCRIPT[ch.charCodeAt(0)] = HANS;
for (const ch of TRADITIONAL) if (!SIMPLIFIED.includes(ch)) SCRIPT[ch.charCodeAt(0)] = HANT;

export function detectLang(text: string): string {
  let cjk = 0;
  let latin = 0;
  let kana = 0;
  let hant = 0;
  let hans = 0;
  // Code units, not code points: every range counted lies in the BMP, and surrogates fall outside them all.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      const script = SCRIPT[c];
      if (script === HANT) hant++;
      else if (script === HANS) hans++;
    } else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  if (kana > 0 && kana * 4 > cjk) return "ja";
  // A Chinese character carries about as much as a four-letter English word.
  if (cjk * 4 >= latin && cjk > 0) return hans > hant ? "zh-Hans" : "zh-Hant";
  return "en";
}
