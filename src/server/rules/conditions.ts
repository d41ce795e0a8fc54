import { z } from "zod";
import { type Rational, compare, fromDecimal, multiply } from "./rational";

/**
 * A rule level's condition, as data: comparisons of a metric's figures with constants or with other
 * figures (times a factor), combined with `all` / `any`. This is what the rule editor edits, so
 * "F ≥ 3 and 100 × F / N ≥ 5" or "C > 2 × M" are expressed exactly, never as code.
 */
export const COMPARATORS = ["<", "<=", ">", ">=", "="] as const;
export type Comparator = (typeof COMPARATORS)[number];

export type Comparison = { figure: string; op: Comparator; than: number | { figure: string; times?: number } };
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] };

const finite = z.number().refine(Number.isFinite, "must be a finite number");

const ZComparison = z.strictObject({
  figure: z.string().min(1),
  op: z.enum(COMPARATORS),
  than: z.union([finite, z.strictObject({ figure: z.string().min(1), times: finite.optional() })]),
});

export const ZCondition: z.ZodType<Condition> = z.lazy(() =>
  z.union([ZComparison, z.strictObject({ all: z.array(ZCondition).min(1) }), z.strictObject({ any: z.array(ZCondition).min(1) })]),
);

/** Every figure name a condition reads (the definition validator checks them against the metric). */
export function figuresIn(condition: Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(figuresIn);
  if ("any" in condition) return condition.any.flatMap(figuresIn);
  return typeof condition.than === "number" ? [condition.figure] : [condition.figure, condition.than.figure];
}

export type Figures = Readonly<Record<string, Rational | null>>;

function holds(op: Comparator, order: -1 | 0 | 1): boolean {
  switch (op) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
    case "=":
      return order === 0;
  }
}

/** Whether the condition holds; a comparison reading a missing figure (e.g. N = 0) is false. */
export function conditionHolds(condition: Condition, figures: Figures): boolean {
  if ("all" in condition) return condition.all.every((c) => conditionHolds(c, figures));
  if ("any" in condition) return condition.any.some((c) => conditionHolds(c, figures));
  const left = figures[condition.figure];
  if (left == null) return false;
  let right: Rational | null | undefined;
  if (typeof condition.than === "number") right = fromDecimal(condition.than);
  else {
    const other = figures[condition.than.figure];
    right = other == null ? null : multiply(fromDecimal(condition.than.times ?? 1), other);
  }
  return right != null && holds(condition.op, compare(left, right));
}

const SYMBOL: Record<Comparator, string> = { "<": "<", "<=": "≤", ">": ">", ">=": "≥", "=": "=" };

/** Human-readable form, e.g. "Q ≥ 3 and C > 2 × M" (stored as the threshold a rule crossed). */
export function describeCondition(condition: Condition): string {
  if ("all" in condition) return condition.all.map((c) => ("any" in c ? `(${describeCondition(c)})` : describeCondition(c))).join(" and ");
  if ("any" in condition) return condition.any.map((c) => ("all" in c ? `(${describeCondition(c)})` : describeCondition(c))).join(" or ");
  const { than } = condition;
  const right =
    typeof than === "number" ? String(than) : than.times === undefined || than.times === 1 ? than.figure : `${than.times} × ${than.figure}`;
  return `${condition.figure} ${SYMBOL[condition.op]} ${right}`;
}
