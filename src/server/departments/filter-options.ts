import { Prisma } from "../../generated/prisma/client";
import { type Scope, visibleStateCode } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { latestRunIdSql } from "../dashboard/latest-run";
import { statesByNameSql } from "../db/collation";

/** The choices the departments filters offer the caller: their visible states and the rules of the latest evaluation's rule set. */
export async function departmentFilterOptions(db: DbOrTx, scope: Scope) {
  const onlyState = visibleStateCode(scope);
  const [states, rules] = await Promise.all([
    db.$queryRaw<{ code: string; name: string }[]>(statesByNameSql(onlyState)),
    // Every result of a run carries every rule of the run's rule-set version, so the version's definition
    // names them: one row to read instead of every department's stored result.
    db.$queryRaw<{ id: string }[]>(Prisma.sql`
      select distinct r->>'id' as id
      from "EvaluationRun" run
      join "RuleSetVersion" v on v.id = run."ruleSetVersionId",
      jsonb_array_elements(v.definition -> 'rules') r
      where run.id = ${latestRunIdSql} and r->>'id' is not null
      order by 1`),
  ]);
  return { states, ruleIds: rules.map((r) => r.id) };
}
