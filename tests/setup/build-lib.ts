import { execFileSync } from "node:child_process";
import path from "node:path";

/** Tests that run the real bin need lib/ compiled from the current src/. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "..", "..");
  execFileSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], {
    cwd: root,
    stdio: "inherit",
  });
  // The rest of `npm run build`: the built-in templates, precompiled, the config file's JSON Schema, the CLI's bundle.
  for (const script of ["precompile-templates.mjs", "config-schema.mjs", "bundle.mjs"]) {
    execFileSync(process.execPath, [path.join(root, "scripts", script)], { cwd: root, stdio: "ignore" });
  }
}
