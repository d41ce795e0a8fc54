import { Prisma } from "../../generated/prisma/client";
import { peerStaffCtes } from "./active-officer-counts";
import type { CompiledRule } from "./definition";
import { type SqlContext, sqlDate } from "./metrics/types";

/**
 * Builds the set-based statements of an evaluation. `where` restricts the departments evaluated
 * (a condition on `"Department" d`: a scope, one department); peer figures are still computed over
 * every department, so evaluating one department gives the same answer as evaluating all of them.
 */
const memberCte = (index: number) => Prisma.raw(`m${index}`);
const peerCte = (index: number) => Prisma.raw(`p${index}`);

/** The shared CTEs and the member CTEs of the rules listed (only those: less to parse and plan). */
function prelude(rules: CompiledRule[], ctx: SqlContext, where: Prisma.Sql, members: readonly number[]): Prisma.Sql {
  const D = sqlDate(ctx);
  const ctes = [
    Prisma.sql`target as (select d.id, d.kind from "Department" d where ${where})`,
    Prisma.sql`active as (
      select o.id as officer_id, o."departmentId" as department_id
      from "Officer" o join target t on t.id = o."departmentId"
      where o."hiredOn" <= ${D} and (o."separatedOn" is null or o."separatedOn" > ${D}))`,
    // Each active officer's latest evaluation at D, one backward probe of the covering
    // (officer, evaluated_on, result, valid_until, id) index per officer: no sort, no hashing.
    Prisma.sql`active_vetting as (
      select a.officer_id, a.department_id, v.id as vetting_id, v."evaluatedOn" as evaluated_on,
             v.result::text as result, v."validUntil" as valid_until
      from active a left join lateral (
        select v.id, v."evaluatedOn", v.result, v."validUntil" from "VettingEvaluation" v
        where v."officerId" = a.officer_id and v."evaluatedOn" <= ${D}
        order by v."evaluatedOn" desc limit 1) v on true)`,
    Prisma.sql`latest_vetting as (
      select officer_id, vetting_id, evaluated_on, result, valid_until from active_vetting where vetting_id is not null)`,
    ...peerStaffCtes(ctx),
    ...members.map((i) => Prisma.sql`${memberCte(i)} as (${rules[i]!.bound.members(ctx)})`),
  ];
  return Prisma.sql`with ${Prisma.join(ctes, ",\n")}`;
}

export type EvaluationRow = {
  id: number;
  code: string;
  name: string;
  kind: "MUNICIPAL" | "STATE";
  state_code: string;
  authorized_strength: number | null;
  n: number;
  unvetted: number;
  /** "<rule index>:<bucket>" → member rows. */
  counts: Record<string, number>;
  /** "<rule index>" → that rule's peer figures. */
  peers: Record<string, Record<string, number> | null>;
  /** Whether the stored active-officer counts were used (see active-officer-counts.ts). */
  peer_staff_cached: boolean;
};

const concat = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, "") : Prisma.empty);

/** Which part of an evaluation a statement computes (by default, all of it). */
export type StatementPart = { rules?: readonly number[]; staff?: boolean };

/**
 * One row per department: staffing, member counts per rule and bucket, and peer figures. A part
 * leaves out the staffing (n = unvetted = 0) or the rules not listed; the parts of one evaluation,
 * run in one snapshot, add up to the whole statement.
 */
export function evaluationStatement(rules: CompiledRule[], ctx: SqlContext, where: Prisma.Sql, part: StatementPart = {}): Prisma.Sql {
  const chosen = part.rules ?? rules.map((_, i) => i);
  const counted = chosen.map(
    (i) => Prisma.sql`select department_id, ${`${i}:`}::text || bucket as key, count(*)::int as n from ${memberCte(i)} group by 1, 2`,
  );
  const withPeers = chosen.flatMap((i) => {
    const peers = rules[i]!.bound.peers;
    return peers ? [{ i, sql: peers(ctx) }] : [];
  });
  const peerCtes = withPeers.map(({ i, sql }) => Prisma.sql`, ${peerCte(i)} as (${sql})`);
  const peerJoins = withPeers.map(({ i }) => Prisma.sql` left join ${peerCte(i)} on ${peerCte(i)}.department_id = d.id`);
  const peerObject = withPeers.length
    ? Prisma.sql`jsonb_build_object(${Prisma.join(withPeers.map(({ i }) => Prisma.sql`${String(i)}::text, ${peerCte(i)}.data`))})`
    : Prisma.sql`'{}'::jsonb`;
  const staff = part.staff ?? true;
  return Prisma.sql`${prelude(rules, ctx, where, chosen)},
    staff as (
      select department_id, count(*)::int as n, (count(*) filter (where vetting_id is null))::int as unvetted
      from active_vetting
      where ${staff ? Prisma.sql`true` : Prisma.sql`false`}
      group by department_id),
    counts as (
      select department_id, jsonb_object_agg(key, n) as counts
      from (${counted.length ? Prisma.join(counted, " union all ") : Prisma.sql`select null::int as department_id, null::text as key, null::int as n where false`}) per_bucket
      group by department_id)
    ${concat(peerCtes)}
    select d.id, d.code, d.name, d.kind::text as kind, d."stateCode" as state_code, d."authorizedStrength" as authorized_strength,
           coalesce(s.n, 0) as n, coalesce(s.unvetted, 0) as unvetted, coalesce(c.counts, '{}'::jsonb) as counts,
           ${peerObject} as peers, (select valid from peer_staff_cached) as peer_staff_cached
    from "Department" d join target t on t.id = d.id
    left join staff s on s.department_id = d.id
    left join counts c on c.department_id = d.id
    ${concat(peerJoins)}`;
}

export type MemberRow = {
  rule: number;
  department_id: number;
  bucket: string;
  officer_id: string | null;
  vetting_id: number | null;
  complaint_ref: string | null;
};

/** The member rows themselves (records behind the figures) for the chosen rules and buckets. */
export function membersStatement(
  rules: CompiledRule[],
  ctx: SqlContext,
  where: Prisma.Sql,
  wanted: { rule: number; buckets: readonly string[] | "all" }[],
): Prisma.Sql {
  const selects = wanted.map(
    ({ rule, buckets }) => Prisma.sql`
      select ${rule}::int as rule, department_id, bucket, officer_id, vetting_id, complaint_ref
      from ${memberCte(rule)} where ${buckets === "all" ? Prisma.sql`true` : Prisma.sql`bucket in (${Prisma.join(buckets)})`}`,
  );
  return Prisma.sql`${prelude(rules, ctx, where, [...new Set(wanted.map((w) => w.rule))])}
    select * from (${Prisma.join(selects, " union all ")}) members
    order by rule, department_id, bucket, officer_id, complaint_ref`;
}
