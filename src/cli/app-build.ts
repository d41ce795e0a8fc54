import { childProcessEnv } from "../env";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { log } from "../server/log";

/** What `next build` reads: a build older than any of these is stale. */
const BUILD_INPUTS = ["src", "messages", "public", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const BUILD_ID = path.resolve(".next/BUILD_ID");

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target);
  const times = await Promise.all(entries.map((e) => newestMtime(path.join(target, e))));
  return Math.max(info.mtimeMs, ...times);
}

export function appIsBuilt() {
  return existsSync(BUILD_ID);
}

export async function appBuildIsCurrent(): Promise<boolean> {
  if (!appIsBuilt()) return false;
  const built = (await stat(BUILD_ID)).mtimeMs;
  const sources = await Promise.all(BUILD_INPUTS.map((p) => newestMtime(path.resolve(p))));
  return Math.max(...sources) <= built;
}

/** Runs `next build` (its output on stderr: stdout is for the command's own result). */
export async function buildApp(signal?: AbortSignal): Promise<void> {
  log.info("Building the web app (next build)…");
  const started = Date.now();
  const child = spawn(path.resolve("node_modules/.bin/next"), ["build"], {
    env: childProcessEnv({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }),
    stdio: ["ignore", process.stderr, process.stderr],
    signal,
    killSignal: "SIGTERM",
  });
  child.on("error", () => undefined); // an abort also surfaces as an 'error' event; the exit code says it all
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  log.info(`Built the web app in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
