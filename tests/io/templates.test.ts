/** A user's template that calls a helper or partial that does not exist: exit 5 naming the file and line. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/errors.js";
import { expectUserError, run, snapshot } from "../hardening/helpers.js";
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

describe("templates that fail while rendering", () => {
  it("names a block helper without its one argument, with the file and line, before any rendering", async () => {
    const work = templates("partials/point.hbs", "<section>\n{{#each}}x{{/each}}\n</section>\n");
    expectUserError(
      await run(["build", referenceEssay, "--template-dir", "tpl", "-o", "out"], work),
      ExitCode.config,
      /template .*tpl\/partials\/point\.hbs line 2: \{\{#each\}\} takes one argument, it has 0 \(e\.g\. \{\{#each slides\}\}\)/,
    );
  });

  it("says which template failed and what to do, and leaves the deck built before as it was", async () => {
    const work = templates("partials/point.hbs", '<section>{{> (lookup . "headline")}}</section>\n');
    const good = await run(["build", referenceEssay, "-o", "out"], work);
    expect(good.code, good.stderr).toBe(0);
    const before = snapshot(path.join(work, "out"));
    expectUserError(
      await run(["build", referenceEssay, "--template-dir", "tpl", "-o", "out"], work),
      ExitCode.config,
      /template partials\/point\.hbs failed while rendering: The partial .* could not be found \(fix it in your --template-dir, or remove it there/,
    );
    expect(snapshot(path.join(work, "out"))).toEqual(before);
  });
});
