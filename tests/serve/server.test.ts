import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/index.js";
import { type PreviewServer, startServer } from "../../src/serve/index.js";
import { essayFolder, rawRequest } from "./helpers.js";

const next = <T>(server: PreviewServer, event: "built" | "failed"): Promise<T> =>
  new Promise((resolve) => server.events.once(event, (o: unknown) => resolve(o as T)));

describe("startServer: the preview over real HTTP", () => {
  let server: PreviewServer;
  const { dir, essay } = essayFolder();
  const original = readFileSync(essay, "utf8");

  beforeAll(async () => {
    server = await startServer({ input: essay, cwd: dir, port: 0, debounceMs: 20 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("serves the deck with the live-reload client, no caching, the right types", async () => {
    expect(server.first.ok).toBe(true);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toMatch(
      /<script src="\/__essay-deck\/client\.js" data-build="1" data-shell="[0-9a-f]{16}"><\/script>\n<\/body>/,
    );
    // The deck on disk stays clean: the client is added only as it is served.
    expect(readFileSync(path.join(server.outDir, "index.html"), "utf8")).not.toContain("__essay-deck");
    const css = await fetch(new URL("assets/essay-deck.css", server.url));
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const js = await fetch(new URL("__essay-deck/client.js", server.url));
    expect(await js.text()).toContain("EventSource");
    expect((await fetch(new URL("missing.css", server.url))).status).toBe(404);
    expect((await fetch(server.url, { method: "POST" })).status).toBe(405);
  });

  it("refuses every way out of the output folder", async () => {
    for (const target of ["/../package.json", "/%2e%2e/package.json", "/assets/..%2f..%2fpackage.json", "/..%5cpackage.json"]) {
      const response = await rawRequest(server.url, target);
      expect(response, target).toMatch(/^HTTP\/1\.1 40[034] /);
      expect(response, target).not.toContain('"name": "essay-deck"');
    }
    expect(await rawRequest(server.url, "/../package.json")).toMatch(/^HTTP\/1\.1 403 /);
  });

  it("rebuilds on save, keeps the last good deck on a broken save, and recovers", async () => {
    const built = next<{ build: number; changed: string[] }>(server, "built");
    writeFileSync(essay, original.replace("顛覆性創新的重要性", "顛覆性創新的意義"));
    expect(await built).toMatchObject({ build: 2, changed: [essay] });
    expect(await (await fetch(server.url)).text()).toContain("顛覆性創新的意義");

    const failed = next<{ build: number; message: string }>(server, "failed");
    writeFileSync(essay, "");
    const failure = await failed;
    expect(failure.build).toBe(2);
    expect(failure.message).toContain("is empty");
    const kept = await (await fetch(server.url)).text();
    expect(kept).toContain("顛覆性創新的意義");
    expect(kept).toContain('data-build="2"');

    const recovered = next<{ build: number }>(server, "built");
    writeFileSync(essay, original);
    expect((await recovered).build).toBe(3);
    expect(await (await fetch(server.url)).text()).toContain("顛覆性創新的重要性");
  });

  it("tells listening pages the state on connect", async () => {
    const response = await fetch(new URL("__essay-deck/events", server.url));
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toMatch(/event: state\ndata: \{"build":\d+,"error":null,"shell":"[0-9a-f]{16}"\}/);
    await reader.cancel();
  });
});

describe("startServer when the first build fails", () => {
  it("serves a waiting page with the error, and the deck once a save builds", async () => {
    const { dir, essay } = essayFolder();
    const good = readFileSync(essay, "utf8");
    writeFileSync(essay, "   \n");
    const server = await startServer({ input: essay, cwd: dir, port: 0, debounceMs: 20 });
    try {
      expect(server.first).toMatchObject({ ok: false, build: 0 });
      const waiting = await (await fetch(server.url)).text();
      expect(waiting).toContain("waiting for the essay to build");
      expect(waiting).toContain('data-build="0"');
      const events = await fetch(new URL("__essay-deck/events", server.url));
      const reader = events.body!.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toContain('"error":"');
      await reader.cancel();
      const built = next<{ build: number }>(server, "built");
      writeFileSync(essay, good);
      expect((await built).build).toBe(1);
      expect(await (await fetch(server.url)).text()).toContain("顛覆性創新的重要性");
    } finally {
      await server.close();
    }
  });

  it("refuses to start when there is no essay to watch", async () => {
    const { dir } = essayFolder();
    await expect(startServer({ input: "missing.txt", cwd: dir, port: 0 })).rejects.toMatchObject({ exitCode: 3 });
  });
});

describe("the serve command", () => {
  it("prints the URL, serves until stopped, then cleans up and exits 0", async () => {
    const { dir } = essayFolder();
    let err = "";
    const stop = new AbortController();
    const running = main(["serve", dir, "--port", "0"], {
      stdout: () => {},
      stderr: (t) => {
        err += t;
      },
      cwd: dir,
      signal: stop.signal,
    });
    const url = await waitForUrl(() => err);
    expect((await fetch(url)).status).toBe(200);
    const outDir = /built (\S+)index\.html/.exec(err)?.[1] ?? "";
    expect(existsSync(outDir)).toBe(true);
    stop.abort();
    expect(await running).toBe(0);
    expect(err).toContain("stopped");
    expect(existsSync(outDir)).toBe(false);
    await expect(fetch(url)).rejects.toThrow();
  });

  it("exits with the port code when the port asked for is taken", async () => {
    const { dir } = essayFolder();
    const holder = await startServer({ input: dir, cwd: dir, port: 0 });
    try {
      let err = "";
      const code = await main(["serve", dir, "--port", String(holder.port)], {
        stdout: () => {},
        stderr: (t) => {
          err += t;
        },
        cwd: dir,
      });
      expect(code).toBe(11);
      expect(err).toContain(`port ${holder.port} on 127.0.0.1 is in use`);
    } finally {
      await holder.close();
    }
  });

  it("build --watch refuses --pdf instead of leaving a stale PDF", async () => {
    const { dir } = essayFolder();
    let err = "";
    const code = await main(["build", dir, "-o", "out", "--watch", "--pdf"], {
      stdout: () => {},
      stderr: (t) => {
        err += t;
      },
      cwd: dir,
    });
    expect(code).toBe(2);
    expect(err).toContain("--watch rebuilds the HTML deck only");
  });

  it("build --watch rebuilds on save, one line each, until stopped", async () => {
    const { dir, essay } = essayFolder();
    let err = "";
    const stop = new AbortController();
    const running = main(["build", dir, "-o", "out", "--watch"], {
      stdout: () => {},
      stderr: (t) => {
        err += t;
      },
      cwd: dir,
      signal: stop.signal,
    });
    await until(() => err.includes("watching"));
    expect(err).toMatch(/^built out\/index\.html: \d+ slides from essay\.zh-Hant\.txt in \d+ ms\n/);
    writeFileSync(essay, readFileSync(essay, "utf8").replace("顛覆性創新的重要性", "顛覆性創新的意義"));
    await until(() => err.includes("rebuilt"));
    expect(err).toMatch(
      /rebuilt out\/index\.html: \d+ slides from essay\.zh-Hant\.txt in \d+ ms \(essay\.zh-Hant\.txt changed\)/,
    );
    expect(readFileSync(path.join(dir, "out", "index.html"), "utf8")).toContain("顛覆性創新的意義");
    writeFileSync(path.join(dir, "essay-deck.config.json"), "{ not json");
    await until(() => err.includes("error:"));
    expect(err).toMatch(/error: .*essay-deck\.config\.json.*not valid JSON.*; keeping the last good deck/);
    stop.abort();
    expect(await running).toBe(0);
  });
});

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function waitForUrl(text: () => string): Promise<string> {
  await until(() => /serving (http:\S+)/.test(text()));
  return /serving (http:\S+)/.exec(text())?.[1] ?? "";
}
