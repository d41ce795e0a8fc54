import type { Db } from "~/server/db/client";
import type { RuleSetDefinition } from "~/server/rules/definition";
import { type Dataset, addDays, dataset, staff } from "./rules-dataset";

/** Officers `${prefix}1…count` of `department`, each approved (valid) and trained (initial course, 40 h) as of D. */
export function healthyDepartment(code: string, count: number, prefix: string, D: string, hiredOn = "2000-01-01"): Partial<Dataset> {
  const officers = staff(code, count, prefix, hiredOn);
  return {
    departments: [{ code, kind: "MUNICIPAL" }],
    officers,
    vetting: officers.map((o) => ({
      officer: o.id,
      evaluatedOn: addDays(D, -100),
      result: "APPROVED" as const,
      validUntil: addDays(D, 900),
    })),
    training: officers.map((o) => ({ officer: o.id, course: "FORMACION_INICIAL", completedOn: addDays(D, -10), hours: "40" })),
  };
}

/** The same department with its first `n` officers' vetting replaced by a failed (still recent) one. */
export function withoutApproval(part: Partial<Dataset>, n: number): Partial<Dataset> {
  const failed = new Set(part.officers!.slice(0, n).map((o) => o.id));
  return { ...part, vetting: part.vetting!.map((v) => (failed.has(v.officer) ? { ...v, result: "PENDING" as const } : v)) };
}

/** The same department with its first `n` officers' recent training removed. */
export function withoutTraining(part: Partial<Dataset>, n: number): Partial<Dataset> {
  const untrained = new Set(part.officers!.slice(0, n).map((o) => o.id));
  return { ...part, training: part.training!.filter((t) => !untrained.has(t.officer)) };
}

export { dataset };

/** The published federal-baseline definition, to edit in tests. */
export async function publishedDefinition(db: Db): Promise<{ id: number; definition: RuleSetDefinition }> {
  const v = await db.ruleSetVersion.findFirstOrThrow({
    where: { ruleSetId: "federal-baseline", status: "PUBLISHED" },
    orderBy: { version: "desc" },
  });
  return { id: v.id, definition: structuredClone(v.definition) as RuleSetDefinition };
}

/** Sets the constant a rule's level compares with (the level's condition must be a single comparison). */
export function setThreshold(definition: RuleSetDefinition, ruleId: string, level: string, than: number): RuleSetDefinition {
  const rule = definition.rules.find((r) => r.id === ruleId);
  const entry = rule?.levels.find((l) => l.level === level);
  if (!entry || !("figure" in entry.when)) throw new Error(`${ruleId} has no single-comparison ${level} level`);
  entry.when = { ...entry.when, than };
  return definition;
}

/** Removes one level of one rule. */
export function dropLevel(definition: RuleSetDefinition, ruleId: string, level: string): RuleSetDefinition {
  const rule = definition.rules.find((r) => r.id === ruleId)!;
  rule.levels = rule.levels.filter((l) => l.level !== level);
  return definition;
}
