/**
 * Preloaded into an essay-deck process by the fault-injection tests (node --require): counts every
 * call that changes the disk, and at the one numbered ESSAY_DECK_KILL_AT sends the process SIGKILL
 * before the call runs, as an out-of-memory kill or a pulled plug would. ESSAY_DECK_COUNT_TO names
 * a file that receives the count at exit, to know how many kill points a run has.
 */
const fs = require("node:fs");
const { syncBuiltinESMExports } = require("node:module");

const killAt = Number(process.env.ESSAY_DECK_KILL_AT ?? 0);
const countTo = process.env.ESSAY_DECK_COUNT_TO;
let calls = 0;
const MUTATING = [
  "writeSync",
  "writeFileSync",
  "renameSync",
  "rmSync",
  "unlinkSync",
  "mkdirSync",
  "linkSync",
  "openSync",
  "closeSync",
  "utimesSync",
  "copyFileSync",
];
for (const name of MUTATING) {
  const original = fs[name];
  fs[name] = function (...args) {
    calls += 1;
    if (calls === killAt) process.kill(process.pid, "SIGKILL");
    return original.apply(this, args);
  };
}
syncBuiltinESMExports();
if (countTo) process.on("exit", () => require("node:fs").appendFileSync(countTo, `${calls}\n`));
