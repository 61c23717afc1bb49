import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hostAllowed } from "../../src/serve/http.js";
import { contentType, requestPath, servedFile } from "../../src/serve/paths.js";
import { tempDir } from "../helpers/browser.js";

describe("requestPath: the file a request target names inside the served folder", () => {
  it.each([
    ["/", "index.html"],
    ["/index.html", "index.html"],
    ["/index.html?receiver&progress=false#/4", "index.html"],
    ["/assets/reveal/reveal.js", "assets/reveal/reveal.js"],
    ["/assets/", "assets/index.html"],
    ["//assets//./theme/white.css", "assets/theme/white.css"],
    ["/assets/%E6%9C%AC.css", "assets/本.css"],
    ["/etc/passwd", "etc/passwd"],
  ])("%s → %s", (target, expected) => {
    expect(requestPath(target)).toEqual({ ok: true, path: expected });
  });

  it.each([
    ["/../package.json", 403],
    ["/assets/../../package.json", 403],
    ["/%2e%2e/package.json", 403],
    ["/%2E%2E/%2E%2E/etc/passwd", 403],
    ["/.%2e/package.json", 403],
    ["/assets%2f..%2f..%2fpackage.json", 403],
    ["/assets%5c..%5cpackage.json", 403],
    ["/..\\package.json", 403],
    ["/C:/Windows/win.ini", 403],
    ["/%00index.html", 400],
    ["/%E0%A4%A", 400],
    ["http://example.com/index.html", 400],
    ["*", 400],
    ["/.essay-deck-manifest.json", 404],
    ["/index.html.essay-deck-tmp-123", 404],
  ])("%s is refused with %i", (target, status) => {
    expect(requestPath(target)).toEqual({ ok: false, status });
  });
});

describe("servedFile: symlinks are followed, and must stay inside the folder", () => {
  const outside = tempDir("essay-deck-outside-");
  writeFileSync(path.join(outside, "secret.txt"), "secret");
  const root = tempDir("essay-deck-root-");
  mkdirSync(path.join(root, "assets"));
  writeFileSync(path.join(root, "index.html"), "<p>deck</p>");
  writeFileSync(path.join(root, "assets", "a.css"), "a{}");
  symlinkSync(path.join(outside, "secret.txt"), path.join(root, "leak.txt"));
  symlinkSync(outside, path.join(root, "out"));
  symlinkSync(path.join(root, "assets", "a.css"), path.join(root, "inside.css"));
  const real = realpathSync(root);

  it("serves files and a folder's index.html", () => {
    expect(servedFile(real, "index.html")).toMatchObject({ ok: true, file: path.join(real, "index.html") });
    expect(servedFile(real, "assets/a.css")).toMatchObject({ ok: true, size: 3 });
    expect(servedFile(real, "inside.css")).toMatchObject({ ok: true, file: path.join(real, "assets", "a.css") });
  });

  it("refuses a symlink to a file or folder outside, and reports what is missing", () => {
    expect(servedFile(real, "leak.txt")).toEqual({ ok: false, status: 403 });
    expect(servedFile(real, "out/secret.txt")).toEqual({ ok: false, status: 403 });
    expect(servedFile(real, "nope.css")).toEqual({ ok: false, status: 404 });
    expect(servedFile(real, "assets")).toEqual({ ok: false, status: 404 });
  });
});

describe("content types and hosts", () => {
  it("names the types a deck uses, with a charset for text", () => {
    expect(contentType("index.html")).toBe("text/html; charset=utf-8");
    expect(contentType("a/reveal.js")).toBe("text/javascript; charset=utf-8");
    expect(contentType("a/theme.CSS")).toBe("text/css; charset=utf-8");
    expect(contentType("f.woff2")).toBe("font/woff2");
    expect(contentType("p.svg")).toBe("image/svg+xml");
    expect(contentType("deck.pdf")).toBe("application/pdf");
    expect(contentType("noext")).toBe("application/octet-stream");
  });

  it("accepts only loopback names in the Host header of a loopback server", () => {
    for (const host of ["127.0.0.1:8330", "localhost:8330", "[::1]:8330", "localhost", undefined]) {
      expect(hostAllowed(host)).toBe(true);
    }
    for (const host of ["evil.example:8330", "192.168.1.2:8330", "[fe80::1]:8330", "127.0.0.1.evil.example"]) {
      expect(hostAllowed(host)).toBe(false);
    }
  });
});
