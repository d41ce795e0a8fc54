/**
 * The floor of the benchmark: federal-baseline v1 written by hand as ONE SQL statement, with its
 * figures and levels for every department. Nothing generic (no rule definitions, no member rows per
 * rule, no JSON): the fastest shape we know for exactly these metrics. Its results are also the
 * engine's independent check on the bench data (see `compareWithEngine`).
 */
import type { DepartmentEvaluation } from "../../../src/server/rules/evaluate";
import { type Rational, add, compare, divide, rational } from "../../../src/server/rules/rational";

export type FloorRow = {
  code: string;
  level: number;
  n: number;
  approved: number;
  failed: number;
  compliant: number;
  s: number;
  h: number;
  q: number;
  k0: number;
  k1: number;
  k2: number;
  /** The middle departments of the peer median (numerators and active officers). */
  q1: number | null;
  n1: number | null;
  q2: number | null;
  n2: number | null;
};

const SERIOUS = `('TORTURE', 'FORCED_DISAPPEARANCE', 'EXTRAJUDICIAL_KILLING', 'SEXUAL_ABUSE')`;
const CORRUPTION = `('CORRUPTION', 'COLLUSION', 'EXTORTION')`;
const NOT_COUNTED = `('UNFOUNDED', 'WITHDRAWN')`;

/** $1 = D. Integers all the way: every threshold is compared by cross-multiplication. */
export const FLOOR_SQL = `
with active as (
  select o.id, o."departmentId" as dep from "Officer" o
  where o."hiredOn" <= $1::date and (o."separatedOn" is null or o."separatedOn" > $1::date)),
lv as (
  select distinct on (v."officerId") v."officerId" as id, v.result, v."validUntil", v."evaluatedOn"
  from "VettingEvaluation" v join active a on a.id = v."officerId"
  where v."evaluatedOn" <= $1::date
  order by v."officerId", v."evaluatedOn" desc),
tr as (
  select r."officerId" as id,
         bool_or(r."courseCode" = 'FORMACION_INICIAL' and r."completedOn" <= $1::date) as initial,
         coalesce(sum(r.hours) filter (where r."completedOn" > $1::date - 365 and r."completedOn" <= $1::date), 0) as hours
  from "TrainingRecord" r join active a on a.id = r."officerId"
  group by r."officerId"),
staff as (
  select a.dep, count(*)::int as n,
         (count(*) filter (where lv.result = 'APPROVED' and lv."validUntil" >= $1::date))::int as approved,
         (count(*) filter (where lv.result = 'NOT_APPROVED' and lv."evaluatedOn" <= $1::date - 90))::int as failed,
         (count(*) filter (where tr.initial and tr.hours >= 40))::int as compliant
  from active a left join lv on lv.id = a.id left join tr on tr.id = a.id
  group by a.dep),
comp as (
  select c."departmentId" as dep,
    (count(*) filter (where c.category::text in ${SERIOUS} and c.status = 'SUSTAINED' and c."resolvedOn" <= $1::date and c."receivedOn" > $1::date - 730))::int as s,
    (count(*) filter (where c.source::text in ('CNDH', 'STATE_COMMISSION') and c.status <> 'WITHDRAWN' and c."receivedOn" > $1::date - 365))::int as h,
    (count(*) filter (where c.status::text not in ${NOT_COUNTED} and c."receivedOn" > $1::date - 365))::int as q,
    (count(*) filter (where c.category::text in ${CORRUPTION} and c.status::text not in ${NOT_COUNTED} and c."receivedOn" > $1::date - 365))::int as k0,
    (count(*) filter (where c.category::text in ${CORRUPTION} and c.status::text not in ${NOT_COUNTED} and c."receivedOn" <= $1::date - 365 and c."receivedOn" > $1::date - 730))::int as k1,
    (count(*) filter (where c.category::text in ${CORRUPTION} and c.status::text not in ${NOT_COUNTED} and c."receivedOn" <= $1::date - 730))::int as k2
  from "Complaint" c
  where c."receivedOn" > $1::date - 1095 and c."receivedOn" <= $1::date
  group by c."departmentId"),
dept as (
  select d.id, d.code, d.kind, coalesce(s.n, 0) as n, coalesce(s.approved, 0) as approved, coalesce(s.failed, 0) as failed,
         coalesce(s.compliant, 0) as compliant, coalesce(c.s, 0) as s, coalesce(c.h, 0) as h, coalesce(c.q, 0) as q,
         coalesce(c.k0, 0) as k0, coalesce(c.k1, 0) as k1, coalesce(c.k2, 0) as k2
  from "Department" d left join staff s on s.dep = d.id left join comp c on c.dep = d.id),
ranked as (
  select kind, q, n, row_number() over (partition by kind order by q::numeric / n, id) as rn, count(*) over (partition by kind) as cnt
  from dept where n > 0),
peer as (
  select kind, max(q) filter (where rn = (cnt + 1) / 2) as q1, max(n) filter (where rn = (cnt + 1) / 2) as n1,
         max(q) filter (where rn = cnt / 2 + 1) as q2, max(n) filter (where rn = cnt / 2 + 1) as n2
  from ranked group by kind)
select d.code, d.n, d.approved, d.failed, d.compliant, d.s, d.h, d.q, d.k0, d.k1, d.k2, p.q1, p.n1, p.q2, p.n2,
  greatest(
    case when d.n = 0 then 0 when 100 * d.approved < 50 * d.n then 3 when 100 * d.approved < 75 * d.n then 2 when 100 * d.approved < 90 * d.n then 1 else 0 end,
    case when d.failed >= 3 and 100 * d.failed >= 5 * d.n then 3 when d.failed >= 1 then 2 else 0 end,
    case when d.n = 0 then 0 when 100 * d.compliant < 60 * d.n then 2 when 100 * d.compliant < 80 * d.n then 1 else 0 end,
    case when d.s >= 3 then 3 when d.s >= 1 then 2 else 0 end,
    case when d.h >= 2 then 2 else 0 end,
    -- C > 2 × M  ⇔  q / n > q1 / n1 + q2 / n2
    case when d.n > 0 and d.q >= 3 and d.q::bigint * p.n1 * p.n2 > (p.q1::bigint * p.n2 + p.q2::bigint * p.n1) * d.n then 1 else 0 end,
    case when d.k0 >= 3 and d.k0 >= d.k1 and d.k1 >= 3 and d.k1 >= d.k2 then 3 when d.k0 >= 3 and d.k0 >= d.k1 then 2 else 0 end
  ) as level
from dept d left join peer p on p.kind = d.kind`;

const LEVELS = ["NONE", "WATCH", "REVIEW", "RECEIVERSHIP"];
const pct = (count: number, n: number) => (n > 0 ? rational(100 * count, n) : null);

function same(a: Rational | null | undefined, b: Rational | null) {
  if (a == null || b == null) return a == null && b == null;
  return compare(a, b) === 0;
}

/** Every difference between the engine's figures and levels and the floor's, as readable lines. */
export function compareWithEngine(engine: DepartmentEvaluation[], floor: FloorRow[]): string[] {
  const problems: string[] = [];
  const byCode = new Map(floor.map((row) => [row.code, row]));
  if (engine.length !== floor.length) problems.push(`engine evaluated ${engine.length} departments, the floor ${floor.length}`);
  for (const e of engine) {
    const f = byCode.get(e.code);
    if (!f) {
      problems.push(`${e.code}: missing from the floor`);
      continue;
    }
    const median = f.q1 !== null ? divide(add(rational(100 * f.q1, f.n1!), rational(100 * f.q2!, f.n2!)), rational(2)) : null;
    const expected: Record<string, Record<string, Rational | null>> = {
      "vetting-coverage": { V: pct(f.approved, f.n), approved: rational(f.approved), N: rational(f.n) },
      "failed-vetting-on-duty": { F: rational(f.failed), share: pct(f.failed, f.n) },
      "training-compliance": { T: pct(f.compliant, f.n), compliant: rational(f.compliant) },
      "serious-abuse": { count: rational(f.s) },
      "human-rights-recommendations": { count: rational(f.h) },
      "complaint-rate": { Q: rational(f.q), C: pct(f.q, f.n), M: median },
      "corruption-not-reduced": { K0: rational(f.k0), K1: rational(f.k1), K2: rational(f.k2) },
    };
    for (const rule of e.rules) {
      for (const [figure, value] of Object.entries(expected[rule.id] ?? {})) {
        if (!same(rule.figures[figure], value)) {
          problems.push(
            `${e.code} ${rule.id}.${figure}: engine ${JSON.stringify(rule.figures[figure] ?? null, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))}, floor ${value ? `${value.num}/${value.den}` : "null"}`,
          );
        }
      }
    }
    if (e.level !== LEVELS[f.level]) problems.push(`${e.code}: engine level ${e.level}, floor ${LEVELS[f.level]}`);
  }
  return problems;
}
