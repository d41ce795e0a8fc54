import { z } from "zod";
import { Prisma } from "../../../generated/prisma/client";
import { fromDecimal, rational } from "../rational";
import { countOf, percentOf } from "./percent";
import { defineMetric, sqlDate, sqlDaysBefore } from "./types";

const hours = z
  .number()
  .positive()
  .max(100_000)
  .refine((h) => fromDecimal(h).den <= 100n, "at most two decimals");

/**
 * T = 100 × (active officers who completed the initial course by D and whose training hours with
 * completed_on in (D − windowDays, D] add up to at least `minHours`) / N. Hours are summed as SQL
 * numeric so 13.33 + 13.33 + 13.34 is exactly 40.
 */
export const trainingCompliance = defineMetric({
  title: "Training compliance (% of active officers with initial training and enough recent hours)",
  figures: ["T", "compliant", "N"],
  value: "T",
  extras: {},
  needsOfficers: true,
  source: "training",
  evidence: ["missing_initial", "short_hours"],
  params: z.strictObject({
    initialCourseCode: z.string().min(1).max(40),
    windowDays: z.number().int().min(1).max(3650),
    minHours: hours,
  }),
  members: ({ initialCourseCode, windowDays, minHours }, ctx) => Prisma.sql`
    select a.department_id,
           case when not coalesce(tr.has_initial, false) then 'missing_initial'
                when coalesce(tr.recent_hours, 0) < ${String(minHours)}::numeric then 'short_hours'
                else 'compliant' end as bucket,
           a.officer_id, null::int as vetting_id, null::text as complaint_ref
    -- Per officer, through the (officer, completed_on, course, hours) index: cheaper than hashing the
    -- window's rows by officer, for one department and for all of them.
    from active a cross join lateral (
      select bool_or(r."courseCode" = ${initialCourseCode} and r."completedOn" <= ${sqlDate(ctx)}) as has_initial,
             sum(r.hours) filter (where r."completedOn" > ${sqlDaysBefore(ctx, windowDays)} and r."completedOn" <= ${sqlDate(ctx)}) as recent_hours
      from "TrainingRecord" r
      where r."officerId" = a.officer_id
        -- Only rows either aggregate can count: most of an officer's history is neither.
        and ((r."courseCode" = ${initialCourseCode} and r."completedOn" <= ${sqlDate(ctx)})
          or (r."completedOn" > ${sqlDaysBefore(ctx, windowDays)} and r."completedOn" <= ${sqlDate(ctx)}))
    ) tr`,
  compute: ({ n, buckets }) => ({
    T: percentOf(countOf(buckets, "compliant"), n),
    compliant: rational(countOf(buckets, "compliant")),
    N: rational(n),
  }),
});
