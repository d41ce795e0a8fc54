import type { Prisma } from "../../generated/prisma/client";
import type { Level } from "../../generated/prisma/enums";
import { decidesLevel } from "../authz/permissions";
import { recommendationWhere, type Scope } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { notFound } from "../errors";
import { deriveExitCriteria } from "../receivership/derive-exit-criteria";
import { ymdOf } from "../rules/dates";
import { departmentFilters, listedDepartment as department, listPage, pageWindow } from "../workflow/list-page";
import type { QueueQuery, QueueSort } from "./queue-query";

const run = { select: { id: true, asOf: true, ruleSetVersion: { select: { ruleSetId: true, version: true } } } } as const;
const DAY_MS = 86_400_000;
const FIRING_LEVELS = ["WATCH", "REVIEW", "RECEIVERSHIP"] as const;

/** What the queue filters on, ANDed with the caller's scope. */
function queueWhere(scope: Scope, query: QueueQuery, now: Date): Prisma.RecommendationWhereInput {
  // The stored rules are [{ id, level, … }]; "fired" is a level above NONE, matched by JSON containment.
  const fired = query.rule
    ? { evaluationResult: { OR: FIRING_LEVELS.map((level) => ({ rules: { array_contains: [{ id: query.rule, level }] } })) } }
    : {};
  const sized = query.minOfficers !== undefined || query.maxOfficers !== undefined;
  return {
    AND: [
      recommendationWhere(scope),
      { status: query.status },
      query.toLevel ? { level: query.toLevel } : {},
      query.fromLevel ? { previousLevel: query.fromLevel } : {},
      query.kind ? { department: { kind: query.kind } } : {},
      query.minAgeDays !== undefined ? { createdAt: { lte: new Date(now.getTime() - query.minAgeDays * DAY_MS) } } : {},
      fired,
      sized ? { evaluationResult: { activeOfficers: { gte: query.minOfficers, lte: query.maxOfficers } } } : {},
      ...departmentFilters(query),
    ],
  };
}

/** Severity: highest level first, then the larger rise; age: oldest first; size: most active officers first. Ties: oldest, then id. */
function queueOrder(sort: QueueSort): Prisma.RecommendationOrderByWithRelationInput[] {
  const oldest: Prisma.RecommendationOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];
  if (sort === "age") return oldest;
  if (sort === "size") return [{ evaluationResult: { activeOfficers: { sort: "desc", nulls: "last" } } }, ...oldest];
  return [{ level: "desc" }, { previousLevel: "asc" }, ...oldest];
}

type StoredRule = { id: string; level: Level; value: number | null; threshold: string | null };

/** Only the rules that fired, in the rule set's order, with the figure and the condition that made them fire. */
function firedRules(rules: unknown) {
  if (!Array.isArray(rules)) return [];
  return (rules as StoredRule[])
    .filter((r) => r.level !== "NONE")
    .map((r) => ({ id: r.id, level: r.level, value: r.value, threshold: r.threshold }));
}

/**
 * The decision queue at national volume: the recommendations the caller may see, filtered, sorted and paged on
 * the server with the exact total. Each row carries the rules that fired and whether the caller may decide it.
 */
export async function listRecommendations(db: DbOrTx, scope: Scope, query: QueueQuery, now = new Date()) {
  const where = queueWhere(scope, query, now);
  return listPage(
    query,
    db.recommendation.count({ where }),
    db.recommendation.findMany({
      where,
      orderBy: queueOrder(query.sort),
      ...pageWindow(query),
      include: {
        department: { select: { ...department.select, kind: true } },
        evaluationRun: run,
        evaluationResult: { select: { rules: true, activeOfficers: true } },
      },
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
      activeOfficers: r.evaluationResult.activeOfficers,
      rules: firedRules(r.evaluationResult.rules),
      decidable: r.status === "OPEN" && decidesLevel(scope.role, r.level),
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
      evaluationRun: {
        select: {
          id: true,
          asOf: true,
          finishedAt: true,
          trigger: true,
          ruleSetVersion: { select: { ruleSetId: true, version: true, definition: true } },
        },
      },
      evaluationResult: { select: { level: true, insufficientData: true, rules: true } },
      decidedBy: { select: { id: true, name: true } },
      reviews: { select: { id: true, status: true }, orderBy: { id: "asc" } },
      receiverships: { select: { id: true, status: true }, orderBy: { id: "asc" } },
    },
  });
  if (!r) throw notFound("Recommendation");
  const { definition, ...ruleSet } = r.evaluationRun.ruleSetVersion;
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
      ruleSet,
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
    decidable: r.status === "OPEN" && decidesLevel(scope.role, r.level),
    /** What accepting would propose as exit criteria (RECEIVERSHIP level): derived from the rules that fired. */
    proposedExitCriteria: r.level === "RECEIVERSHIP" ? deriveExitCriteria(definition, firedRules(r.evaluationResult.rules)) : [],
  };
}
