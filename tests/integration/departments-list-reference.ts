import { Prisma } from "~/generated/prisma/client";
import { type Scope, departmentSqlFilter } from "~/server/authz/scope";
import { firedRulesSql, latestRunIdSql } from "~/server/dashboard/latest-run";
import type { DbOrTx } from "~/server/db/client";
import type { DepartmentRow } from "~/server/departments/list-departments";
import type { DepartmentFilters } from "~/server/departments/list-input";

/*
 * The departments view's query as it was before it was split into page-first and count (one window
 * count over every visible row, every figure worked out before paging). Kept frozen, only as the
 * reference the current query must agree with row for row (departments-list-equivalence.test.ts).
 */
const ORDER_BY: Record<DepartmentFilters["sort"], Prisma.Sql> = {
  code: Prisma.sql`code`,
  // Names in Spanish order (the one change since it was frozen: "Álvaro Obregón" before "Zitácuaro").
  name: Prisma.sql`lower(name) collate "es-x-icu"`,
  state: Prisma.sql`"stateName" collate "es-x-icu"`,
  officers: Prisma.sql`"officersOnRoll"`,
  level: Prisma.sql`array_position(array['NONE','WATCH','REVIEW','RECEIVERSHIP'], level::text)`,
};

/**
 * The departments the caller may see with their current level (latest evaluation), the rules that
 * fired, officers on the roll today and whether a review or a receivership is open, filtered and
 * sorted. `limit` null returns every matching row (the CSV export).
 */
export async function referenceDepartments(
  db: DbOrTx,
  scope: Scope,
  view: DepartmentFilters,
  page: { limit: number | null; offset: number; today: string },
) {
  const { limit, offset, today } = page;
  const conditions: Prisma.Sql[] = [departmentSqlFilter(scope, "d")];
  if (view.stateCode) conditions.push(Prisma.sql`d."stateCode" = ${view.stateCode}`);
  if (view.kind) conditions.push(Prisma.sql`d.kind = ${view.kind}::"DepartmentKind"`);
  if (view.search) {
    const pattern = `%${view.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(Prisma.sql`(d.name ilike ${pattern} or d.code ilike ${pattern})`);
  }
  const outer: Prisma.Sql[] = [Prisma.sql`true`];
  if (view.level) outer.push(Prisma.sql`level = ${view.level}::"Level"`);
  if (view.rule) outer.push(Prisma.sql`${view.rule} = any("rulesFired")`);
  if (view.status === "underReview") outer.push(Prisma.sql`"underReview"`);
  if (view.status === "inReceivership") outer.push(Prisma.sql`"inReceivership"`);
  const direction = view.direction === "desc" ? Prisma.sql`desc nulls last` : Prisma.sql`asc nulls first`;
  const paging = limit === null ? Prisma.empty : Prisma.sql`limit ${limit} offset ${offset}`;

  // Counting every department's officers costs a pass over the whole roll, and listing the rules that
  // fired a pass over every stored result: unless the sort or a filter needs them, they are worked out
  // for the page's departments only.
  const byOfficers = view.sort === "officers";
  const byRule = Boolean(view.rule);
  const fired = (rules: Prisma.Sql) => Prisma.sql`${firedRulesSql(rules)} as "rulesFired"`;
  const firedLate = Prisma.sql`coalesce((select ${firedRulesSql(Prisma.sql`er.rules`)} from "EvaluationResult" er where er.id = p."resultId"), '{}'::text[]) as "rulesFired"`;
  const onRoll = (alias: Prisma.Sql) => Prisma.sql`(
    select count(*)::int from "Officer" o
    where o."departmentId" = ${alias}.id and o."hiredOn" <= ${today}::date and (o."separatedOn" is null or o."separatedOn" > ${today}::date)
  ) as "officersOnRoll"`;
  const orderBy = Prisma.sql`${ORDER_BY[view.sort]} ${direction}, code asc`;

  return db.$queryRaw<(DepartmentRow & { id?: number; resultId?: number | null; total: number })[]>`
    with visible as (
      select d.id, d.code, d.name, d.kind, d."stateCode", s.name as "stateName", d."municipalityCode", m.name as "municipalityName",
             d."authorizedStrength", ${byOfficers ? Prisma.sql`${onRoll(Prisma.sql`d`)},` : Prisma.empty}
             er.level, coalesce(er."insufficientData", false) as "insufficientData",
             er.id as "resultId", ${byRule ? Prisma.sql`${fired(Prisma.sql`er.rules`)},` : Prisma.empty}
             exists (select 1 from "Review" rv where rv."departmentId" = d.id and rv.status = 'OPEN') as "underReview",
             exists (select 1 from "ReceivershipCase" rc where rc."departmentId" = d.id and rc.status = 'IMPOSED') as "inReceivership"
      from "Department" d
      join "State" s on s.code = d."stateCode"
      left join "Municipality" m on m."stateCode" = d."stateCode" and m.code = d."municipalityCode"
      left join "EvaluationResult" er on er."departmentId" = d.id and er."runId" = ${latestRunIdSql}
      where ${Prisma.join(conditions, " and ")}
    ), page as (
      select *, (count(*) over ())::int as total
      from visible
      where ${Prisma.join(outer, " and ")}
      order by ${orderBy}
      ${paging}
    )
    select p.* ${byOfficers ? Prisma.empty : Prisma.sql`, ${onRoll(Prisma.sql`p`)}`} ${byRule ? Prisma.empty : Prisma.sql`, ${firedLate}`}
    from page p
    order by ${orderBy}`;
}
