/** Simplified Chinese: zh-Hans, zh-CN, zh-SG, zh-MY. */
import type { Language } from "./language.js";

export const zhHans: Language = {
  script: "zh-Hans",
  matches: (tag) => /^zh-(?:Hans|CN|SG|MY)\b/i.test(tag),
  deck: {
    untitled: "未命名",
    summary: "小结",
    references: "参考文献",
    continued: "（续）",
    part: (l) => `第${l}部分`,
    agenda: "目录",
    more: (n) => `……另有 ${n} 点`,
  },
  timing: {
    slide: (t) => `预估讲述时间：约 ${t}`,
    total: (t, n) => `全场预估讲述时间：约 ${t}（${n} 张幻灯片）`,
    time: (m, s) => (m > 0 ? `${m} 分${s > 0 ? ` ${s} 秒` : ""}` : `${s} 秒`),
  },
  site: {
    heading: "演示文稿",
    summary: (d, n) => `${d} 份演示文稿，共 ${n} 张幻灯片`,
    slides: (n) => `${n} 张幻灯片`,
    slidesPdf: "幻灯片 PDF",
    handoutPdf: "讲义 PDF",
    failed: "这次未能构建",
  },
  pacing: {
    budget: (d) => `时间分配：共 ${d}`,
    estimate: (l, t) => `${l}：预估 ${t}`,
    share: (l, t, e) => `${l}：分配 ${t}（预估 ${e}）`,
    outside: "开场与结尾",
  },
  handout: {
    pageOf: (page, total) => `第 ${page} 页，共 ${total} 页`,
    subject: "讲义",
    fonts: `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`,
  },
  phraseModel: "zh-hans",
};
