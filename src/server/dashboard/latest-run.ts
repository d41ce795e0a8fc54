import { Prisma } from "../../generated/prisma/client";

/**
 * The evaluation the dashboard shows levels from: the most recent successful run by evaluation date
 * (backtests excluded — they replay the past and are not the current assessment).
 */
export const latestRunIdSql = Prisma.sql`(
  select r.id from "EvaluationRun" r
  where r.status = 'SUCCEEDED' and r.trigger <> 'BACKTEST'
  order by r."asOf" desc, r.id desc
  limit 1
)`;

/** The rule ids that fired (level above NONE) in an `"EvaluationResult".rules` value, as a text[] SQL expression. */
export function firedRulesSql(rulesColumn: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce((
    select array_agg(r->>'id' order by r->>'id')
    from jsonb_array_elements(case jsonb_typeof(${rulesColumn}) when 'array' then ${rulesColumn} else '[]'::jsonb end) r
    where coalesce(r->>'level', 'NONE') <> 'NONE'
  ), '{}'::text[])`;
}
