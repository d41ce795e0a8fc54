import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/** `vigila <args>` in a child process (a real worker that can be killed), logs kept for failures. */
export function spawnVigila(args: string[], env: Record<string, string>): ChildProcess & { output: string[] } {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("src/cli/index.ts"), ...args], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", VIGILA_DEMO: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  }) as ChildProcess & { output: string[] };
  child.output = [];
  child.stdout?.on("data", (c: Buffer) => child.output.push(c.toString()));
  child.stderr?.on("data", (c: Buffer) => child.output.push(c.toString()));
  return child;
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Polls `check` every `everyMs` until it returns true; fails after `timeoutMs` (loops are always bounded). */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string, everyMs = 25) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
