import { defineConfig } from "vitest/config";

// The fast suite: pure core, rendering and in-process CLI. No browser.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/browser/**", "node_modules/**"],
    globalSetup: ["tests/setup/build-lib.ts"],
    // The JSON report feeds the one-line total that .ci/run prints (scripts/test-summary.mjs).
    reporters: ["default", "json"],
    outputFile: { json: "reports/fast.json" },
    testTimeout: 20_000,
  },
});
