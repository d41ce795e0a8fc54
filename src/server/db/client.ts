import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createHash } from "node:crypto";
import { type Prisma, PrismaClient } from "../../generated/prisma/client";
import { log } from "../log";
import { resolveDatabase } from "./connection";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export type DbOrTx = Db | Tx;

/**
 * Every change is audited inside its own transaction, and audit writers take turns on the chain
 * lock, so a transaction may legitimately wait for others under load: Prisma's 2 s / 5 s
 * defaults would abort correct work. Long-running imports pass their own, larger timeout.
 */
const TRANSACTION_DEFAULTS = { maxWait: 15_000, timeout: 60_000 };

/**
 * Prisma's pg adapter reads `timestamptz` values as if they were UTC: on a server whose default
 * TimeZone is not UTC (e.g. a cluster created under TZ=America/Mexico_City) every instant from a raw
 * query would shift by the offset. Pin the session to UTC, whatever the server's setting.
 */
const SESSION_OPTIONS = "-c TimeZone=UTC";

/** Each client's open pg connections, so a transaction's own connection can be found (see `connectionOf`). */
const connections = new WeakMap<Db, Set<pg.PoolClient>>();
/** Each client's pool, for the statements that skip the ORM (see `queryPrepared`). */
const pools = new WeakMap<Db, pg.Pool>();

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, options: SESSION_OPTIONS });
  const open = new Set<pg.PoolClient>();
  pool.on("connect", (client) => open.add(client)).on("remove", (client) => open.delete(client));
  // An idle connection the server ended (restart, admin shutdown) is dropped by the pool and replaced on
  // the next query; without a listener the pool's "error" event would end the process.
  pool.on("error", (err) => log.warn("idle database connection lost", { error: err.message }));
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions: TRANSACTION_DEFAULTS });
  connections.set(db, open);
  pools.set(db, pool);
  return db;
}

/**
 * The pg connection an interactive transaction of `db` runs on, for what Prisma cannot send (COPY
 * FROM STDIN). Use it only between the transaction's own queries, never while one is running.
 */
export async function connectionOf(db: Db, tx: Tx): Promise<pg.PoolClient> {
  const [row] = await tx.$queryRaw<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const client = [...(connections.get(db) ?? [])].find((c) => "processID" in c && c.processID === row?.pid); // pg sets processID; its types leave it out
  if (!client) throw new Error("The transaction's connection was not made by createDb");
  return client;
}

/**
 * Runs one read statement as a named prepared statement on the client's pool, outside any transaction:
 * PostgreSQL plans it once per connection instead of on every request, and the ORM's per-query work is
 * skipped. For the hottest reads only (every request's session, the dossier). The rows come as pg parses
 * them, not as Prisma would: use it only for statements whose columns are json, text, int4, boolean or
 * timestamptz (pg gives int8 and numeric as strings and `date` at local midnight).
 */
export async function queryPrepared<T extends object>(db: Db, sql: Prisma.Sql): Promise<T[]> {
  const pool = poolOf(db);
  const name = `vigila_${createHash("sha256").update(sql.text).digest("hex").slice(0, 40)}`;
  const result = await pool.query<T>({ name, text: sql.text, values: sql.values });
  return result.rows;
}

/** The pg pool under a client made by `createDb`, for what needs a connection of its own (see `read-cursor.ts`). */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("The client was not made by createDb");
  return pool;
}

let shared: Promise<Db> | undefined;

/**
 * The process-wide client. Entry points (`vigila start`, `demo`, `worker`, every CLI command)
 * call `prepareDatabase()` first, which migrates; the web server only connects.
 */
export function getDb(): Promise<Db> {
  shared ??= resolveDatabase().then(({ url }) => createDb(url));
  return shared;
}

export async function disconnectDb() {
  if (!shared) return;
  const db = await shared.catch(() => null);
  shared = undefined;
  await db?.$disconnect();
}
