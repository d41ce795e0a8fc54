import type { DepartmentKind, Level } from "../../generated/prisma/enums";
import { recordAuditNow } from "../audit/record";
import { departmentSqlFilter } from "../authz/scope";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { parseCalendarDate, todayIn } from "../rules/dates";
import { type DepartmentEvaluation, evaluateDepartments } from "../rules/evaluate";
import { LEVELS, levelRank } from "../rules/levels";
import { loadRuleSetVersion, loadRuleSetVersionById } from "../rules/rule-sets";
import { type WorkflowScope, actorFromScope, requirePermission } from "../workflow/context";

export type LevelCounts = Record<Level, number>;

export type LevelChange = {
  code: string;
  name: string;
  stateCode: string;
  kind: DepartmentKind;
  current: Level;
  candidate: Level;
  direction: "up" | "down";
};

export type DryRun = {
  asOf: string;
  candidate: { id: number; version: number; status: string };
  current: { id: number; version: number };
  departments: number;
  counts: { candidate: LevelCounts; current: LevelCounts };
  changes: LevelChange[];
};

export function levelCounts(evaluations: DepartmentEvaluation[]): LevelCounts {
  const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as LevelCounts;
  for (const e of evaluations) counts[e.level] += 1;
  return counts;
}

/** `asOf` if given and a real date, else today in Mexico City. */
export function evaluationDate(asOf: string | undefined): string {
  if (asOf === undefined) return todayIn();
  if (parseCalendarDate(asOf) === null)
    throw new AppError("BAD_REQUEST", `Invalid evaluation date '${asOf}': expected a real date YYYY-MM-DD`, {
      fieldErrors: { asOf: ["expected YYYY-MM-DD"] },
    });
  return asOf;
}

/**
 * What publishing a version would change: it and the rule set's current published version evaluated
 * at the same date over the same data (one REPEATABLE READ snapshot), every department whose level
 * differs, and the departments per level under each. Nothing is stored but the audit event.
 */
export async function dryRun(db: Db, scope: WorkflowScope, input: { versionId: number; asOf?: string }): Promise<DryRun> {
  requirePermission(scope, "rules.manage");
  const asOf = evaluationDate(input.asOf);
  const candidate = await loadRuleSetVersionById(db, input.versionId);
  const current = await loadRuleSetVersion(db, { ruleSetId: candidate.ruleSetId, version: null });
  // Recorded first: the audit write needs READ COMMITTED, the comparison a single snapshot.
  await recordAuditNow(db, {
    actor: actorFromScope(scope),
    action: "ruleSet.dryRun",
    targetType: "RuleSetVersion",
    targetId: candidate.id,
    metadata: { ruleSetId: candidate.ruleSetId, version: candidate.version, comparedWith: current.version, asOf },
  });
  const where = departmentSqlFilter(scope);
  const [mine, theirs] = await db.$transaction(
    async (tx) => [await evaluateDepartments(tx, candidate.rules, asOf, where), await evaluateDepartments(tx, current.rules, asOf, where)],
    { isolationLevel: "RepeatableRead", timeout: 10 * 60_000 },
  );
  const before = new Map(theirs.map((e) => [e.departmentId, e.level]));
  const changes: LevelChange[] = [];
  for (const e of mine) {
    const was = before.get(e.departmentId) ?? "NONE";
    if (was === e.level) continue;
    const direction = levelRank(e.level) > levelRank(was) ? "up" : "down";
    changes.push({ code: e.code, name: e.name, stateCode: e.stateCode, kind: e.kind, current: was, candidate: e.level, direction });
  }
  return {
    asOf,
    candidate: { id: candidate.id, version: candidate.version, status: candidate.status },
    current: { id: current.id, version: current.version },
    departments: mine.length,
    counts: { candidate: levelCounts(mine), current: levelCounts(theirs) },
    changes,
  };
}
