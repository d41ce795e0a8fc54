import { z } from "zod";
import { Prisma } from "../../../generated/prisma/client";
import { rational } from "../rational";
import { countOf, percentOf } from "./percent";
import { defineMetric, sqlDate, sqlDaysBefore } from "./types";

/**
 * V = 100 × (active officers with a current approval at D) / N. A current approval is a latest
 * vetting at D that is APPROVED with valid_until ≥ D; a later PENDING or NOT_APPROVED evaluation
 * masks an earlier approval because only the latest one is looked at.
 */
export const vettingCoverage = defineMetric({
  title: "Vetting coverage (% of active officers with a current approval)",
  figures: ["V", "approved", "N"],
  value: "V",
  extras: {},
  needsOfficers: true,
  source: "vetting",
  evidence: ["not_approved"],
  params: z.strictObject({}),
  members: (_params, ctx) => Prisma.sql`
    select department_id,
           case when result = 'APPROVED' and valid_until >= ${sqlDate(ctx)} then 'approved' else 'not_approved' end as bucket,
           officer_id, vetting_id, null::text as complaint_ref
    from active_vetting`,
  compute: ({ n, buckets }) => ({
    V: percentOf(countOf(buckets, "approved"), n),
    approved: rational(countOf(buckets, "approved")),
    N: rational(n),
  }),
});

/**
 * F = active officers whose latest vetting at D is NOT_APPROVED and dates from at least
 * `minDaysSinceFailure` days before D: they failed and were kept on duty without re-evaluation.
 * `share` = 100 × F / N lets a level combine an absolute count with a proportion.
 */
export const failedVettingOnDuty = defineMetric({
  title: "Officers on duty with a failed vetting not re-evaluated",
  figures: ["F", "share", "N"],
  value: "F",
  extras: {},
  needsOfficers: false,
  source: "vetting",
  evidence: ["failed"],
  params: z.strictObject({ minDaysSinceFailure: z.number().int().min(0).max(3650) }),
  members: ({ minDaysSinceFailure }, ctx) => Prisma.sql`
    select department_id, 'failed' as bucket, officer_id, vetting_id, null::text as complaint_ref
    from active_vetting
    where result = 'NOT_APPROVED' and evaluated_on <= ${sqlDaysBefore(ctx, minDaysSinceFailure)}`,
  compute: ({ n, buckets }) => ({
    F: rational(countOf(buckets, "failed")),
    share: percentOf(countOf(buckets, "failed"), n),
    N: rational(n),
  }),
});
