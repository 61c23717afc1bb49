/** The CLI run in-process, as the bin runs it: the exit code and everything it printed. */
import { main } from "../../src/cli/index.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}
