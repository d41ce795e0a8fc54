import { readdir } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import type { Db } from "../db/client";

/** A worker whose newest beat is older than this is reported stale. */
export const WORKER_STALE_MS = 2 * 60_000;
export const HEARTBEAT_EVERY_MS = 15_000;
// Counting stops here: beyond it the exact backlog does not change what an operator does.
const BACKLOG_CAP = 10_000;

export type Readiness = {
  status: "ready" | "degraded" | "unavailable";
  database: "ok" | "unreachable";
  migrations: "current" | "pending" | "unknown";
  worker: { lastBeatSecondsAgo: number | null; stale: boolean };
  outbox: { pending: number | null; capped: boolean };
};

let migrationNames: Promise<string[]> | undefined;

/** The migrations this build ships (folder names), read once per process. */
function shippedMigrations(): Promise<string[]> {
  migrationNames ??= readdir(path.resolve(/* turbopackIgnore: true */ "prisma/migrations"), { withFileTypes: true }).then((entries) =>
    entries.filter((e) => e.isDirectory()).map((e) => e.name),
  );
  return migrationNames;
}

/**
 * What a load balancer or an orchestrator needs to know, in one statement: the database answers, every
 * migration this build ships is applied, how long ago a worker last beat, how many e-mails wait. No
 * session, no personal data, not audited. Ready (200) needs the database and the migrations; a stale
 * worker or a backlog make it "degraded" (still 200: the web process itself serves).
 */
export async function readiness(db: Db, now: Date = new Date()): Promise<Readiness> {
  const shipped = await shippedMigrations().catch(() => null);
  try {
    const [row] = await db.$queryRaw<{ applied: number; beatAt: Date | null; pending: number }[]>`
      select (select count(*)::int from "_prisma_migrations"
               where finished_at is not null and rolled_back_at is null and migration_name = any(${shipped ?? []}::text[])) as applied,
             (select max("beatAt") from "WorkerHeartbeat") as "beatAt",
             (select count(*)::int from (select 1 from "OutboxEmail" where status = 'PENDING' limit ${BACKLOG_CAP + 1}) p) as pending`;
    const migrations = shipped === null ? "unknown" : row!.applied === shipped.length ? "current" : "pending";
    const age = row!.beatAt ? Math.max(0, now.getTime() - row!.beatAt.getTime()) : null;
    const stale = age === null || age > WORKER_STALE_MS;
    return {
      status: migrations !== "current" ? "unavailable" : stale ? "degraded" : "ready",
      database: "ok",
      migrations,
      worker: { lastBeatSecondsAgo: age === null ? null : Math.round(age / 1000), stale },
      outbox: { pending: Math.min(row!.pending, BACKLOG_CAP), capped: row!.pending > BACKLOG_CAP },
    };
  } catch {
    return {
      status: "unavailable",
      database: "unreachable",
      migrations: "unknown",
      worker: { lastBeatSecondsAgo: null, stale: true },
      outbox: { pending: null, capped: false },
    };
  }
}

/** This worker's beat (one row per host:pid); rows of workers silent for a day are dropped. */
export async function writeHeartbeat(db: Db, now: Date = new Date(), instance = `${hostname()}:${process.pid}`) {
  await db.$executeRaw`insert into "WorkerHeartbeat" (instance, "beatAt") values (${instance}, ${now})
    on conflict (instance) do update set "beatAt" = excluded."beatAt"`;
  await db.$executeRaw`delete from "WorkerHeartbeat" where "beatAt" < ${new Date(now.getTime() - 86_400_000)}`;
}
