import { Prisma } from "../../generated/prisma/client";
import { type Scope, visibleStateCode } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { latestRunIdSql } from "../dashboard/latest-run";

/** The choices the departments filters offer the caller: their visible states and the rules of the latest evaluation. */
export async function departmentFilterOptions(db: DbOrTx, scope: Scope) {
  const onlyState = visibleStateCode(scope);
  const [states, rules] = await Promise.all([
    db.state.findMany({ where: onlyState ? { code: onlyState } : {}, orderBy: { name: "asc" }, select: { code: true, name: true } }),
    db.$queryRaw<{ id: string }[]>(Prisma.sql`
      select distinct r->>'id' as id
      from "EvaluationResult" er, jsonb_array_elements(case jsonb_typeof(er.rules) when 'array' then er.rules else '[]'::jsonb end) r
      where er."runId" = ${latestRunIdSql} and r->>'id' is not null
      order by 1`),
  ]);
  return { states, ruleIds: rules.map((r) => r.id) };
}
