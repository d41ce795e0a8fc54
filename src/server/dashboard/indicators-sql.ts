import { Prisma } from "../../generated/prisma/client";
import { type Scope, departmentSqlFilter } from "../authz/scope";
import type { DbOrTx } from "../db/client";

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

const SERIOUS = ["TORTURE", "FORCED_DISAPPEARANCE", "EXTRAJUDICIAL_KILLING", "SEXUAL_ABUSE"];

function groupKeySql(groupBy: GroupBy): Prisma.Sql {
  if (groupBy === "department") return Prisma.sql`d.id::text`;
  if (groupBy === "state") return Prisma.sql`d."stateCode"::text`;
  return Prisma.sql`'all'::text`;
}

function departmentConditions(scope: Scope, filter: IndicatorFilter): Prisma.Sql {
  const parts = [departmentSqlFilter(scope, "d")];
  if (filter.stateCode) parts.push(Prisma.sql`d."stateCode" = ${filter.stateCode}`);
  if (filter.departmentId !== undefined) parts.push(Prisma.sql`d.id = ${filter.departmentId}`);
  return Prisma.join(parts, " and ");
}

/** One row per (date, group) that has active officers or complaints; absent groups have all figures 0. */
export async function indicatorsAt(
  db: DbOrTx,
  scope: Scope,
  points: readonly string[],
  groupBy: GroupBy,
  filter: IndicatorFilter = {},
): Promise<IndicatorRow[]> {
  const key = groupKeySql(groupBy);
  const where = departmentConditions(scope, filter);
  return db.$queryRaw<IndicatorRow[]>`
    with points as (select unnest(${[...points]}::date[]) as as_of),
    active as (
      select p.as_of, o.id as officer_id, ${key} as group_key
      from points p
      join "Officer" o on o."hiredOn" <= p.as_of and (o."separatedOn" is null or o."separatedOn" > p.as_of)
      join "Department" d on d.id = o."departmentId"
      where ${where}
    ),
    officer_status as (
      select a.as_of, a.group_key, v.result, v.valid_until, v.evaluated_on, coalesce(tr.compliant, false) as compliant
      from active a
      left join lateral (
        select ve.result, ve."validUntil" as valid_until, ve."evaluatedOn" as evaluated_on
        from "VettingEvaluation" ve
        where ve."officerId" = a.officer_id and ve."evaluatedOn" <= a.as_of
        order by ve."evaluatedOn" desc limit 1
      ) v on true
      left join lateral (
        select bool_or(t."courseCode" = 'FORMACION_INICIAL')
               and coalesce(sum(t.hours) filter (where t."completedOn" > a.as_of - 365), 0) >= 40 as compliant
        from "TrainingRecord" t
        where t."officerId" = a.officer_id and t."completedOn" <= a.as_of
      ) tr on true
    ),
    officer_figures as (
      select as_of, group_key,
             count(*)::int as officers,
             (count(*) filter (where result = 'APPROVED' and valid_until >= as_of))::int as approved,
             (count(*) filter (where result = 'APPROVED' and valid_until < as_of))::int as expired,
             (count(*) filter (where result = 'NOT_APPROVED' and evaluated_on <= as_of - 90))::int as failed,
             (count(*) filter (where compliant))::int as compliant
      from officer_status group by as_of, group_key
    ),
    complaint_figures as (
      select p.as_of, ${key} as group_key,
             (count(*) filter (where c."receivedOn" > p.as_of - 365 and c.status not in ('UNFOUNDED', 'WITHDRAWN')))::int as counted,
             (count(*) filter (where c."receivedOn" > p.as_of - 730 and c.status = 'SUSTAINED' and c."resolvedOn" <= p.as_of
                                 and c.category::text = any(${SERIOUS})))::int as serious
      from points p
      join "Complaint" c on c."receivedOn" <= p.as_of and c."receivedOn" > p.as_of - 730
      join "Department" d on d.id = c."departmentId"
      where ${where}
      group by 1, 2
    )
    select to_char(coalesce(o.as_of, c.as_of), 'YYYY-MM-DD') as "asOf",
           coalesce(o.group_key, c.group_key) as "groupKey",
           coalesce(o.officers, 0) as officers, coalesce(o.approved, 0) as approved,
           coalesce(o.expired, 0) as "expiredVetting", coalesce(o.failed, 0) as "failedOnDuty",
           coalesce(o.compliant, 0) as "trainingCompliant",
           coalesce(c.counted, 0) as "countedComplaints12m", coalesce(c.serious, 0) as "seriousAbuse24m"
    from officer_figures o
    full join complaint_figures c on c.as_of = o.as_of and c.group_key = o.group_key
    order by 1, 2`;
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
