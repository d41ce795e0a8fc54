import type { DismissReason } from "../../generated/prisma/enums";
import { recordAudit } from "../audit/record";
import { decidesLevel } from "../authz/permissions";
import { recommendationWhere } from "../authz/scope";
import type { Db, Tx } from "../db/client";
import { AppError, notFound } from "../errors";
import { deriveExitCriteria, type FiredRule } from "../receivership/derive-exit-criteria";
import { publishedRuleIds } from "../receivership/exit-criteria";
import { createProposalInTx, type ProposalTerms } from "../receivership/propose";
import { openReviewInTx, type ReviewOpening } from "../reviews/open-review";
import { ymdOf } from "../rules/dates";
import { actorFromScope, changedFields, requirePermission, requireText, type WorkflowScope } from "../workflow/context";

export const MIN_DISMISS_JUSTIFICATION = 30;

export type DecideRecommendationInput =
  | {
      id: number;
      version: number;
      outcome: "ACCEPT";
      note?: string;
      /** For WATCH and REVIEW levels: how the review opens (scope defaults to a description of the recommendation). */
      review?: Partial<ReviewOpening>;
      /** For the RECEIVERSHIP level: the proposal's terms (exit criteria default to those derived from the rules that fired). */
      receivership?: ProposalTerms;
    }
  | { id: number; version: number; outcome: "DISMISS"; reason: DismissReason; justification: string };

/**
 * A person's decision on a recommendation the rules raised. Accepting opens the follow-up in the same
 * transaction — a review for WATCH and REVIEW levels, a receivership proposal (never an imposition) for
 * RECEIVERSHIP — linked to the recommendation. Dismissing needs a reason category and a written
 * justification. IA supervisors decide any recommendation; a state attorney general only REVIEW-level
 * ones of their own state. A recommendation is decided once.
 */
export async function decideRecommendation(db: Db, scope: WorkflowScope, input: DecideRecommendationInput) {
  requirePermission(scope, "recommendations.decide");
  return db.$transaction(async (tx) => {
    const current = await tx.recommendation.findFirst({
      where: { AND: [recommendationWhere(scope), { id: input.id }] },
      include: {
        department: { select: { id: true, code: true, stateCode: true, kind: true } },
        evaluationRun: { select: { asOf: true, ruleSetVersion: { select: { definition: true } } } },
        evaluationResult: { select: { rules: true } },
      },
    });
    if (!current) throw notFound("Recommendation");
    if (!decidesLevel(scope.role, current.level)) {
      throw new AppError("FORBIDDEN", `A state attorney general decides only REVIEW-level recommendations; this one is ${current.level}`);
    }
    if (current.status !== "OPEN") {
      throw new AppError("CONFLICT", `This recommendation was already decided (${current.status})`);
    }
    const decided =
      input.outcome === "DISMISS"
        ? {
            status: "DISMISSED" as const,
            dismissReason: input.reason,
            justification: requireText(input.justification, "Justification", MIN_DISMISS_JUSTIFICATION),
          }
        : { status: "ACCEPTED" as const, dismissReason: null, justification: input.note?.trim() || null };
    const next = { ...decided, decidedById: scope.userId, decidedAt: new Date() };
    const updated = await tx.recommendation.updateMany({
      where: { id: current.id, version: input.version, status: "OPEN" },
      data: { ...next, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new AppError(
        "CONFLICT",
        "This recommendation was changed or decided by someone else since you loaded it; reload and try again",
      );
    }
    const opened = input.outcome === "ACCEPT" ? await openFollowUp(tx, scope, current, input) : null;
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: input.outcome === "ACCEPT" ? "recommendation.accept" : "recommendation.dismiss",
      targetType: "Recommendation",
      targetId: current.id,
      stateCode: current.department.stateCode,
      changes: changedFields(current, next),
      metadata: { level: current.level, departmentCode: current.department.code, ...opened },
    });
    return { id: current.id, version: input.version + 1, status: next.status, ...opened };
  });
}

type Decidable = {
  id: number;
  level: string;
  previousLevel: string;
  department: { id: number; code: string; stateCode: string; kind: "MUNICIPAL" | "STATE" };
  evaluationRun: { asOf: Date; ruleSetVersion: { definition: unknown } };
  evaluationResult: { rules: unknown };
};

async function openFollowUp(
  tx: Tx,
  scope: WorkflowScope,
  recommendation: Decidable,
  input: Extract<DecideRecommendationInput, { outcome: "ACCEPT" }>,
): Promise<{ reviewId: number } | { receivershipId: number }> {
  if (recommendation.level === "RECEIVERSHIP") {
    if (!input.receivership) {
      throw new AppError("BAD_REQUEST", "Accepting a receivership recommendation needs the proposal's terms (receiving authority, terms)", {
        field: "receivership",
      });
    }
    requirePermission(scope, "receivership.propose");
    const known = await publishedRuleIds(tx);
    const fired = Array.isArray(recommendation.evaluationResult.rules) ? (recommendation.evaluationResult.rules as FiredRule[]) : [];
    const derived = deriveExitCriteria(recommendation.evaluationRun.ruleSetVersion.definition, fired).filter((c) => known.has(c.ruleId));
    const proposal = await createProposalInTx(tx, scope, recommendation.department, input.receivership, recommendation.id, derived);
    return { receivershipId: proposal.id };
  }
  requirePermission(scope, "reviews.open");
  const description =
    `Revisión derivada de la recomendación #${recommendation.id}: nivel ${recommendation.level} ` +
    `(antes ${recommendation.previousLevel}) en la evaluación al ${ymdOf(recommendation.evaluationRun.asOf)}.`;
  const review = await openReviewInTx(
    tx,
    scope,
    recommendation.department,
    { scope: input.review?.scope ?? description, ownerId: input.review?.ownerId, dueOn: input.review?.dueOn },
    recommendation.id,
  );
  return { reviewId: review.id };
}
