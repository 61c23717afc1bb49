import { defineConfig } from "vitest/config";

// The browser suite: real Chromium through Puppeteer. Never skipped: a missing browser fails it.
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/setup/build-lib.ts"],
    // The JSON report feeds the one-line total that .ci/run prints (scripts/test-summary.mjs).
    reporters: ["default", "json"],
    outputFile: { json: "reports/browser.json" },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
