import type { Level } from "../../generated/prisma/enums";
import type { Comparison, Condition } from "../rules/conditions";
import { ZRuleSetDefinition } from "../rules/definition";
import { levelRank } from "../rules/levels";
import { METRICS, type MetricId } from "../rules/metrics";
import type { ExitCriterionInput } from "./exit-criteria";

/** Metrics whose value is a count of records: "F ≥ 1" stops holding exactly when F ≤ 0. */
const COUNT_METRICS: ReadonlySet<MetricId> = new Set<MetricId>(["failedVettingOnDuty", "complaintCount", "complaintTrend"]);

// Thresholds are stored with 4 decimals: the smallest step above or below a non-count bound.
const STEP = 0.0001;

/** A rule as an evaluation result reports it (only the fields the derivation reads). */
export type FiredRule = { id: string; level: Level; value: number | null };

/**
 * Exit criteria for a receivership proposal, from the rules that fired in the evaluation behind the
 * recommendation: for each fired rule, the criterion that its main value must reach for the rule to stop
 * firing at all (its lowest level no longer holds). A rule whose lowest condition reads the main value
 * against a constant gives that condition's negation (V < 90 → V ≥ 90; F ≥ 1 → F ≤ 0); inside an `all`,
 * negating the main-value comparison is enough for the whole not to hold. A rule whose condition does not
 * compare its main value with a constant (e.g. C > 2 × M) cannot be put as one threshold and gives none;
 * the proposer adds what fits on the case page.
 */
export function deriveExitCriteria(definition: unknown, fired: readonly FiredRule[]): ExitCriterionInput[] {
  const parsed = ZRuleSetDefinition.safeParse(definition);
  if (!parsed.success) return [];
  const criteria: ExitCriterionInput[] = [];
  for (const rule of parsed.data.rules) {
    const outcome = fired.find((f) => f.id === rule.id);
    if (!outcome || outcome.level === "NONE") continue;
    const lowest = [...rule.levels].sort((a, b) => levelRank(a.level) - levelRank(b.level))[0];
    if (!lowest) continue;
    const metric = METRICS[rule.metric];
    const comparison = mainValueComparison(lowest.when, metric.value);
    const criterion = comparison ? negate(comparison, COUNT_METRICS.has(rule.metric)) : null;
    if (criterion) criteria.push({ ruleId: rule.id, ...criterion });
  }
  return criteria;
}

function mainValueComparison(condition: Condition, figure: string): (Comparison & { than: number }) | null {
  const isMain = (c: Condition): c is Comparison & { than: number } =>
    "figure" in c && c.figure === figure && typeof c.than === "number" && c.op !== "=";
  if (isMain(condition)) return condition;
  if ("all" in condition) return condition.all.find(isMain) ?? null;
  return null;
}

const fourDecimals = (n: number) => Math.round(n * 10_000) / 10_000;

function negate(c: Comparison & { than: number }, counts: boolean): Omit<ExitCriterionInput, "ruleId"> | null {
  const step = counts ? 1 : STEP;
  switch (c.op) {
    case "<":
      return { comparator: "GTE", threshold: c.than };
    case "<=":
      return { comparator: "GTE", threshold: fourDecimals(c.than + step) };
    case ">":
      return { comparator: "LTE", threshold: c.than };
    case ">=":
      return { comparator: "LTE", threshold: fourDecimals(c.than - step) };
    default:
      return null;
  }
}
