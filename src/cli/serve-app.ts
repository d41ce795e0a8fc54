import { childProcessEnv, liveEnv } from "../env";
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { disconnectDb } from "../server/db/client";
import { releaseDatabase, resolveDatabase } from "../server/db/connection";
import { log } from "../server/log";
import { EXIT } from "./command";

/**
 * Runs the built web app (`next start`) and the background worker as child processes connected to
 * this process's database, until Ctrl-C / SIGTERM or until one of them dies; then stops them, and
 * the embedded server last (when no other Vigila process still uses it). Shared by `vigila start`
 * and `vigila demo`.
 */

export type ServeOptions = { host: string; port: number; demo: boolean; onReady: (url: string) => void };

const NEXT_BIN = path.resolve("node_modules/.bin/next");
const VIGILA_BIN = path.resolve("bin/vigila.mjs");
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const SIGNAL_GRACE_MS = 3_000;

/**
 * Stops a child: after Ctrl-C in a terminal it got the same SIGINT and is already stopping, and a
 * second signal could cut its own clean shutdown short; so SIGTERM only if it is still running after
 * a grace period, SIGKILL if it ignores that.
 */
function stop(child: ChildProcess, grace: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const term = setTimeout(() => child.kill("SIGTERM"), grace);
    const kill = setTimeout(() => child.kill("SIGKILL"), grace + STOP_TIMEOUT_MS);
    child.once("exit", () => {
      clearTimeout(term);
      clearTimeout(kill);
      resolve();
    });
  });
}

/** Resolves once `url` answers at all (any status: a redirect to sign-in means the app is up). */
export async function waitForHttp(url: string, app: ChildProcess, timeoutMs = READY_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`The web app exited with code ${app.exitCode} before answering`);
    const answered = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The web app did not answer on ${url} within ${timeoutMs / 1000} s`);
}

export async function serveApp(options: ServeOptions): Promise<number> {
  const { url: databaseUrl } = await resolveDatabase();
  const env = childProcessEnv({
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    VIGILA_DATA_DIR: path.resolve(liveEnv.dataDir()),
    VIGILA_DEMO: options.demo ? "1" : liveEnv.demo(),
  });
  const children: ChildProcess[] = [];
  let stopping = false;
  const finished = new Promise<number>((resolve) => {
    const shutdown = async (code: number, grace: number) => {
      if (stopping) return;
      stopping = true;
      // The app first (it may be mid-request), then the worker, then the database.
      for (const child of children) await stop(child, grace);
      await disconnectDb();
      const outcome = await releaseDatabase({ force: true });
      if (outcome === "stopped") log.info("Embedded PostgreSQL stopped");
      if (outcome === "left-running") log.info("Embedded PostgreSQL left running: another Vigila process is using it");
      resolve(code);
    };
    // `on`, not `once`: under `npm run` the signal arrives twice (from the terminal and relayed by
    // the tsx launcher), and a second one without a handler would kill this process mid-shutdown.
    const onSignal = () => void shutdown(EXIT.OK, SIGNAL_GRACE_MS);
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    const spawnChild = (name: string, command: string, args: string[]) => {
      const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "inherit"] });
      child.once("exit", (code, signal) => {
        if (stopping) return;
        log.error(`${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping`);
        void shutdown(EXIT.REJECTED, 0);
      });
      children.push(child);
      return child;
    };
    const app = spawnChild("The web app", NEXT_BIN, ["start", "--hostname", options.host, "--port", String(options.port)]);
    // Background jobs: alerts, the scheduled evaluation, the email sender.
    spawnChild("The worker", process.execPath, [VIGILA_BIN, "worker"]);
    const shownHost = options.host === "127.0.0.1" || options.host === "0.0.0.0" ? "localhost" : options.host;
    const url = `http://${shownHost}:${options.port}`;
    waitForHttp(`http://${options.host === "0.0.0.0" ? "127.0.0.1" : options.host}:${options.port}/login`, app).then(
      () => options.onReady(url),
      (err: unknown) => {
        log.error(err instanceof Error ? err.message : String(err));
        void shutdown(EXIT.REJECTED, 0);
      },
    );
  });
  return finished;
}
