import { Prisma } from "../../generated/prisma/client";

/**
 * The dashboard's additive figures per department at each of `points`, computed from the raw rows in
 * one set-based pass (definitions in indicators-sql.ts). Rows: `as_of` (date), `department_id` and the
 * seven counts, only where the department has active officers or complaints in a window.
 *
 * Instead of looking up each officer's latest vetting and training at every date (one lateral lookup
 * per officer and date), every fact becomes an interval of calendar days during which it holds:
 * - an officer is active on [hired, separated − 1];
 * - an evaluation is the latest from its date until the day before the officer's next one (lead()),
 *   so "approved" holds on [evaluated, min(next − 1, valid until)], "expired" on [valid until + 1, next − 1],
 *   "failed on duty" on [evaluated + 90, next − 1] — each clipped to the active interval;
 * - a training record counts towards the 12-month hours on [completed, completed + 364]; per officer,
 *   the running sum of +hours/−hours steps gives the stretches with ≥ 40 hours, clipped to on/after
 *   the initial training and to the active interval;
 * - a complaint counts on [received, received + 364]; a sustained serious one on
 *   [max(received, resolved), received + 729].
 * Each interval is turned into the range of point indexes it covers (width_bucket over the sorted
 * points), identical ranges are counted once per department, and each range adds its count at the
 * points it covers. Hours are summed as integer hundredths (the column is numeric(6,2)), so exact.
 */
export function departmentFiguresSql(points: readonly string[], departments: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    with n as (
      select pts, cardinality(pts) as n, pts[1] as first, pts[cardinality(pts)] as last
      from (select array(select distinct x from unnest(${[...points]}::date[]) x order by 1) as pts) p
    ),
    off as (
      select o.id, o."departmentId" as dept, o."hiredOn" as h, coalesce(o."separatedOn" - 1, 'infinity'::date) as s
      from "Officer" o join "Department" d on d.id = o."departmentId" and ${departments}, n
      where o."hiredOn" <= n.last and (o."separatedOn" is null or o."separatedOn" > n.first)
    ),
    vet as (
      select o.dept, ve.result, greatest(ve."evaluatedOn", o.h) as a, ve."evaluatedOn" as e, ve."validUntil" as vu,
             least(coalesce(lead(ve."evaluatedOn") over (partition by ve."officerId" collate "C" order by ve."evaluatedOn") - 1, 'infinity'::date), o.s) as b
      from off o join "VettingEvaluation" ve on ve."officerId" = o.id, n
      where ve."evaluatedOn" <= n.last
    ),
    hour_runs as (
      select officer, lo, least(hi, n.n) as hi from (
        select officer, idx as lo, lead(idx) over w - 1 as hi, sum(delta) over w as total
        from (
          select t."officerId" collate "C" as officer, s.idx, sum(s.delta) as delta
          from off o join "TrainingRecord" t on t."officerId" = o.id, n,
               lateral (values (width_bucket(t."completedOn" - 1, n.pts) + 1, (t.hours * 100)::int),
                               (width_bucket(t."completedOn" + 364, n.pts) + 1, -(t.hours * 100)::int)) s(idx, delta)
          where t."completedOn" <= n.last and t."completedOn" + 364 >= n.first
          group by 1, 2
        ) steps
        window w as (partition by officer order by idx)
      ) r, n
      where total >= 4000
    ),
    day_ranges as (
      select o.dept, 1 as m, o.h as a, o.s as b from off o
      union all select v.dept, 2, v.a, least(v.b, v.vu) from vet v where v.result = 'APPROVED'
      union all select v.dept, 3, greatest(v.a, v.vu + 1), v.b from vet v where v.result = 'APPROVED'
      union all select v.dept, 4, greatest(v.a, v.e + 90), v.b from vet v where v.result = 'NOT_APPROVED'
      union all
      select c."departmentId", 6, c."receivedOn", c."receivedOn" + 364
      from "Complaint" c join "Department" d on d.id = c."departmentId" and ${departments}, n
      where c.status not in ('UNFOUNDED', 'WITHDRAWN') and c."receivedOn" <= n.last and c."receivedOn" + 364 >= n.first
      union all
      select c."departmentId", 7, greatest(c."receivedOn", c."resolvedOn"), c."receivedOn" + 729
      from "Complaint" c join "Department" d on d.id = c."departmentId" and ${departments}, n
      where c.status = 'SUSTAINED' and c.category in ('TORTURE', 'FORCED_DISAPPEARANCE', 'EXTRAJUDICIAL_KILLING', 'SEXUAL_ABUSE')
        and c."resolvedOn" is not null and c."receivedOn" <= n.last and c."receivedOn" + 729 >= n.first
    ),
    index_ranges as (
      select dept, m, width_bucket(a - 1, n.pts) + 1 as lo, width_bucket(b, n.pts) as hi from day_ranges, n
      union all
      select o.dept, 5, greatest(r.lo, width_bucket(greatest(fi.f, o.h) - 1, n.pts) + 1), least(r.hi, width_bucket(o.s, n.pts))
      from hour_runs r
      join (
        select o.id collate "C" as officer, min(t."completedOn") as f
        from off o join "TrainingRecord" t on t."officerId" = o.id
        where t."courseCode" = 'FORMACION_INICIAL' group by 1
      ) fi on fi.officer = r.officer
      join off o on o.id = r.officer, n
    ),
    grouped as (select dept, m, lo, hi, count(*) as k from index_ranges where lo <= hi group by 1, 2, 3, 4)
    select n.pts[i] as as_of, dept as department_id,
           coalesce(sum(k) filter (where m = 1), 0)::int as officers,
           coalesce(sum(k) filter (where m = 2), 0)::int as approved,
           coalesce(sum(k) filter (where m = 3), 0)::int as expired_vetting,
           coalesce(sum(k) filter (where m = 4), 0)::int as failed_on_duty,
           coalesce(sum(k) filter (where m = 5), 0)::int as training_compliant,
           coalesce(sum(k) filter (where m = 6), 0)::int as counted_complaints_12m,
           coalesce(sum(k) filter (where m = 7), 0)::int as serious_abuse_24m
    from grouped, n, generate_series(lo, hi) i
    group by i, dept, n.pts
    having coalesce(sum(k) filter (where m in (1, 6, 7)), 0) > 0`;
}
