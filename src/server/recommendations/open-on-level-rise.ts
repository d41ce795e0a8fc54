import type { Level } from "../../generated/prisma/enums";
import type { AuditActor } from "../audit/record";
import { recordAudit } from "../audit/record";
import type { Tx } from "../db/client";
import { levelRose } from "../rules/levels";

export type PersistedOutcome = { departmentId: number; stateCode: string; resultId: number; level: Level };

/**
 * Each department's level in its previous persisted assessment by the same rule set: the latest
 * successful, non-backtest run dated on or before `asOf` (among runs of one date, the last to finish),
 * other than `runId`. Callers hold the rule set's run lock, so a run committed while this one waited
 * counts as previous and two concurrent runs never open the same recommendation twice.
 * Departments never assessed before are absent (treated as NONE).
 */
async function previousLevels(tx: Tx, ruleSetId: string, runId: number, asOf: string): Promise<Map<number, Level>> {
  const rows = await tx.$queryRaw<{ departmentId: number; level: Level }[]>`
    select distinct on (r."departmentId") r."departmentId", r.level::text as level
    from "EvaluationResult" r
    join "EvaluationRun" run on run.id = r."runId"
    join "RuleSetVersion" v on v.id = run."ruleSetVersionId"
    where v."ruleSetId" = ${ruleSetId} and run.status = 'SUCCEEDED' and run.trigger <> 'BACKTEST' and run.id <> ${runId}
      and run."asOf" <= ${asOf}::date
    order by r."departmentId", run."asOf" desc, run."finishedAt" desc, run.id desc`;
  return new Map(rows.map((r) => [r.departmentId, r.level]));
}

/**
 * Opens an OPEN recommendation for every department whose level rose since its previous assessment,
 * inside the run's transaction. It only recommends: reviews and receiverships are decided by people.
 */
export async function openRecommendationsOnLevelRise(
  tx: Tx,
  run: { id: number; ruleSetId: string; asOf: string },
  outcomes: PersistedOutcome[],
  actor: AuditActor,
): Promise<number[]> {
  const previous = await previousLevels(tx, run.ruleSetId, run.id, run.asOf);
  const rises = outcomes
    .map((o) => ({ ...o, previousLevel: previous.get(o.departmentId) ?? ("NONE" as const) }))
    .filter((o) => levelRose(o.previousLevel, o.level));
  if (rises.length === 0) return [];
  const created = await tx.recommendation.createManyAndReturn({
    data: rises.map((r) => ({
      departmentId: r.departmentId,
      evaluationRunId: run.id,
      evaluationResultId: r.resultId,
      level: r.level,
      previousLevel: r.previousLevel,
    })),
    select: { id: true, departmentId: true },
  });
  const byDepartment = new Map(rises.map((r) => [r.departmentId, r]));
  for (const recommendation of created) {
    const rise = byDepartment.get(recommendation.departmentId)!;
    await recordAudit(tx, {
      actor,
      action: "recommendation.open",
      targetType: "Recommendation",
      targetId: recommendation.id,
      stateCode: rise.stateCode,
      changes: { status: { before: null, after: "OPEN" }, level: { before: rise.previousLevel, after: rise.level } },
      metadata: { departmentId: rise.departmentId, evaluationRunId: run.id, evaluationResultId: rise.resultId },
    });
  }
  return created.map((r) => r.id);
}
