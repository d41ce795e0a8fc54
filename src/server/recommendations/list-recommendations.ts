import type { Prisma } from "../../generated/prisma/client";
import type { Level, RecommendationStatus } from "../../generated/prisma/enums";
import { recommendationWhere, type Scope } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { notFound } from "../errors";
import { ymdOf } from "../rules/dates";
import { departmentFilters, listedDepartment as department, listPage, pageWindow, type WorkflowListInput } from "../workflow/list-page";

export type ListRecommendationsInput = WorkflowListInput & { status?: RecommendationStatus; level?: Level };

const run = { select: { id: true, asOf: true, ruleSetVersion: { select: { ruleSetId: true, version: true } } } } as const;

/** The decision queue: recommendations the caller may see, newest first. */
export async function listRecommendations(db: DbOrTx, scope: Scope, input: ListRecommendationsInput) {
  const where: Prisma.RecommendationWhereInput = {
    AND: [
      recommendationWhere(scope),
      input.status ? { status: input.status } : {},
      input.level ? { level: input.level } : {},
      ...departmentFilters(input),
    ],
  };
  return listPage(
    input,
    db.recommendation.count({ where }),
    db.recommendation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(input),
      include: { department, evaluationRun: run },
    }),
    (r) => ({
      id: r.id,
      status: r.status,
      version: r.version,
      level: r.level,
      previousLevel: r.previousLevel,
      department: r.department,
      asOf: ymdOf(r.evaluationRun.asOf),
      ruleSet: r.evaluationRun.ruleSetVersion,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      dismissReason: r.dismissReason,
    }),
  );
}

/**
 * One recommendation with what makes it defensible: the evaluation behind it exactly as persisted
 * (every rule's figures, levels and thresholds), the rule-set version and the data date, the decision,
 * and what the decision opened.
 */
export async function getRecommendation(db: DbOrTx, scope: Scope, id: number) {
  const r = await db.recommendation.findFirst({
    where: { AND: [recommendationWhere(scope), { id }] },
    include: {
      department,
      evaluationRun: { select: { ...run.select, finishedAt: true, trigger: true } },
      evaluationResult: { select: { level: true, insufficientData: true, rules: true } },
      decidedBy: { select: { id: true, name: true } },
      reviews: { select: { id: true, status: true }, orderBy: { id: "asc" } },
      receiverships: { select: { id: true, status: true }, orderBy: { id: "asc" } },
    },
  });
  if (!r) throw notFound("Recommendation");
  return {
    id: r.id,
    status: r.status,
    version: r.version,
    level: r.level,
    previousLevel: r.previousLevel,
    department: r.department,
    createdAt: r.createdAt,
    explanation: {
      runId: r.evaluationRun.id,
      asOf: ymdOf(r.evaluationRun.asOf),
      ruleSet: r.evaluationRun.ruleSetVersion,
      evaluatedAt: r.evaluationRun.finishedAt,
      trigger: r.evaluationRun.trigger,
      level: r.evaluationResult.level,
      insufficientData: r.evaluationResult.insufficientData,
      rules: r.evaluationResult.rules,
    },
    decision:
      r.status === "OPEN"
        ? null
        : {
            outcome: r.status,
            dismissReason: r.dismissReason,
            justification: r.justification,
            decidedBy: r.decidedBy,
            decidedAt: r.decidedAt,
          },
    reviews: r.reviews,
    receiverships: r.receiverships,
  };
}
