/**
 * YAML front matter (`---` … `---`) at the top of a Markdown essay. Only the flat subset a deck
 * needs: `key: value` lines, quoted or bare strings, numbers and booleans; nested values are kept as text.
 */
export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** Lines the front matter took, so body line numbers can be reported against the file. */
  lines: number;
  errors: string[];
}

export function splitFrontMatter(text: string): FrontMatter {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { data: Object.create(null), body: text, lines: 0, errors: [] };
  const data: Record<string, unknown> = Object.create(null);
  const errors: string[] = [];
  (m[1] as string).split("\n").forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith("#") || /^\s/.test(line)) return;
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) {
      errors.push(`front matter line ${i + 2}: expected "key: value", got "${line.slice(0, 40)}"`);
      return;
    }
    data[kv[1] as string] = scalar((kv[2] as string).trim());
  });
  return { data, body: text.slice(m[0].length), lines: m[0].split("\n").length - 1, errors };
}

function scalar(raw: string): unknown {
  if (/^".*"$/.test(raw)) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw.slice(1, -1);
    }
  }
  if (/^'.*'$/.test(raw)) return raw.slice(1, -1).replace(/''/g, "'");
  const value = raw.replace(/\s+#.*$/, "");
  if (value === "true" || value === "false") return value === "true";
  if (value === "null" || value === "~" || value === "") return null;
  if (/^-?\d+(?:\.\d+)?$/.test(value)) return Number(value);
  return value;
}
