#!/usr/bin/env node
// Make sure the browser tests have what they need: Chromium, CJK fonts, poppler-utils and
// LibreOffice Impress (which opens the PPTX export).
// On Debian/Ubuntu as root, install them with apt when missing; elsewhere say what to run.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const APT = ["chromium", "chromium-headless-shell", "fonts-noto-cjk", "poppler-utils", "libreoffice-impress"];
const browser = process.env.PUPPETEER_EXECUTABLE_PATH || process.env.CHROME_PATH || "/usr/bin/chromium";
const has = {
  chromium: existsSync(browser),
  headlessShell: existsSync("/usr/bin/chromium-headless-shell") || Boolean(process.env.PUPPETEER_EXECUTABLE_PATH),
  fonts: spawnSync("fc-list", [":lang=zh-tw"], { encoding: "utf8" }).stdout?.includes("Noto") ?? false,
  poppler: spawnSync("pdfinfo", ["-v"]).status === 0,
  impress: spawnSync("soffice", ["--version"]).status === 0,
};
if (Object.values(has).every(Boolean)) process.exit(0);

const line = `apt-get install -y --no-install-recommends ${APT.join(" ")}`;
const isRoot = process.getuid?.() === 0;
if (!isRoot || !existsSync("/usr/bin/apt-get")) {
  console.error(
    `The browser tests need Chromium, Noto CJK fonts, poppler-utils and LibreOffice Impress. Install them with:\n  sudo ${line}`,
  );
  process.exit(1);
}
console.error(`ensure-browser: installing ${APT.join(", ")} with apt-get`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
const install = () => execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...APT], { stdio: "inherit", env });
try {
  try {
    install();
  } catch {
    // A fresh machine has no package lists yet.
    execFileSync("apt-get", ["update"], { stdio: "inherit", env });
    install();
  }
} catch (e) {
  console.error(
    `ensure-browser: apt-get could not install ${APT.join(" ")} (${e.message.split("\n")[0]}); install Chromium, Noto CJK fonts, poppler-utils and LibreOffice Impress by hand`,
  );
  process.exit(1);
}
