import { Prisma } from "../../generated/prisma/client";
import { recordAudit } from "../audit/record";
import type { Tx } from "../db/client";

type UpdatedCriterion = {
  id: number;
  caseId: number;
  ruleId: string;
  oldValue: Prisma.Decimal | null;
  oldMet: boolean | null;
  value: Prisma.Decimal | null;
  met: boolean;
};

/**
 * Brings every live receivership's exit criteria up to date with a persisted evaluation run: each
 * criterion takes the current value of its rule's main metric for the case's department and whether it
 * meets its threshold. The evaluation persist calls this inside its own transaction, so a run and the
 * criteria it moves commit together.
 *
 * Only runs of published rule-set versions that are not backtests count, and a run never overwrites a
 * value taken from a run with a later data date. A rule whose value is null (insufficient data) leaves
 * its criterion unmet. Met/unmet is decided on the exact reported value; the stored value is rounded to
 * the column's 10 decimals for display.
 */
export async function updateExitCriteriaFromRun(tx: Tx, runId: number): Promise<{ updated: number }> {
  return applyRunToExitCriteria(tx, runId, null);
}

/** The same, limited to one case (used when a case's criteria are (re)defined). */
export async function applyRunToExitCriteria(tx: Tx, runId: number, caseId: number | null): Promise<{ updated: number }> {
  const rows = await tx.$queryRaw<UpdatedCriterion[]>`
    with run as (
      select r.id, r."asOf"
      from "EvaluationRun" r join "RuleSetVersion" v on v.id = r."ruleSetVersionId"
      where r.id = ${runId} and r.trigger <> 'BACKTEST' and v.status = 'PUBLISHED'
    ), figures as (
      select er."departmentId", rule->>'id' as "ruleId",
             case when jsonb_typeof(rule->'value') = 'number' then (rule->>'value')::numeric end as value
      from run
      join "EvaluationResult" er on er."runId" = run.id
      cross join lateral jsonb_array_elements(
        case when jsonb_typeof(er.rules) = 'array' then er.rules else '[]'::jsonb end) rule
    ), targets as (
      select c.id, f.value, c.comparator, c.threshold, c.met as "oldMet", c."currentValue" as "oldValue"
      from "ReceivershipExitCriterion" c
      join "ReceivershipCase" k on k.id = c."caseId"
      join figures f on f."departmentId" = k."departmentId" and f."ruleId" = c."ruleId"
      cross join run
      left join "EvaluationRun" previous on previous.id = c."lastRunId"
      where k.status in ('PROPOSED', 'IMPOSED')
        and (previous.id is null or previous."asOf" <= run."asOf")
        and (${caseId}::int is null or k.id = ${caseId}::int)
    )
    update "ReceivershipExitCriterion" c
    set "currentValue" = t.value,
        met = case when t.value is null then false
                   when t.comparator = 'GTE' then t.value >= t.threshold
                   else t.value <= t.threshold end,
        "lastRunId" = ${runId},
        "updatedAt" = now()
    from targets t
    where c.id = t.id
    returning c.id, c."caseId", c."ruleId", t."oldValue", t."oldMet", c."currentValue" as value, c.met`;

  const byCase = new Map<number, UpdatedCriterion[]>();
  for (const row of rows) {
    if (row.oldMet === row.met && String(row.oldValue) === String(row.value)) continue;
    byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row]);
  }
  for (const [id, changed] of byCase) {
    await recordAudit(tx, {
      actor: { userId: null },
      action: "receivership.exitCriteria.update",
      targetType: "ReceivershipCase",
      targetId: id,
      stateCode: await caseState(tx, id),
      changes: Object.fromEntries(
        changed.map((c) => [
          `${c.ruleId}#${c.id}`,
          { before: { value: decimalText(c.oldValue), met: c.oldMet }, after: { value: decimalText(c.value), met: c.met } },
        ]),
      ),
      metadata: { runId },
    });
  }
  return { updated: rows.length };
}

const decimalText = (value: Prisma.Decimal | null) => (value === null ? null : value.toString());

async function caseState(tx: Tx, caseId: number): Promise<string> {
  const found = await tx.receivershipCase.findUniqueOrThrow({
    where: { id: caseId },
    select: { department: { select: { stateCode: true } } },
  });
  return found.department.stateCode;
}
