import { Prisma } from "../../generated/prisma/client";
import { type Scope, departmentSqlFilter } from "../authz/scope";
import { type Db, queryPrepared } from "../db/client";
import { notFound } from "../errors";

/**
 * What the dossier's paged tables (officers, complaints) share: one page of a department's rows and
 * the exact number matching, read in one prepared statement with the caller's scope in its `where`.
 */
export type RosterPageInput = { departmentCode: string; q?: string; page: number; pageSize: number };

export type RosterPage<Row> = {
  department: { id: number; code: string; stateCode: string };
  total: number;
  page: number;
  pageSize: number;
  rows: Row[];
};

/** `q` as a LIKE pattern matching it anywhere, its own `%`, `_` and `\` taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The trimmed search text, or null when there is none. */
export const searchText = (q: string | undefined) => (q?.trim() ? q.trim() : null);

/**
 * `matched(d)` selects, for department `d`, the keys of the matching rows in display order (with
 * `sortKeys` columns for ordering); `rowsOf(keys)` renders the rows whose key is in `keys` (a
 * subquery), ordered the same way. Only the page's rows are rendered; the count covers all matches.
 */
export async function rosterPage<Row>(
  db: Db,
  scope: Scope,
  input: RosterPageInput,
  parts: { matched: Prisma.Sql; order: Prisma.Sql; rowsOf: (keys: Prisma.Sql) => Prisma.Sql },
): Promise<RosterPage<Row>> {
  const offset = (input.page - 1) * input.pageSize;
  const [found] = await queryPrepared<{ department: RosterPage<Row>["department"] | null; total: number; rows: Row[] }>(
    db,
    Prisma.sql`
      with d as (select d.id, d.code, d."stateCode" from "Department" d where ${departmentSqlFilter(scope, "d")} and d.code = ${input.departmentCode}),
      matched as (${parts.matched}),
      page as (select key from matched order by ${parts.order} limit ${input.pageSize} offset ${offset})
      select (select json_build_object('id', d.id, 'code', d.code, 'stateCode', d."stateCode") from d) as department,
             (select count(*) from matched)::int as total,
             (select coalesce(json_agg(x), '[]') from (${parts.rowsOf(Prisma.sql`(select key from page)`)}) x) as rows`,
  );
  if (!found?.department) throw notFound("Department");
  return { department: found.department, total: found.total, page: input.page, pageSize: input.pageSize, rows: found.rows };
}
