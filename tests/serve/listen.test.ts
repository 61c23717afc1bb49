import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { DeckError, ExitCode } from "../../src/errors.js";
import { candidatePorts, DEFAULT_PORT, isLoopback, listen, PORT_TRIES, parsePort, urlFor } from "../../src/serve/listen.js";
import { openerFor } from "../../src/serve/open.js";

const servers: Server[] = [];
const server = (): Server => {
  const s = createServer((_req, res) => res.end());
  servers.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A port the system just handed out, now held by a server of ours. */
async function occupiedPort(): Promise<number> {
  return listen(server(), "127.0.0.1", 0);
}

describe("which port", () => {
  it("parses --port strictly", () => {
    expect(parsePort("8080")).toBe(8080);
    expect(parsePort("0")).toBe(0);
    for (const bad of ["", "http", "-1", "65536", "80.5", "1e3", "123456"]) {
      expect(() => parsePort(bad)).toThrow(DeckError);
    }
    try {
      parsePort("x");
    } catch (e) {
      expect((e as DeckError).exitCode).toBe(ExitCode.usage);
    }
  });

  it("tries only the port asked for, or the default onwards and then any free one", () => {
    expect(candidatePorts(9000)).toEqual([9000]);
    const ports = candidatePorts(undefined);
    expect(ports[0]).toBe(DEFAULT_PORT);
    expect(ports).toHaveLength(PORT_TRIES + 1);
    expect(ports.at(-2)).toBe(DEFAULT_PORT + PORT_TRIES - 1);
    expect(ports.at(-1)).toBe(0);
  });

  it("fails with the port exit code when the port asked for is taken", async () => {
    const taken = await occupiedPort();
    const error = await listen(server(), "127.0.0.1", taken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeckError);
    expect((error as DeckError).exitCode).toBe(ExitCode.port);
    expect((error as DeckError).message).toContain(`port ${taken}`);
    expect((error as DeckError).message).toContain("--port");
  });

  it("takes the next free port when none was asked for", async () => {
    // Hold the default port (unless something else on this machine already does): the preview moves on.
    const holder = server();
    const held = await new Promise<boolean>((resolve) => {
      holder.once("error", () => resolve(false));
      holder.listen(DEFAULT_PORT, "127.0.0.1", () => resolve(true));
    });
    const port = await listen(server(), "127.0.0.1", undefined);
    expect(port).not.toBe(DEFAULT_PORT);
    if (held) expect(port).toBeGreaterThan(DEFAULT_PORT);
  });

  it("says when --host is not an address of this machine", async () => {
    const error = await listen(server(), "203.0.113.7", 0).catch((e: unknown) => e);
    expect((error as DeckError).exitCode).toBe(ExitCode.usage);
    expect((error as DeckError).message).toContain("--host 203.0.113.7");
  });
});

describe("addresses and URLs", () => {
  it("knows loopback from the network", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]", "::ffff:127.0.0.1"]) expect(isLoopback(h)).toBe(true);
    for (const h of ["0.0.0.0", "::", "192.168.0.10", "10.0.0.1", "example.com", "128.0.0.1"]) expect(isLoopback(h)).toBe(false);
  });

  it("prints a URL a browser on this machine can open", () => {
    expect(urlFor("127.0.0.1", 8330)).toBe("http://127.0.0.1:8330/");
    expect(urlFor("0.0.0.0", 8330)).toBe("http://127.0.0.1:8330/");
    expect(urlFor("::", 1)).toBe("http://[::1]:1/");
    expect(urlFor("::1", 8331)).toBe("http://[::1]:8331/");
    expect(urlFor("localhost", 8330)).toBe("http://localhost:8330/");
  });

  it("opens the default browser with each platform's own command", () => {
    expect(openerFor("linux", "http://x/")).toEqual({ command: "xdg-open", args: ["http://x/"] });
    expect(openerFor("darwin", "http://x/")).toEqual({ command: "open", args: ["http://x/"] });
    expect(openerFor("win32", "http://x/").args).toEqual(["/c", "start", '""', "http://x/"]);
  });
});
