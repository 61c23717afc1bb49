import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { shellSignature, slidesRange } from "../../src/serve/shell.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const page = (slides: string, title = "講稿") =>
  `<html><head><title>${title}</title></head><body><div class="reveal"><div class="slides">${slides}</div>\n</div><script src="a.js"></script></body></html>`;

describe("the shell of a deck: everything but the slides", () => {
  it("finds the inside of .slides across nested divs", () => {
    const html = page('<section><div class="bullets"><div>一</div></div></section>');
    const range = slidesRange(html);
    expect(range).not.toBeNull();
    expect(html.slice(range!.start, range!.end)).toBe('<section><div class="bullets"><div>一</div></div></section>');
    expect(slidesRange("<html><body><p>no deck</p></body></html>")).toBeNull();
  });

  it("stays the same when only the slides change, and changes with the head, scripts or any asset", () => {
    const css = [{ path: "assets/a.css", sha256: sha256("a{}") }];
    const base = shellSignature(page("<section>一</section>"), css);
    expect(shellSignature(page("<section>二</section><section>三</section>"), css)).toBe(base);
    expect(shellSignature(page("<section>一</section>", "新題"), css)).not.toBe(base);
    expect(shellSignature(page("<section>一</section>"), [{ path: "assets/a.css", sha256: sha256("b{}") }])).not.toBe(base);
    expect(shellSignature(page("<section>一</section>"), [])).not.toBe(base);
  });

  it("treats a page without .slides as all shell, so any change reloads it", () => {
    expect(shellSignature("<p>一</p>", [])).not.toBe(shellSignature("<p>二</p>", []));
  });
});
