import { Prisma } from "../../generated/prisma/client";
import type { Db, Tx } from "../db/client";
import { departmentFiguresSql } from "./figures-sql";

/**
 * Precomputed dashboard figures. "DashboardFigure" holds, per date listed in "DashboardFigureDate",
 * a row per department with figures (a missing row means zeros); "DashboardStateFigure" their sums
 * per state, rebuilt in the same transaction. Triggers append to
 * "DashboardDirtyDepartment" the departments any write touched (migration
 * 20261129004358_dashboard_figure_triggers), whoever writes. A read sums stored rows and, in the same
 * statement (so the same snapshot), checks that every requested date is stored and nothing it depends
 * on is marked: only then are the sums returned; otherwise it refreshes (below) and reads again
 * (`indicatorsAt` in indicators-sql.ts).
 * Nothing is kept in process memory, so every app instance and worker agrees.
 */

// Any fixed number, distinct from the others (7_411_0xx): one refresher at a time across all processes.
const FIGURES_LOCK_KEY = 7_411_031;
// A refresh of the whole country at 25 dates takes a few seconds; the default 60 s is not a bound on correctness.
const REFRESH_TIMEOUT_MS = 10 * 60_000;

const STORED_COUNTS = Prisma.sql`officers, approved, "expiredVetting" as expired_vetting, "failedOnDuty" as failed_on_duty,
  "trainingCompliant" as training_compliant, "countedComplaints12m" as counted_complaints_12m, "seriousAbuse24m" as serious_abuse_24m`;

/** The stored rows with the column names of `departmentFiguresSql`, so both feed the same sums. */
export const STORED_FIGURES = Prisma.sql`select "asOf" as as_of, "departmentId" as department_id, ${STORED_COUNTS} from "DashboardFigure"`;
export const STORED_STATE_FIGURES = Prisma.sql`select "asOf" as as_of, "stateCode" as state_code, ${STORED_COUNTS} from "DashboardStateFigure"`;

function insertFigures(points: readonly string[], departments: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    insert into "DashboardFigure" ("asOf", "departmentId", officers, approved, "expiredVetting", "failedOnDuty",
                                   "trainingCompliant", "countedComplaints12m", "seriousAbuse24m")
    select as_of, department_id, officers, approved, expired_vetting, failed_on_duty, training_compliant,
           counted_complaints_12m, serious_abuse_24m
    from (${departmentFiguresSql(points, departments)}) f`;
}

export type RefreshOutcome = { departments: number; dates: string[]; pruned: number };

async function recompute(tx: Tx, points: readonly string[], keepOnly: boolean): Promise<RefreshOutcome> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${FIGURES_LOCK_KEY})`;
  // Sorts and hashes of the national pass fit in memory; JIT compilation costs more than it saves here.
  await tx.$executeRaw`set local work_mem = '64MB'`;
  await tx.$executeRaw`set local jit = off`;
  let pruned = 0;
  if (keepOnly) {
    pruned = await tx.$executeRaw`delete from "DashboardFigureDate" where "asOf" <> all(${[...points]}::date[])`;
    await tx.$executeRaw`delete from "DashboardFigure" where "asOf" <> all(${[...points]}::date[])`;
  }
  // Marks committed after this statement stay for the next refresh; their data may be newer than what follows.
  const dirty = await tx.$queryRaw<{ id: number }[]>`
    with taken as (delete from "DashboardDirtyDepartment" returning "departmentId")
    select distinct "departmentId" as id from taken`;
  const stored = await tx.$queryRaw<{ asOf: string }[]>`select to_char("asOf", 'YYYY-MM-DD') as "asOf" from "DashboardFigureDate"`;
  const storedDates = stored.map((r) => r.asOf);
  const missing = [...new Set(points)].filter((p) => !storedDates.includes(p)).sort();
  const ids = dirty.map((r) => r.id);
  if (ids.length > 0) {
    await tx.$executeRaw`delete from "DashboardFigure" where "departmentId" = any(${ids}::int[])`;
    if (storedDates.length > 0) await tx.$executeRaw(insertFigures(storedDates, Prisma.sql`d.id = any(${ids}::int[])`));
  }
  if (missing.length > 0) {
    await tx.$executeRaw`delete from "DashboardFigure" where "asOf" = any(${missing}::date[])`;
    await tx.$executeRaw(insertFigures(missing, Prisma.sql`true`));
    await tx.$executeRaw`insert into "DashboardFigureDate" ("asOf") select unnest(${missing}::date[])`;
  }
  if (ids.length > 0 || missing.length > 0 || pruned > 0) await rebuildStateSums(tx);
  return { departments: ids.length, dates: missing, pruned };
}

/** All per-state sums from the per-department rows, by each department's current state (≈ 25 × 1,844 rows). */
async function rebuildStateSums(tx: Tx) {
  await tx.$executeRaw`delete from "DashboardStateFigure"`;
  await tx.$executeRaw`
    insert into "DashboardStateFigure" ("asOf", "stateCode", officers, approved, "expiredVetting", "failedOnDuty",
                                        "trainingCompliant", "countedComplaints12m", "seriousAbuse24m")
    select f."asOf", d."stateCode", sum(f.officers), sum(f.approved), sum(f."expiredVetting"), sum(f."failedOnDuty"),
           sum(f."trainingCompliant"), sum(f."countedComplaints12m"), sum(f."seriousAbuse24m")
    from "DashboardFigure" f join "Department" d on d.id = f."departmentId"
    group by 1, 2`;
}

/**
 * Brings the stored figures up to date for `points`: recomputes the marked departments at every stored
 * date and every department at the dates not stored yet, in one transaction under an advisory lock (a
 * concurrent reader waits for it, then finds nothing left to do). `keepOnly` also forgets dates not in
 * `points` (the background refresh keeps just the current trend's dates).
 */
export async function refreshFigures(db: Db, points: readonly string[], options: { keepOnly?: boolean } = {}): Promise<RefreshOutcome> {
  const keepOnly = options.keepOnly ?? false;
  return db.$transaction((tx) => recompute(tx, points, keepOnly), { timeout: REFRESH_TIMEOUT_MS, maxWait: REFRESH_TIMEOUT_MS });
}
