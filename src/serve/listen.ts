/** Which port and address the preview listens on: the port asked for, or the first free one. */
import type { Server } from "node:http";
import net from "node:net";
import { DeckError, ExitCode } from "../errors.js";

/** Tried first when no port is asked for, so the URL stays the same from one session to the next. */
export const DEFAULT_PORT = 8330;
/** Ports tried after DEFAULT_PORT before letting the system pick any free one. */
export const PORT_TRIES = 20;
export const DEFAULT_HOST = "127.0.0.1";

/** A --port value: a whole number from 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new DeckError(`--port must be a number from 1 to 65535, or 0 for any free port (got "${value}")`, ExitCode.usage);
  }
  return port;
}

/** The ports to try, in order: the one asked for only, or DEFAULT_PORT onwards then any (0). */
export function candidatePorts(asked: number | undefined): number[] {
  if (asked !== undefined) return [asked];
  return [...Array.from({ length: PORT_TRIES }, (_, i) => DEFAULT_PORT + i), 0];
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  if (net.isIPv4(h)) return h.startsWith("127.");
  if (h.startsWith("::ffff:")) return h.slice(7).startsWith("127.");
  return false;
}

/** A URL for an address: the wildcard addresses are reached through loopback on this machine. */
export function urlFor(host: string, port: number): string {
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  const name = net.isIPv6(reachable) ? `[${reachable}]` : reachable;
  return `http://${name}:${port}/`;
}

/** Listen on the first free candidate port; returns the port bound. */
export async function listen(server: Server, host: string, asked: number | undefined): Promise<number> {
  for (const port of candidatePorts(asked)) {
    const error = await tryListen(server, host, port);
    if (!error) {
      const address = server.address();
      return typeof address === "object" && address ? address.port : port;
    }
    if (error.code === "EADDRINUSE" && asked === undefined) continue;
    throw listenError(error, host, port);
  }
  throw new DeckError(`no free port on ${host}: pass one with --port`, ExitCode.port);
}

function tryListen(server: Server, host: string, port: number): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      resolve(e);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve(null);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

function listenError(e: NodeJS.ErrnoException, host: string, port: number): DeckError {
  switch (e.code) {
    case "EADDRINUSE":
      return new DeckError(
        `port ${port} on ${host} is in use: pass another --port, or leave --port out to take a free one`,
        ExitCode.port,
      );
    case "EACCES":
      return new DeckError(`not allowed to listen on port ${port}: pass --port 1024 or higher`, ExitCode.port);
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new DeckError(`--host ${host} is not an address of this machine: use 127.0.0.1, or 0.0.0.0 for all`, ExitCode.usage);
    default:
      return new DeckError(`cannot listen on ${host}:${port}: ${e.code ?? e.message}`, ExitCode.port);
  }
}
