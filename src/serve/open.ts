/** Open a URL in the user's default browser; failing to is worth a warning, not an error. */
import { spawn } from "node:child_process";

export function openerFor(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === "darwin") return { command: "open", args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title.
  if (platform === "win32") return { command: "cmd", args: ["/c", "start", '""', url] };
  return { command: "xdg-open", args: [url] };
}

/** Resolves to null once the opener started fine, or to why it did not. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const { command, args } = openerFor(platform, url);
  return new Promise((resolve) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, args, { stdio: "ignore", detached: true, windowsHide: true });
    } catch (e) {
      resolve(`${command}: ${(e as Error).message}`);
      return;
    }
    child.once("error", (e: NodeJS.ErrnoException) => resolve(`${command}: ${e.code ?? e.message}`));
    child.once("exit", (code) => resolve(code === 0 ? null : `${command} exited with ${code}`));
    child.unref();
  });
}
