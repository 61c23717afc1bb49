/** The preview's HTTP side: the built deck's files, the live-reload client, and its event stream. */
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH, injectClient, type PreviewState, waitingPage } from "./client.js";
import { isLoopback, listen } from "./listen.js";
import { contentType, requestPath, servedFile } from "./paths.js";

export interface Site {
  /** The served folder's realpath. */
  rootReal: string;
  state(): PreviewState;
  /** Bound to loopback: refuse Host headers naming anything else (DNS rebinding). */
  loopbackOnly: boolean;
  /**
   * Whether a path is one of the deck's files (the last good build's): `serve -o .` builds beside
   * the user's other files, and those are not the deck's to show.
   */
  isDeckFile(relative: string): boolean;
}

export interface Handler {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Tell every open page the new state. */
  broadcast(state: PreviewState): void;
  /** How many pages are listening. */
  listeners(): number;
  /** End every event stream, so the server can close. */
  closeStreams(): void;
}

const BASE_HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export function createHandler(site: Site): Handler {
  const streams = new Set<ServerResponse>();
  const event = (state: PreviewState) => `event: state\ndata: ${JSON.stringify(state)}\n\n`;

  /** What to answer, or null once the request became an event stream. */
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<Reply | null> => {
    if (req.method !== "GET" && req.method !== "HEAD") return plain(405, { Allow: "GET, HEAD" });
    if (site.loopbackOnly && !hostAllowed(req.headers.host)) return plain(403);
    const target = req.url ?? "/";
    const pathOnly = target.replace(/[?#].*$/s, "");
    if (pathOnly === CLIENT_PATH) return { status: 200, type: "text/javascript; charset=utf-8", body: CLIENT_SCRIPT };
    if (pathOnly === EVENTS_PATH) {
      res.writeHead(200, { ...BASE_HEADERS, "Content-Type": "text/event-stream; charset=utf-8", Connection: "keep-alive" });
      // Reconnect quickly after the server restarts; the first state tells a stale page to reload.
      res.write(`retry: 500\n${event(site.state())}`);
      streams.add(res);
      req.on("close", () => streams.delete(res));
      return null;
    }
    const wanted = requestPath(target);
    if (!wanted.ok) return plain(wanted.status);
    const state = site.state();
    if (state.build === 0 && wanted.path === "index.html") {
      return { status: 200, type: "text/html; charset=utf-8", body: waitingPage() };
    }
    if (!site.isDeckFile(wanted.path)) return plain(404);
    const found = servedFile(site.rootReal, wanted.path);
    if (!found.ok) return plain(found.status);
    let bytes: Buffer;
    try {
      bytes = await readFile(found.file);
    } catch {
      return plain(404);
    }
    const type = contentType(found.file);
    return { status: 200, type, body: type.startsWith("text/html") ? injectClient(bytes.toString("utf8"), state) : bytes };
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res).then(
      (reply) => {
        if (reply) send(req, res, reply);
      },
      () => send(req, res, plain(500)),
    );
  };

  return {
    handle,
    broadcast: (state) => {
      for (const s of streams) s.write(event(state));
    },
    listeners: () => streams.size,
    closeStreams: () => {
      for (const s of streams) s.end();
      streams.clear();
    },
  };
}

interface Reply {
  status: number;
  type: string;
  body: string | Uint8Array;
  headers?: Record<string, string>;
}

const STATUS_TEXT: Record<number, string> = {
  400: "bad request",
  403: "forbidden",
  404: "not found",
  405: "method not allowed",
  500: "internal error",
};

const plain = (status: number, headers?: Record<string, string>): Reply => ({
  status,
  type: "text/plain; charset=utf-8",
  body: `${status} ${STATUS_TEXT[status] ?? ""}\n`,
  headers,
});

function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  const bytes = typeof reply.body === "string" ? Buffer.from(reply.body, "utf8") : reply.body;
  res.writeHead(reply.status, {
    ...BASE_HEADERS,
    ...reply.headers,
    "Content-Type": reply.type,
    "Content-Length": bytes.byteLength,
  });
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/** A Host header naming this machine's loopback (or none, as HTTP/1.0 clients send). */
export function hostAllowed(host: string | undefined): boolean {
  if (!host) return true;
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d*$/, "");
  return isLoopback(name);
}

export interface Listening {
  port: number;
  /** End every event stream and connection, close the server, then run `cleanup`; once, however often called. */
  close(): Promise<void>;
}

/**
 * Serve `handler` on `host` (the port asked for, or the next free one). `cleanup` (stop watching,
 * remove a temporary folder) runs when listening fails, and after the server has closed.
 */
export async function serveHandler(
  handler: Handler,
  host: string,
  asked: number | undefined,
  cleanup: () => void,
): Promise<Listening> {
  const server = createServer(handler.handle);
  let port: number;
  try {
    port = await listen(server, host, asked);
  } catch (e) {
    cleanup();
    throw e;
  }
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      handler.closeStreams();
      server.close(() => {
        cleanup();
        resolve();
      });
      server.closeAllConnections();
    });
    return closing;
  };
  return { port, close };
}
