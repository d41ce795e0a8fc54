import { Prisma } from "../../generated/prisma/client";
import type { Db, DbOrTx } from "../db/client";
import { type SqlContext, sqlDate } from "./metrics/types";

/**
 * Stored active-officer counts per department and date: the complaint-rate peer median needs every
 * department's count at D, and computing them scans every officer (the bulk of re-evaluating one
 * department). A complaint does not change them, so after a new complaint they are still valid.
 *
 * Exact whatever the writers, because state lives in PostgreSQL only and validity is judged in the
 * reader's own snapshot:
 * - a statement-level trigger on "Officer" appends a row to "OfficerCountMark" whenever a statement
 *   changes who is active in which department (migration 20261129004912_rules_officer_count_marks);
 * - a reader uses stored counts only if D is stored and it sees no mark, in the same statement as
 *   everything else it reads (`peerStaffCtes`), else it counts officers itself;
 * - a refresh (below), one at a time under an advisory lock, deletes the marks it sees, then counts
 *   in a later snapshot of the same transaction. A change committed meanwhile is in the counts but
 *   keeps its mark; a change committed later or still running keeps its mark: both only make the
 *   stored counts look stale, never make stale counts look valid.
 * A transaction that changed officers itself sees its own marks, so it never uses stored counts.
 */

// Any fixed number, distinct from the others (7_411_0xx): one refresher at a time across all processes.
const REFRESH_LOCK_KEY = 7_411_041;
/** Dates kept (the daily run, a dry-run, a 24-month backtest); older ones are recounted if asked for. */
const KEEP_DATES = 64;

const activeAt = (D: Prisma.Sql) => Prisma.sql`o."hiredOn" <= ${D} and (o."separatedOn" is null or o."separatedOn" > ${D})`;

/**
 * CTEs `peer_staff_cached(valid)` and `peer_staff(id, n)`: every department with active officers at D
 * and their number, from the stored counts when valid, otherwise counted (one branch runs, the other
 * is skipped by its one-time filter).
 */
export function peerStaffCtes(ctx: SqlContext): Prisma.Sql[] {
  const D = sqlDate(ctx);
  return [
    Prisma.sql`peer_staff_cached as (
      select exists (select 1 from "ActiveOfficerCountDate" where "asOf" = ${D})
             and not exists (select 1 from "OfficerCountMark") as valid)`,
    Prisma.sql`peer_staff as (
      select c."departmentId" as id, c.officers as n from "ActiveOfficerCount" c
      where c."asOf" = ${D} and (select valid from peer_staff_cached)
      union all
      -- A join rather than a filter: when the stored counts are valid the officers are never read
      -- (a one-time filter would still start parallel workers for the scan).
      select o."departmentId" as id, count(*)::int as n
      from peer_staff_cached k join "Officer" o on not k.valid
      where ${activeAt(D)}
      group by o."departmentId")`,
  ];
}

export type RefreshOutcome = "refreshed" | "valid" | "busy";

/**
 * Stores the counts at `asOf` (dropping every stored date when a mark shows officers changed). Skips
 * when another refresh is running: storing is an optimisation, readers never depend on it.
 */
export async function refreshActiveOfficerCounts(db: Db, asOf: string): Promise<RefreshOutcome> {
  const D = sqlDate({ asOf });
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ got: boolean }[]>`select pg_try_advisory_xact_lock(${REFRESH_LOCK_KEY}) as got`;
      if (!lock?.got) return "busy";
      // Each statement below takes a new snapshot (read committed), so the counts see at least every
      // change whose mark this deletes.
      const marks = await tx.$executeRaw`delete from "OfficerCountMark"`;
      if (marks > 0) {
        await tx.$executeRaw`delete from "ActiveOfficerCountDate"`;
        await tx.$executeRaw`delete from "ActiveOfficerCount"`;
      } else {
        const [stored] = await tx.$queryRaw<{ stored: boolean }[]>`
          select exists (select 1 from "ActiveOfficerCountDate" where "asOf" = ${D}) as stored`;
        if (stored?.stored) return "valid";
      }
      await tx.$executeRaw`
        insert into "ActiveOfficerCount" ("asOf", "departmentId", officers)
        select ${D}, o."departmentId", count(*)::int from "Officer" o where ${activeAt(D)} group by o."departmentId"`;
      await tx.$executeRaw`insert into "ActiveOfficerCountDate" ("asOf") values (${D})`;
      await tx.$executeRaw`
        with dropped as (
          delete from "ActiveOfficerCountDate" where "asOf" not in (
            select "asOf" from "ActiveOfficerCountDate" order by "computedAt" desc, "asOf" desc limit ${KEEP_DATES})
          returning "asOf")
        delete from "ActiveOfficerCount" where "asOf" in (select "asOf" from dropped)`;
      return "refreshed";
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}

/**
 * The client itself, not an interactive transaction (whose snapshot and locks belong to its caller).
 * A transaction client has `$transaction` too (nested ones become savepoints), but no `$connect`.
 */
export const isClient = (db: DbOrTx): db is Db => "$connect" in db;
