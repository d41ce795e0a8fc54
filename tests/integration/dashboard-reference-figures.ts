import type { Db } from "~/server/db/client";
import type { IndicatorRow } from "~/server/dashboard/indicators-sql";

/**
 * The dashboard figures by their definitions, written the obvious way (for each active officer and
 * date, look up the latest vetting and sum the training), as the dashboard computed them before the
 * set-based SQL: the oracle the fast SQL and the precomputed table are compared with. Slow on purpose;
 * test data only. Rows per (date, department id) with officers or complaints in a window; zeros dropped.
 */
export async function referenceFigures(db: Db, points: readonly string[]): Promise<IndicatorRow[]> {
  return db.$queryRaw<IndicatorRow[]>`
    with points as (select distinct unnest(${[...points]}::date[]) as as_of),
    officer_status as (
      select p.as_of, o."departmentId" as dept, v.result, v.valid_until, v.evaluated_on, coalesce(tr.compliant, false) as compliant
      from points p
      join "Officer" o on o."hiredOn" <= p.as_of and (o."separatedOn" is null or o."separatedOn" > p.as_of)
      left join lateral (
        select ve.result, ve."validUntil" as valid_until, ve."evaluatedOn" as evaluated_on
        from "VettingEvaluation" ve where ve."officerId" = o.id and ve."evaluatedOn" <= p.as_of
        order by ve."evaluatedOn" desc limit 1
      ) v on true
      left join lateral (
        select bool_or(t."courseCode" = 'FORMACION_INICIAL')
               and coalesce(sum(t.hours) filter (where t."completedOn" > p.as_of - 365), 0) >= 40 as compliant
        from "TrainingRecord" t where t."officerId" = o.id and t."completedOn" <= p.as_of
      ) tr on true
    ),
    officer_figures as (
      select as_of, dept, count(*)::int as officers,
             (count(*) filter (where result = 'APPROVED' and valid_until >= as_of))::int as approved,
             (count(*) filter (where result = 'APPROVED' and valid_until < as_of))::int as expired,
             (count(*) filter (where result = 'NOT_APPROVED' and evaluated_on <= as_of - 90))::int as failed,
             (count(*) filter (where compliant))::int as compliant
      from officer_status group by 1, 2
    ),
    complaint_figures as (
      select p.as_of, c."departmentId" as dept,
             (count(*) filter (where c."receivedOn" > p.as_of - 365 and c.status not in ('UNFOUNDED', 'WITHDRAWN')))::int as counted,
             (count(*) filter (where c.status = 'SUSTAINED' and c."resolvedOn" <= p.as_of
                                 and c.category in ('TORTURE', 'FORCED_DISAPPEARANCE', 'EXTRAJUDICIAL_KILLING', 'SEXUAL_ABUSE')))::int as serious
      from points p join "Complaint" c on c."receivedOn" <= p.as_of and c."receivedOn" > p.as_of - 730
      group by 1, 2
    )
    select * from (
      select to_char(coalesce(o.as_of, c.as_of), 'YYYY-MM-DD') as "asOf", coalesce(o.dept, c.dept)::text as "groupKey",
             coalesce(o.officers, 0) as officers, coalesce(o.approved, 0) as approved, coalesce(o.expired, 0) as "expiredVetting",
             coalesce(o.failed, 0) as "failedOnDuty", coalesce(o.compliant, 0) as "trainingCompliant",
             coalesce(c.counted, 0) as "countedComplaints12m", coalesce(c.serious, 0) as "seriousAbuse24m"
      from officer_figures o full join complaint_figures c on c.as_of = o.as_of and c.dept = o.dept
    ) r
    where officers > 0 or "countedComplaints12m" > 0 or "seriousAbuse24m" > 0
    order by 1, 2`;
}
