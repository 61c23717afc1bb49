/** Traditional Chinese: zh-Hant, zh-TW, zh-HK and any other zh tag not written in Simplified. */
import type { Language } from "./language.js";

export const zhHant: Language = {
  script: "zh-Hant",
  matches: (tag) => /^zh\b/i.test(tag),
  deck: {
    untitled: "未命名",
    summary: "小結",
    references: "參考文獻",
    continued: "（續）",
    part: (l) => `第${l}部分`,
    agenda: "目錄",
    more: (n) => `……另有 ${n} 點`,
  },
  timing: {
    slide: (t) => `預估講述時間：約 ${t}`,
    total: (t, n) => `全場預估講述時間：約 ${t}（${n} 張投影片）`,
    time: (m, s) => (m > 0 ? `${m} 分${s > 0 ? ` ${s} 秒` : ""}` : `${s} 秒`),
  },
  site: {
    heading: "簡報",
    summary: (d, n) => `${d} 份簡報，共 ${n} 張投影片`,
    slides: (n) => `${n} 張投影片`,
    slidesPdf: "投影片 PDF",
    handoutPdf: "講義 PDF",
    failed: "這次未能建置",
  },
  pacing: {
    budget: (d) => `時間分配：共 ${d}`,
    estimate: (l, t) => `${l}：預估 ${t}`,
    share: (l, t, e) => `${l}：分配 ${t}（預估 ${e}）`,
    outside: "開場與結尾",
  },
  handout: {
    pageOf: (page, total) => `第 ${page} 頁，共 ${total} 頁`,
    subject: "講義",
    fonts: `"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", sans-serif`,
  },
  phraseModel: "zh-hant",
};
