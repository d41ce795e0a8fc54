import { Prisma } from "../../generated/prisma/client";
import type { DepartmentKind, Level } from "../../generated/prisma/enums";
import { type Scope, departmentSqlFilter } from "../authz/scope";
import { dashboardToday } from "../dashboard/as-of";
import { firedRulesSql, latestRunIdSql } from "../dashboard/latest-run";
import type { DbOrTx } from "../db/client";
import { likeLiteral } from "../db/like";
import { activeOfficersWhere } from "../officers/standing";
import type { DepartmentFilters, ListDepartmentsInput } from "./list-input";
import { spanishOrder } from "../db/collation";

export type DepartmentRow = {
  code: string;
  name: string;
  kind: DepartmentKind;
  stateCode: string;
  stateName: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  authorizedStrength: number | null;
  officersOnRoll: number;
  level: Level | null;
  insufficientData: boolean;
  rulesFired: string[];
  underReview: boolean;
  inReceivership: boolean;
};

type Sort = DepartmentFilters["sort"];
const levelRank = (level: Prisma.Sql) => Prisma.sql`array_position(array['NONE','WATCH','REVIEW','RECEIVERSHIP'], ${level}::text)`;
/** The sort key over a finished row, to keep the page's order once its details are joined. */
const ROW_SORT_KEY: Record<Sort, Prisma.Sql> = {
  code: Prisma.sql`code`,
  name: spanishOrder(Prisma.sql`lower(name)`),
  state: spanishOrder(Prisma.sql`"stateName"`),
  officers: Prisma.sql`"officersOnRoll"`,
  level: levelRank(Prisma.sql`level`),
};

const byId = (alias: string) => Prisma.raw(`${alias}.id`);
const openReview = (alias: string) =>
  Prisma.sql`exists (select 1 from "Review" rv where rv."departmentId" = ${byId(alias)} and rv.status = 'OPEN')`;
const imposedReceivership = (alias: string) =>
  Prisma.sql`exists (select 1 from "ReceivershipCase" rc where rc."departmentId" = ${byId(alias)} and rc.status = 'IMPOSED')`;
const latestResult = (alias: string) =>
  Prisma.sql`left join "EvaluationResult" er on er."departmentId" = ${byId(alias)} and er."runId" = ${latestRunIdSql}`;

type Page = { limit: number | null; offset: number; today: string };

/** The caller's scope and the view's filters over `"Department" d` and its latest result `er`. */
function departmentConditions(scope: Scope, view: DepartmentFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [departmentSqlFilter(scope, "d")];
  if (view.stateCode) conditions.push(Prisma.sql`d."stateCode" = ${view.stateCode}`);
  if (view.kind) conditions.push(Prisma.sql`d.kind = ${view.kind}::"DepartmentKind"`);
  if (view.search) {
    const pattern = `%${likeLiteral(view.search)}%`;
    conditions.push(Prisma.sql`(d.name ilike ${pattern} or d.code ilike ${pattern})`);
  }
  if (view.level) conditions.push(Prisma.sql`er.level = ${view.level}::"Level"`);
  if (view.rule) conditions.push(Prisma.sql`${view.rule} = any(${firedRulesSql(Prisma.sql`er.rules`)})`);
  if (view.status === "underReview") conditions.push(openReview("d"));
  if (view.status === "inReceivership") conditions.push(imposedReceivership("d"));
  return Prisma.join(conditions, " and ");
}

/**
 * The departments the caller may see with their current level (latest evaluation), the rules that
 * fired, officers on the roll today and whether a review or a receivership is open, filtered and
 * sorted, with the exact number of matching departments. `limit` null returns every matching row (the
 * CSV export).
 *
 * One statement. The page is chosen first, from the departments with only what the filters and the
 * sort need (the latest result for a level or rule filter or the level sort, the roll count for the
 * officers sort); names, level, rules fired, roll count and open cases are then worked out for the
 * page's rows alone. Sorted by code without a filter on the result, the page walks the code index and
 * the total is a separate count; otherwise the matching departments are gathered once and both the
 * count and the page read them.
 */
async function queryDepartments(
  db: DbOrTx,
  scope: Scope,
  view: DepartmentFilters,
  page: Page,
): Promise<{ total: number; rows: DepartmentRow[] }> {
  const { limit, offset, today } = page;
  const onRoll = (alias: string) => Prisma.sql`(select count(*)::int from "Officer" o where ${activeOfficersWhere(byId(alias), today)})`;
  const sortKey: Record<Sort, Prisma.Sql> = {
    code: Prisma.sql`d.code`,
    name: spanishOrder(Prisma.sql`lower(d.name)`),
    state: spanishOrder(Prisma.sql`s.name`),
    officers: onRoll("d"),
    level: levelRank(Prisma.sql`er.level`),
  };
  const where = departmentConditions(scope, view);
  const onResult = Boolean(view.level || view.rule);
  const direction = view.direction === "desc" ? Prisma.sql`desc nulls last` : Prisma.sql`asc nulls first`;
  const paging = limit === null ? Prisma.empty : Prisma.sql`limit ${limit} offset ${offset}`;
  const columns = Prisma.sql`d.id, d.code, d.name, d.kind, d."stateCode", d."municipalityCode", d."authorizedStrength"`;

  let matching = Prisma.empty;
  let counted: Prisma.Sql;
  let pageSql: Prisma.Sql;
  if (view.sort === "code" && !onResult && !view.status) {
    counted = Prisma.sql`select count(*)::int as total from "Department" d where ${where}`;
    // Codes are never null: without a nulls clause the sort is the code index's order.
    pageSql = Prisma.sql`select ${columns}, null::int as "sortKey" from "Department" d where ${where} order by d.code ${Prisma.raw(view.direction)} ${paging}`;
  } else {
    const joins = Prisma.sql`${onResult || view.sort === "level" ? latestResult("d") : Prisma.empty} ${view.sort === "state" ? Prisma.sql`join "State" s on s.code = d."stateCode"` : Prisma.empty}`;
    matching = Prisma.sql`with matching as materialized (select ${columns}, ${sortKey[view.sort]} as "sortKey" from "Department" d ${joins} where ${where})`;
    counted = Prisma.sql`select count(*)::int as total from matching`;
    pageSql = Prisma.sql`select * from matching order by "sortKey" ${direction}, code asc ${paging}`;
  }

  // The page comes back as one JSON value: parsing it is cheaper for the app than mapping every cell.
  const [result] = await db.$queryRaw<{ total: number; rows: DepartmentRow[] }[]>`
    ${matching}
    select t.total, coalesce((
      select json_agg(x order by ${ROW_SORT_KEY[view.sort]} ${direction}, code asc)
      from (
        select p.code, p.name, p.kind, p."stateCode", s.name as "stateName", p."municipalityCode", m.name as "municipalityName",
               p."authorizedStrength", ${view.sort === "officers" ? Prisma.sql`p."sortKey"` : onRoll("p")} as "officersOnRoll",
               er.level, coalesce(er."insufficientData", false) as "insufficientData",
               ${firedRulesSql(Prisma.sql`er.rules`)} as "rulesFired",
               ${openReview("p")} as "underReview", ${imposedReceivership("p")} as "inReceivership"
        from (${pageSql}) p
        join "State" s on s.code = p."stateCode"
        left join "Municipality" m on m."stateCode" = p."stateCode" and m.code = p."municipalityCode"
        ${latestResult("p")}
      ) x
    ), '[]'::json) as rows
    from (${counted}) t`;
  return result ?? { total: 0, rows: [] };
}

/** One page of the departments view; officers on the roll are counted at `today` (Mexico City's date). */
export async function listDepartments(db: DbOrTx, scope: Scope, input: ListDepartmentsInput, today = dashboardToday()) {
  const { total, rows } = await queryDepartments(db, scope, input, {
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
    today,
  });
  return { total, page: input.page, pageSize: input.pageSize, rows };
}

/** Every department of the view, for the CSV export. */
export async function listAllDepartments(
  db: DbOrTx,
  scope: Scope,
  view: DepartmentFilters,
  today = dashboardToday(),
): Promise<DepartmentRow[]> {
  return (await queryDepartments(db, scope, view, { limit: null, offset: 0, today })).rows;
}
