import { z } from "zod";
import { Prisma } from "../../../generated/prisma/client";
import { ComplaintCategory, ComplaintSource, ComplaintStatus } from "../../../generated/prisma/enums";
import { add, divide, rational } from "../rational";
import { countOf, percentOf } from "./percent";
import { type SqlContext, defineMetric, sqlDate, sqlDaysBefore } from "./types";

/** Which complaints a metric counts. Statuses are always the complaint's current status. */
const ZComplaintFilter = z.strictObject({
  categories: z.array(z.enum(ComplaintCategory)).min(1).optional(),
  sources: z.array(z.enum(ComplaintSource)).min(1).optional(),
  statuses: z.array(z.enum(ComplaintStatus)).min(1).optional(),
  excludeStatuses: z.array(z.enum(ComplaintStatus)).min(1).optional(),
  /** Only complaints resolved on or before D (resolved_on ≤ D). */
  resolvedByAsOf: z.boolean().optional(),
});
type ComplaintFilter = z.infer<typeof ZComplaintFilter>;

const windowDays = z.number().int().min(1).max(3650);

/**
 * The one WHERE clause for complaints of alias `c` received in (D − days, D] matching `filter`.
 * Department counts, peer figures and explanations all use it, so they always agree.
 */
function complaintCondition(filter: ComplaintFilter, days: number, ctx: SqlContext): Prisma.Sql {
  const parts = [Prisma.sql`c."receivedOn" > ${sqlDaysBefore(ctx, days)}`, Prisma.sql`c."receivedOn" <= ${sqlDate(ctx)}`];
  // Compared as enums (no text conversion per complaint).
  if (filter.categories) parts.push(Prisma.sql`c.category = any(${filter.categories}::"ComplaintCategory"[])`);
  if (filter.sources) parts.push(Prisma.sql`c.source = any(${filter.sources}::"ComplaintSource"[])`);
  if (filter.statuses) parts.push(Prisma.sql`c.status = any(${filter.statuses}::"ComplaintStatus"[])`);
  if (filter.excludeStatuses) parts.push(Prisma.sql`c.status <> all(${filter.excludeStatuses}::"ComplaintStatus"[])`);
  if (filter.resolvedByAsOf) parts.push(Prisma.sql`c."resolvedOn" <= ${sqlDate(ctx)}`);
  return Prisma.join(parts, " and ");
}

const complaintMembers = (bucket: Prisma.Sql, condition: Prisma.Sql) => Prisma.sql`
  select c."departmentId" as department_id, ${bucket} as bucket, null::text as officer_id, null::int as vetting_id, c.ref as complaint_ref
  from "Complaint" c join target t on t.id = c."departmentId"
  where ${condition}`;

/** A count of matching complaints in the window (serious abuse, human-rights recommendations). */
export const complaintCount = defineMetric({
  title: "Complaints matching the rule's filter in the window",
  figures: ["count"],
  value: "count",
  extras: {},
  needsOfficers: false,
  source: "complaints",
  evidence: ["counted"],
  params: z.strictObject({ windowDays, filter: ZComplaintFilter }),
  members: ({ windowDays: days, filter }, ctx) => complaintMembers(Prisma.sql`'counted'`, complaintCondition(filter, days, ctx)),
  compute: ({ buckets }) => ({ count: rational(countOf(buckets, "counted")) }),
});

/**
 * Q = matching complaints in the window, C = 100 × Q / N, M = median of C over every department of
 * the same kind with N > 0 (mean of the two middle values for an even count), whatever the
 * departments being evaluated: one department can be re-evaluated alone against all its peers.
 * Peers are ordered by Q / N as numeric with 40 decimals, which keeps distinct fractions apart; the
 * middle departments' Q and N travel as integers so M itself is exact.
 */
export const complaintRate = defineMetric({
  title: "Complaint rate per 100 active officers compared with the peer median",
  figures: ["Q", "C", "M", "N"],
  value: "C",
  extras: { peer_median: "M", count: "Q" },
  needsOfficers: true,
  source: "complaints",
  evidence: ["counted"],
  params: z.strictObject({ windowDays, filter: ZComplaintFilter, peerGroup: z.literal("kind") }),
  members: ({ windowDays: days, filter }, ctx) => complaintMembers(Prisma.sql`'counted'`, complaintCondition(filter, days, ctx)),
  peers: ({ windowDays: days, filter }, ctx) => Prisma.sql`
    select t.id as department_id,
           jsonb_build_object('q1', m.q1, 'n1', m.n1, 'q2', m.q2, 'n2', m.n2, 'peers', m.peers) as data
    from target t join (
      select kind, count(*)::int as peers,
             max(q) filter (where rn = (cnt + 1) / 2) as q1, max(n) filter (where rn = (cnt + 1) / 2) as n1,
             max(q) filter (where rn = cnt / 2 + 1) as q2, max(n) filter (where rn = cnt / 2 + 1) as n2
      from (
        select d.kind, coalesce(cq.q, 0) as q, s.n,
               row_number() over (partition by d.kind order by round(coalesce(cq.q, 0)::numeric, 40) / s.n, d.id) as rn,
               count(*) over (partition by d.kind) as cnt
        from "Department" d
        join peer_staff s on s.id = d.id
        left join (
          select c."departmentId" as id, count(*)::int as q from "Complaint" c
          where ${complaintCondition(filter, days, ctx)}
          group by c."departmentId"
        ) cq on cq.id = d.id
      ) ranked
      group by kind
    ) m on m.kind = t.kind`,
  compute: ({ n, buckets, peers }) => {
    const q = countOf(buckets, "counted");
    const median =
      peers && peers.peers! > 0 ? divide(add(rational(100 * peers.q1!, peers.n1), rational(100 * peers.q2!, peers.n2)), rational(2)) : null;
    return { Q: rational(q), C: percentOf(q, n), M: median, N: rational(n) };
  },
});

/**
 * K0, K1, K2 = matching complaints received in (D − w, D], (D − 2w, D − w], (D − 3w, D − 2w]:
 * the period of a complaint is (D − received_on) div w.
 */
export const complaintTrend = defineMetric({
  title: "Matching complaints in the last three periods (trend)",
  figures: ["K0", "K1", "K2"],
  value: "K0",
  extras: { k1: "K1", k2: "K2" },
  needsOfficers: false,
  source: "complaints",
  evidence: ["K0", "K1", "K2"],
  params: z.strictObject({ windowDays, filter: ZComplaintFilter }),
  members: ({ windowDays: days, filter }, ctx) =>
    complaintMembers(
      Prisma.sql`'K' || ((${sqlDate(ctx)} - c."receivedOn") / ${days}::int)::text`,
      complaintCondition(filter, 3 * days, ctx),
    ),
  compute: ({ buckets }) => ({
    K0: rational(countOf(buckets, "K0")),
    K1: rational(countOf(buckets, "K1")),
    K2: rational(countOf(buckets, "K2")),
  }),
});
