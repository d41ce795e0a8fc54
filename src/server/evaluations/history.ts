import type { EvaluationTrigger, Level } from "../../generated/prisma/enums";
import { type Scope, departmentSqlFilter, departmentWhere, evaluationResultWhere } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { notFound } from "../errors";
import { ymdOf } from "../rules/dates";
import { LEVELS } from "../rules/levels";
import { readPersistedRules } from "./persisted";

export type RunSummary = {
  runId: number;
  ruleSet: { id: string; version: number };
  asOf: string;
  trigger: EvaluationTrigger;
  startedAt: Date;
  finishedAt: Date | null;
  /** Departments the caller may see, per level, and how many lacked data. */
  levels: Record<Level, number>;
  departments: number;
  insufficientData: number;
  openRecommendations: number;
};

/**
 * The current assessment: the latest successful run by evaluation date (backtests excluded), of the
 * given rule set or any. Counts cover only the departments in the caller's scope. Null before any run.
 */
export async function latestRun(db: DbOrTx, scope: Scope, input: { ruleSetId?: string } = {}): Promise<RunSummary | null> {
  const run = await db.evaluationRun.findFirst({
    where: {
      status: "SUCCEEDED",
      trigger: { not: "BACKTEST" },
      ...(input.ruleSetId ? { ruleSetVersion: { ruleSetId: input.ruleSetId } } : {}),
    },
    orderBy: [{ asOf: "desc" }, { id: "desc" }],
    include: { ruleSetVersion: { select: { ruleSetId: true, version: true } } },
  });
  if (!run) return null;
  const [counts] = await db.$queryRaw<{ levels: Record<string, number> | null; departments: number; insufficient: number; open: number }[]>`
    select (select jsonb_object_agg(level, n) from (
              select r.level::text as level, count(*)::int as n
              from "EvaluationResult" r join "Department" d on d.id = r."departmentId"
              where r."runId" = ${run.id} and ${departmentSqlFilter(scope)} group by r.level) l) as levels,
           (select count(*)::int from "EvaluationResult" r join "Department" d on d.id = r."departmentId"
              where r."runId" = ${run.id} and ${departmentSqlFilter(scope)}) as departments,
           (select count(*)::int from "EvaluationResult" r join "Department" d on d.id = r."departmentId"
              where r."runId" = ${run.id} and r."insufficientData" and ${departmentSqlFilter(scope)}) as insufficient,
           (select count(*)::int from "Recommendation" rec join "Department" d on d.id = rec."departmentId"
              where rec."evaluationRunId" = ${run.id} and rec.status = 'OPEN' and ${departmentSqlFilter(scope)}) as open`;
  const levels = Object.fromEntries(LEVELS.map((l) => [l, counts?.levels?.[l] ?? 0])) as Record<Level, number>;
  return {
    runId: run.id,
    ruleSet: { id: run.ruleSetVersion.ruleSetId, version: run.ruleSetVersion.version },
    asOf: ymdOf(run.asOf),
    trigger: run.trigger,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    levels,
    departments: counts?.departments ?? 0,
    insufficientData: counts?.insufficient ?? 0,
    openRecommendations: counts?.open ?? 0,
  };
}

export type HistoryEntry = {
  runId: number;
  ruleSet: { id: string; version: number };
  asOf: string;
  trigger: EvaluationTrigger;
  level: Level;
  insufficientData: boolean;
  rules: { id: string; level: Level; value: number | null }[];
};

/** A department's levels over its successful, non-backtest runs, newest evaluation date first. */
export async function departmentHistory(
  db: DbOrTx,
  scope: Scope,
  input: { departmentCode: string; ruleSetId?: string; limit?: number },
): Promise<HistoryEntry[]> {
  const department = await db.department.findFirst({
    where: { AND: [departmentWhere(scope), { code: input.departmentCode }] },
    select: { id: true },
  });
  if (!department) throw notFound("Department");
  const results = await db.evaluationResult.findMany({
    where: {
      AND: [
        evaluationResultWhere(scope),
        { departmentId: department.id },
        {
          run: {
            status: "SUCCEEDED",
            trigger: { not: "BACKTEST" },
            ...(input.ruleSetId ? { ruleSetVersion: { ruleSetId: input.ruleSetId } } : {}),
          },
        },
      ],
    },
    orderBy: [{ run: { asOf: "desc" } }, { runId: "desc" }],
    take: input.limit ?? 100,
    include: { run: { include: { ruleSetVersion: { select: { ruleSetId: true, version: true } } } } },
  });
  return results.map((r) => ({
    runId: r.runId,
    ruleSet: { id: r.run.ruleSetVersion.ruleSetId, version: r.run.ruleSetVersion.version },
    asOf: ymdOf(r.run.asOf),
    trigger: r.run.trigger,
    level: r.level,
    insufficientData: r.insufficientData,
    rules: readPersistedRules(r.rules).map((rule) => ({ id: rule.id, level: rule.level, value: rule.value })),
  }));
}
