import { Prisma } from "../../generated/prisma/client";
import { type Scope, departmentSqlFilter } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { log } from "../log";
import { STORED_FIGURES, STORED_STATE_FIGURES, refreshFigures } from "./figure-cache";
import { departmentFiguresSql } from "./figures-sql";

/**
 * Officer and complaint figures at one or more calendar dates, grouped by department, by state or
 * for everything visible. The definitions are the federal baseline's (docs: rules-federal-baseline.md),
 * so a dashboard figure and a rule's value always agree:
 * - active at D: hired_on ≤ D and (separated_on empty or > D);
 * - current approval: latest vetting at D is APPROVED and valid_until ≥ D;
 * - expired vetting: latest vetting at D is APPROVED but valid_until < D;
 * - failed vetting on duty: latest vetting at D is NOT_APPROVED and was done on or before D − 90;
 * - training compliant: FORMACION_INICIAL completed ≤ D and ≥ 40 hours completed in (D − 365, D];
 * - counted complaint: status neither UNFOUNDED nor WITHDRAWN; received in (D − 365, D];
 * - sustained serious abuse: TORTURE, FORCED_DISAPPEARANCE, EXTRAJUDICIAL_KILLING or SEXUAL_ABUSE,
 *   SUSTAINED, resolved ≤ D, received in (D − 730, D].
 */
export type GroupBy = "department" | "state" | "all";

export type IndicatorRow = {
  asOf: string;
  /** Department id, state code or "all". */
  groupKey: string;
  officers: number;
  approved: number;
  expiredVetting: number;
  failedOnDuty: number;
  trainingCompliant: number;
  countedComplaints12m: number;
  seriousAbuse24m: number;
};

export type IndicatorFilter = { stateCode?: string; departmentId?: number };

const READ_ATTEMPTS = 3;

const FIGURE_SUMS = Prisma.sql`
  sum(f.officers)::int as officers, sum(f.approved)::int as approved, sum(f.expired_vetting)::int as "expiredVetting",
  sum(f.failed_on_duty)::int as "failedOnDuty", sum(f.training_compliant)::int as "trainingCompliant",
  sum(f.counted_complaints_12m)::int as "countedComplaints12m", sum(f.serious_abuse_24m)::int as "seriousAbuse24m"`;

export function groupKeySql(groupBy: GroupBy): Prisma.Sql {
  if (groupBy === "department") return Prisma.sql`d.id::text`;
  if (groupBy === "state") return Prisma.sql`d."stateCode"::text`;
  return Prisma.sql`'all'::text`;
}

/** The departments a caller may see, narrowed by the filter, as a condition on `d` ("Department"). */
export function departmentConditions(scope: Scope, filter: IndicatorFilter): Prisma.Sql {
  const parts = [departmentSqlFilter(scope, "d")];
  if (filter.stateCode) parts.push(Prisma.sql`d."stateCode" = ${filter.stateCode}`);
  if (filter.departmentId !== undefined) parts.push(Prisma.sql`d.id = ${filter.departmentId}`);
  return Prisma.join(parts, " and ");
}

const BY_DEPARTMENT = Prisma.sql`join "Department" d on d.id = f.department_id`;
// Per-state rows have no department: `d."stateCode"` is all the scope and filter conditions need.
const BY_STATE = Prisma.sql`cross join lateral (select f.state_code as "stateCode") d`;

/**
 * Sums per (date, group) of figure rows `f` (snake_case columns) per department (joined to
 * "Department" d) or, with `BY_STATE`, per state.
 */
export function groupedFiguresSql(figures: Prisma.Sql, groupBy: GroupBy, where: Prisma.Sql, join = BY_DEPARTMENT): Prisma.Sql {
  return Prisma.sql`
    select to_char(f.as_of, 'YYYY-MM-DD') as "asOf", ${groupKeySql(groupBy)} as "groupKey", ${FIGURE_SUMS}
    from (${figures}) f ${join}
    where ${where}
    group by 1, 2
    order by 1, 2`;
}

/**
 * The figures computed from the raw rows now (see figures-sql.ts). One row per (date, group) that has
 * active officers or complaints; absent groups have all figures 0. Readers use `indicatorsAt`
 * (below), which gives the same rows from the precomputed table.
 */
export async function liveIndicatorsAt(
  db: DbOrTx,
  scope: Scope,
  points: readonly string[],
  groupBy: GroupBy,
  filter: IndicatorFilter = {},
): Promise<IndicatorRow[]> {
  const where = departmentConditions(scope, filter);
  return db.$queryRaw<IndicatorRow[]>(groupedFiguresSql(departmentFiguresSql(points, where), groupBy, Prisma.sql`true`));
}

// When nothing is stored the statement still answers one row (figures null) carrying `fresh`.
export type StoredRow = (IndicatorRow | { asOf: null }) & { fresh: boolean };

/**
 * `indicatorsAt`'s read of the stored figures (`where`: a condition on `d`, from `departmentConditions`):
 * its rows, each with `fresh`, are usable only when the first row's `fresh` is true. Exported so a page
 * can fold this read into its own statement and fall back to `indicatorsAt` when not fresh.
 */
export function storedIndicatorsSql(points: string[], groupBy: GroupBy, filter: IndicatorFilter, where: Prisma.Sql): Prisma.Sql {
  const byDepartment = groupBy === "department" || filter.departmentId !== undefined;
  const dates = Prisma.sql`"asOf" = any(${points}::date[])`;
  // Department rows only depend on their own department's marks. Per-state sums depend on where every
  // department is now: a department that moved or was deleted is marked under its new state or none,
  // so any mark at all makes them stale.
  const marks = byDepartment
    ? Prisma.sql`select 1 from "DashboardDirtyDepartment" x join "Department" d on d.id = x."departmentId" where ${where}`
    : Prisma.sql`select 1 from "DashboardDirtyDepartment"`;
  const figures = byDepartment
    ? groupedFiguresSql(Prisma.sql`${STORED_FIGURES} where ${dates}`, groupBy, where)
    : groupedFiguresSql(Prisma.sql`${STORED_STATE_FIGURES} where ${dates}`, groupBy, where, BY_STATE);
  return Prisma.sql`
    with fresh as (
      select (select count(*) from "DashboardFigureDate" where ${dates}) = ${points.length} and not exists (${marks}) as ok
    ),
    figures as (${figures})
    select fresh.ok as fresh, g.* from fresh left join figures g on true
    order by g."asOf", g."groupKey"`;
}

/**
 * Officer and complaint figures at `points`, grouped by department, state or everything visible to
 * `scope` (definitions above): the same rows `liveIndicatorsAt` computes, from the precomputed
 * table (figure-cache.ts). Where the stored rows are not current and cannot be refreshed (inside a
 * transaction, or writes keep invalidating the scope), the figures are computed live, never shown stale.
 */
export const isStoredFigure = (row: StoredRow): row is IndicatorRow & { fresh: boolean } => row.asOf !== null;

export async function indicatorsAt(
  db: DbOrTx,
  scope: Scope,
  points: readonly string[],
  groupBy: GroupBy,
  filter: IndicatorFilter = {},
): Promise<IndicatorRow[]> {
  const unique = [...new Set(points)];
  const where = departmentConditions(scope, filter);
  for (let attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
    const rows = await db.$queryRaw<StoredRow[]>(storedIndicatorsSql(unique, groupBy, filter, where));
    if (rows[0]?.fresh) return rows.filter(isStoredFigure).map(({ fresh: _, ...row }) => row);
    // Inside a caller's transaction (a transaction client has no $connect) the refresh would hold the
    // lock until that transaction ends and could not run alongside its other queries: compute live.
    if (!("$connect" in db)) return liveIndicatorsAt(db, scope, unique, groupBy, filter);
    await refreshFigures(db, unique);
  }
  log.warn("dashboard figures: still invalidated after refreshing; computing them live", { points: unique.length, groupBy });
  return liveIndicatorsAt(db, scope, unique, groupBy, filter);
}

/** Percentages and rates from raw counts; null when there is nothing to divide by. */
export function ratios(row: Pick<IndicatorRow, "officers" | "approved" | "trainingCompliant" | "countedComplaints12m">) {
  const per = (part: number) => (row.officers > 0 ? (100 * part) / row.officers : null);
  return {
    vettingCoverage: per(row.approved),
    trainingCompliance: per(row.trainingCompliant),
    complaintsPer100: per(row.countedComplaints12m),
  };
}
