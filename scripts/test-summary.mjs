#!/usr/bin/env node
// One closing line for CI over both suites: "tests: N passed, N failed, N skipped".
// Reads the JSON reports vitest writes (vitest.config.ts, vitest.browser.config.ts).
import { existsSync, readFileSync } from "node:fs";

const suites = ["reports/fast.json", "reports/browser.json"];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of suites) {
  if (!existsSync(file)) {
    console.error(`test-summary: ${file} is missing: that suite did not run`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
// A skipped test is a test that did not run: in this project none is skipped on purpose.
process.exit(failed > 0 || skipped > 0 || passed === 0 ? 1 : 0);
