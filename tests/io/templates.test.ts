/** A user's template that calls a helper or partial that does not exist: exit 5 naming the file and line. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import { ExitCode } from "../../src/errors.js";
import { expectUserError, run } from "../hardening/helpers.js";
import { tempDir } from "../helpers/browser.js";
import { referenceEssay, root } from "../helpers/paths.js";

function templates(file: string, contents: string): string {
  const work = tempDir("essay-deck-tpl-");
  mkdirSync(path.join(work, "tpl", "partials"), { recursive: true });
  writeFileSync(path.join(work, "tpl", file), contents);
  return work;
}

describe("templates that call what does not exist", () => {
  it("names the file, the line and the helpers there are", async () => {
    const deck = readFileSync(path.join(root, "templates", "deck.hbs"), "utf8");
    const work = templates("deck.hbs", `${deck.replace("</body>", "{{upcase deck.title}}\n</body>")}`);
    const line =
      `${deck.replace("</body>", "{{upcase deck.title}}\n</body>")}`.split("\n").findIndex((l) => l.includes("upcase")) + 1;
    expectUserError(
      await run(["build", referenceEssay, "--template-dir", "tpl", "-o", "out"], work),
      ExitCode.config,
      new RegExp(`template .*tpl/deck\\.hbs line ${line}: there is no helper "upcase" \\(the helpers are .*text, headline`),
    );
  });

  it("names a missing partial, and lets a template call its own inline partials", async () => {
    const work = templates(
      "partials/point.hbs",
      '{{#*inline "mine"}}x{{/inline}}\n{{> mine}}\n<section>\n{{> sidebar}}\n</section>\n',
    );
    expectUserError(
      await run(["build", referenceEssay, "--template-dir", "tpl", "-o", "out"], work),
      ExitCode.config,
      /template .*tpl\/partials\/point\.hbs line 4: there is no partial "sidebar" \(the partials are .*notes.*point/,
    );
  });
});
