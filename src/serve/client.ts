/**
 * The live-reload client, added to index.html as the server sends it (the built deck on disk stays
 * clean). It listens to the server's events. A newer good build whose shell (see shell.ts) is the
 * page's own swaps the new slides in place; any other reloads the page on the slide it was on.
 * A failed build shows its message over the last good deck until the next good one.
 */

export const CLIENT_PATH = "/__essay-deck/client.js";
export const EVENTS_PATH = "/__essay-deck/events";

/** What the server tells pages, on connect and after every build. */
export interface PreviewState {
  /** The last good build; 0 before the first. */
  build: number;
  /** The message of the last build when it failed, else null. */
  error: string | null;
  /** The last good build's shell signature: equal to a page's own, its slides can be swapped in place. */
  shell: string;
}

// Plain ES2017 so any browser the deck runs in runs it. Text reaches the page only through
// textContent, never innerHTML: an error message quotes the user's files.
export const CLIENT_SCRIPT = `(function () {
  "use strict";
  var me = document.currentScript;
  var build = Number(me && me.getAttribute("data-build")) || 0;
  var shell = (me && me.getAttribute("data-shell")) || "";
  var receiver = /receiver/i.test(location.search);
  var key = "essay-deck:indices:" + location.pathname + location.search;
  var overlay = null, latest = null, patching = false;

  function restore() {
    var saved = sessionStorage.getItem(key);
    if (!saved || !window.Reveal) return;
    sessionStorage.removeItem(key);
    try {
      var want = JSON.parse(saved), now = Reveal.getIndices();
      if (now.h !== want.h || now.v !== want.v || now.f !== want.f) Reveal.slide(want.h, want.v, want.f);
    } catch (e) {}
  }
  if (window.Reveal) {
    if (Reveal.isReady()) restore();
    else Reveal.on("ready", restore);
  }

  // Reveal writes slide ids (#/title) into the URL, and late: put the indices there now, so the
  // reloaded deck opens on this slide at once; sessionStorage covers decks with hash off.
  function reload() {
    try {
      if (window.Reveal && Reveal.isReady()) {
        var i = Reveal.getIndices();
        sessionStorage.setItem(key, JSON.stringify(i));
        var hash = "#/" + i.h + "/" + (i.v || 0) + (typeof i.f === "number" && i.f >= 0 ? "/" + i.f : "");
        history.replaceState(history.state, "", location.pathname + location.search + hash);
      }
    } catch (e) {}
    location.reload();
  }

  // The new slides into the running deck: Reveal re-reads them, and the speaker view hears of it.
  function patch() {
    patching = true;
    fetch(location.pathname + location.search, { cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var tag = doc.querySelector("script[data-shell]");
        var fresh = doc.querySelector(".reveal .slides");
        var slides = document.querySelector(".reveal .slides");
        if (!tag || !fresh || !slides || tag.getAttribute("data-shell") !== shell) return reload();
        var i = Reveal.getIndices();
        slides.innerHTML = fresh.innerHTML;
        build = Number(tag.getAttribute("data-build")) || build;
        Reveal.sync();
        Reveal.slide(i.h, i.v, i.f);
        Reveal.dispatchEvent({ type: "slidechanged", data: { indexh: Reveal.getIndices().h, indexv: Reveal.getIndices().v,
          previousSlide: null, currentSlide: Reveal.getCurrentSlide(), origin: "essay-deck" } });
        document.dispatchEvent(new CustomEvent("essay-deck:slides-replaced", { detail: { build: build } }));
        patching = false;
        if (latest) apply(latest);
      })
      .catch(reload);
  }

  function showError(text) {
    if (receiver) return;
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "essay-deck-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:50vh;overflow:auto;" +
        "margin:0;padding:12px 44px 12px 16px;background:#2b0d0d;color:#ffe9e9;border-top:4px solid #e5484d;" +
        "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left;box-shadow:0 -4px 16px rgba(0,0,0,.4)";
      var title = document.createElement("strong");
      title.textContent = "essay-deck: the last save did not build. This is the last good deck; save again to retry.";
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "\\u00d7";
      close.setAttribute("aria-label", "Hide");
      close.style.cssText = "position:absolute;top:6px;right:10px;background:none;border:0;color:inherit;font-size:22px;cursor:pointer";
      close.onclick = function () { overlay.style.display = "none"; };
      var pre = document.createElement("pre");
      pre.style.cssText = "margin:6px 0 0;white-space:pre-wrap;word-break:break-word;font:inherit";
      overlay.appendChild(title);
      overlay.appendChild(close);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.style.display = "";
    overlay.querySelector("pre").textContent = text;
  }

  function hideError() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  function apply(state) {
    latest = state;
    if (patching) return;
    if (state.build > 0 && state.build !== build) {
      var inPlace = state.shell && state.shell === shell && window.Reveal && Reveal.isReady() && window.DOMParser &&
        !/print-pdf/i.test(location.search);
      return inPlace ? patch() : reload();
    }
    latest = null;
    if (state.error) showError(state.error);
    else hideError();
  }

  // A browser holds about six connections to one server: the speaker view's two preview frames hear
  // of builds from the deck's own window instead of holding event streams of their own.
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("essay-deck-preview") : null;
  if (receiver && channel) {
    channel.onmessage = function (e) { apply(e.data); };
  } else {
    var events = new EventSource(${JSON.stringify(EVENTS_PATH)});
    events.addEventListener("state", function (e) {
      var state = JSON.parse(e.data);
      if (channel) channel.postMessage(state);
      apply(state);
    });
  }
})();
`;

/** index.html with the client added before </body> (or at the end when there is none). */
export function injectClient(html: string, state: Pick<PreviewState, "build" | "shell">): string {
  const tag = `<script src="${CLIENT_PATH}" data-build="${state.build}" data-shell="${state.shell}"></script>\n`;
  const at = html.toLowerCase().lastIndexOf("</body>");
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

/** What the server shows before the first good build: the client, waiting for one. */
export function waitingPage(): string {
  return injectClient(
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>essay-deck</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;margin:2em">
<p>essay-deck: waiting for the essay to build. Fix the error below and save; this page reloads by itself.</p>
</body>
</html>
`,
    { build: 0, shell: "" },
  );
}
