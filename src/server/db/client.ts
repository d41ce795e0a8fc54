import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../generated/prisma/client";
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

export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, options: SESSION_OPTIONS });
  const open = new Set<pg.PoolClient>();
  pool.on("connect", (client) => open.add(client)).on("remove", (client) => open.delete(client));
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions: TRANSACTION_DEFAULTS });
  connections.set(db, open);
  return db;
}

/**
 * The pg connection an interactive transaction of `db` runs on, for what Prisma cannot send (COPY
 * FROM STDIN). Use it only between the transaction's own queries, never while one is running.
 */
export async function connectionOf(db: Db, tx: Tx): Promise<pg.PoolClient> {
  const [row] = await tx.$queryRaw<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const client = [...(connections.get(db) ?? [])].find((c) => (c as unknown as { processID: number }).processID === row?.pid);
  if (!client) throw new Error("The transaction's connection was not made by createDb");
  return client;
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
