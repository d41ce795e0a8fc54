import { z } from "zod";
import type { Level } from "../../generated/prisma/enums";
import { AppError } from "../errors";
import { type Condition, ZCondition, describeCondition, figuresIn } from "./conditions";
import { METRICS, METRIC_IDS, type MetricDefinition, type MetricId } from "./metrics";
import type { BoundMetric } from "./metrics/types";

/**
 * The JSON stored in `RuleSetVersion.definition`: an ordered list of rules, each reading one metric
 * from the registry with its parameters, and the conditions under which it fires each level.
 */
const ZRuleLevel = z.strictObject({ level: z.enum(["WATCH", "REVIEW", "RECEIVERSHIP"]), when: ZCondition });

const ZRule = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase words separated by hyphens")
    .max(60),
  title: z.string().min(1).max(200),
  metric: z.enum(METRIC_IDS),
  params: z.record(z.string(), z.unknown()).default({}),
  levels: z.array(ZRuleLevel).min(1),
});

export const ZRuleSetDefinition = z.strictObject({ rules: z.array(ZRule).min(1).max(100) }).superRefine((definition, ctx) => {
  const seen = new Set<string>();
  definition.rules.forEach((rule, index) => {
    const path = ["rules", index];
    if (seen.has(rule.id)) ctx.addIssue({ code: "custom", path: [...path, "id"], message: `duplicate rule id '${rule.id}'` });
    seen.add(rule.id);
    const metric = METRICS[rule.metric];
    const params = metric.params.safeParse(rule.params);
    if (!params.success) {
      for (const issue of params.error.issues) {
        ctx.addIssue({ code: "custom", path: [...path, "params", ...issue.path.map(String)], message: issue.message });
      }
    }
    const levels = new Set<string>();
    rule.levels.forEach((entry, levelIndex) => {
      if (levels.has(entry.level)) {
        ctx.addIssue({ code: "custom", path: [...path, "levels", levelIndex, "level"], message: `level ${entry.level} appears twice` });
      }
      levels.add(entry.level);
      for (const figure of figuresIn(entry.when)) {
        if (!metric.figures.includes(figure)) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "levels", levelIndex, "when"],
            message: `metric ${rule.metric} has no figure '${figure}' (it has ${metric.figures.join(", ")})`,
          });
        }
      }
    });
  });
});

export type RuleSetDefinition = z.infer<typeof ZRuleSetDefinition>;

export type CompiledRule = {
  id: string;
  title: string;
  metricId: MetricId;
  metric: MetricDefinition;
  bound: BoundMetric;
  levels: { level: Exclude<Level, "NONE">; when: Condition; threshold: string }[];
};

/** Validates a stored definition; a broken one is reported with every problem and its path. */
export function compileDefinition(raw: unknown): CompiledRule[] {
  const parsed = ZRuleSetDefinition.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(definition)"}: ${i.message}`);
    throw new AppError("BAD_REQUEST", `Invalid rule-set definition: ${problems.join("; ")}`, { problems });
  }
  return parsed.data.rules.map((rule) => ({
    id: rule.id,
    title: rule.title,
    metricId: rule.metric,
    metric: METRICS[rule.metric],
    bound: METRICS[rule.metric].bind(rule.params),
    levels: rule.levels.map((l) => ({ ...l, threshold: describeCondition(l.when) })),
  }));
}
