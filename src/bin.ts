#!/usr/bin/env node
/**
 * The `essay-deck` command: turn on the compile cache (io/compile-cache.ts), then load and run the
 * CLI, so that what the CLI loads is compiled from the cache.
 */
import { enableCompileCache } from "./io/compile-cache.js";
import { packageVersion } from "./io/paths.js";

enableCompileCache(import.meta.dirname, process.argv[2] ?? "", packageVersion());
// Not awaited at the top level: the bundle is CommonJS, where this becomes a require().
void import("./cli/start.js");
