/** Shared by the preview's fast and browser tests: a temp copy of the reference essay, raw HTTP. */
import { copyFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay, root } from "../helpers/paths.js";

/** A folder holding a copy of the reference essay and its config. */
export function essayFolder(): { dir: string; essay: string } {
  const dir = tempDir("essay-deck-preview-essay-");
  const essay = path.join(dir, "essay.zh-Hant.txt");
  copyFileSync(referenceEssay, essay);
  copyFileSync(path.join(root, "content", "essay-deck.config.json"), path.join(dir, "essay-deck.config.json"));
  return { dir, essay };
}

/** The raw response to a request line a URL-normalizing client would never send. */
export function rawRequest(url: string, target: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname.replace(/^\[|\]$/g, ""));
    let data = "";
    socket.on("data", (d) => {
      data += d.toString("latin1");
    });
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
    socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
  });
}
