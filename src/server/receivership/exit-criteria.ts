import type { CriterionComparator } from "../../generated/prisma/enums";
import type { DbOrTx } from "../db/client";
import { AppError } from "../errors";

/** An exit criterion: the value of a rule's main metric compared with a threshold (e.g. vetting-coverage ≥ 95). */
export type ExitCriterionInput = { ruleId: string; comparator: CriterionComparator; threshold: number };

/** What a department must reach before a receivership is lifted, unless the proposer says otherwise. */
export const DEFAULT_EXIT_CRITERIA: readonly ExitCriterionInput[] = [
  { ruleId: "vetting-coverage", comparator: "GTE", threshold: 95 },
  { ruleId: "failed-vetting-on-duty", comparator: "LTE", threshold: 0 },
  { ruleId: "training-compliance", comparator: "GTE", threshold: 90 },
];

// The column is numeric(12, 4).
const MAX_THRESHOLD = 1e8;

/**
 * Rule ids any published rule-set version defines: a criterion on a rule no evaluation reports would
 * never be met.
 */
export async function publishedRuleIds(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    select distinct rule->>'id' as id
    from "RuleSetVersion" v
    cross join lateral jsonb_array_elements(
      case when jsonb_typeof(v.definition->'rules') = 'array' then v.definition->'rules' else '[]'::jsonb end) rule
    where v.status = 'PUBLISHED' and rule->>'id' is not null`;
  return new Set(rows.map((r) => r.id));
}

/** Rejects unknown rules, duplicate rules and thresholds the column cannot hold, naming the culprit. */
export async function validateExitCriteria(db: DbOrTx, criteria: readonly ExitCriterionInput[]): Promise<void> {
  const known = await publishedRuleIds(db);
  const seen = new Set<string>();
  for (const [index, c] of criteria.entries()) {
    const where = `Exit criterion ${index + 1} (${c.ruleId})`;
    if (!known.has(c.ruleId)) {
      throw new AppError("BAD_REQUEST", `${where}: no published rule set defines this rule`, { index });
    }
    if (seen.has(c.ruleId)) throw new AppError("BAD_REQUEST", `${where}: the rule appears twice`, { index });
    seen.add(c.ruleId);
    if (!Number.isFinite(c.threshold) || Math.abs(c.threshold) >= MAX_THRESHOLD || !hasAtMostFourDecimals(c.threshold)) {
      throw new AppError("BAD_REQUEST", `${where}: threshold must be a number below 100000000 with at most 4 decimals`, {
        index,
      });
    }
  }
}

function hasAtMostFourDecimals(value: number): boolean {
  return Math.abs(Math.round(value * 10_000) - value * 10_000) < 1e-6;
}

/** Human wording of a criterion, e.g. "vetting-coverage ≥ 95". */
export function describeCriterion(c: { ruleId: string; comparator: CriterionComparator; threshold: unknown }): string {
  return `${c.ruleId} ${c.comparator === "GTE" ? "≥" : "≤"} ${String(c.threshold)}`;
}
