#!/usr/bin/env node
// The `vigila` command: TypeScript sources run through tsx, so the CLI and the app share one codebase.
import { spawn } from "node:child_process";
import { register } from "tsx/esm/api";

/*
 * `vigila import` streams files of up to 1,000,000 rows with well under 256 MB live, but V8 sizes
 * its heap from the machine's RAM and lets garbage pile up past 600 MB RSS before collecting
 * (docs/benchmarks.md). A heap limit can only be set when node starts, so the import re-runs
 * itself with one. The child dies with its parent (IPC channel closes, even on kill -9), so killing
 * the command still rolls the import back.
 */
const IMPORT_HEAP_MB = 256;
const capped = process.execArgv.some((a) => a.startsWith("--max-old-space-size"));
if (process.argv[2] === "import" && !capped) {
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${IMPORT_HEAP_MB}`, ...process.argv.slice(1)], {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    if (!signal) process.exit(code ?? 1);
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
} else {
  if (process.send) process.on("disconnect", () => process.kill(process.pid, "SIGKILL"));
  register();
  await import("../src/cli/index.ts");
}
