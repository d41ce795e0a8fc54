import { recordAudit } from "../audit/record";
import { can } from "../authz/permissions";
import { recommendationWhere } from "../authz/scope";
import type { Db, Tx } from "../db/client";
import { AppError, notFound } from "../errors";
import { actorFromScope, type WorkflowScope, requirePermission, requireText } from "../workflow/context";
import { calendarDate, findVisibleDepartment } from "../workflow/records";

export type ReviewOpening = {
  /** What the review examines. */
  scope: string;
  /** Defaults to the person opening it. */
  ownerId?: number;
  /** YYYY-MM-DD. */
  dueOn?: string | null;
};

export type OpenReviewInput = ReviewOpening & { departmentCode: string; recommendationId?: number | null };

type ReviewDepartment = { id: number; code: string; stateCode: string };

export const MIN_REVIEW_SCOPE = 10;

/** Opens a review of a department, at any time, with or without a recommendation behind it. */
export async function openReview(db: Db, scope: WorkflowScope, input: OpenReviewInput) {
  requirePermission(scope, "reviews.open");
  return db.$transaction(async (tx) => {
    const department = await findVisibleDepartment(tx, scope, input.departmentCode);
    if (input.recommendationId != null) {
      const recommendation = await tx.recommendation.findFirst({
        where: { AND: [recommendationWhere(scope), { id: input.recommendationId }] },
        select: { departmentId: true },
      });
      if (!recommendation) throw notFound("Recommendation");
      if (recommendation.departmentId !== department.id) {
        throw new AppError("BAD_REQUEST", "The recommendation belongs to another department", { field: "recommendationId" });
      }
    }
    return openReviewInTx(tx, scope, department, input, input.recommendationId ?? null);
  });
}

/** Shared by a direct opening and by accepting a recommendation. */
export async function openReviewInTx(
  tx: Tx,
  scope: WorkflowScope,
  department: ReviewDepartment,
  input: ReviewOpening,
  recommendationId: number | null,
) {
  const ownerId = input.ownerId ?? scope.userId;
  await assertEligibleOwner(tx, ownerId, department.stateCode);
  const created = await tx.review.create({
    data: {
      departmentId: department.id,
      recommendationId,
      openedById: scope.userId,
      ownerId,
      scope: requireText(input.scope, "Scope", MIN_REVIEW_SCOPE),
      dueOn: input.dueOn ? calendarDate(input.dueOn, "Due date") : null,
    },
  });
  await recordAudit(tx, {
    actor: actorFromScope(scope),
    action: "review.open",
    targetType: "Review",
    targetId: created.id,
    stateCode: department.stateCode,
    changes: {
      status: { before: null, after: "OPEN" },
      scope: { before: null, after: created.scope },
      ownerId: { before: null, after: ownerId },
      dueOn: { before: null, after: input.dueOn ?? null },
    },
    metadata: { departmentCode: department.code, recommendationId },
  });
  return { id: created.id, version: created.version };
}

/**
 * A review's owner must be able to conduct it: an active user whose role conducts reviews and, for a
 * state attorney general, whose state is the department's. Unknown and ineligible users get the same answer.
 */
export async function assertEligibleOwner(tx: Tx, ownerId: number, stateCode: string) {
  const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { role: true, stateCode: true, disabled: true } });
  const eligible =
    owner !== null && !owner.disabled && can(owner.role, "reviews.conduct") && (owner.role !== "STATE_AG" || owner.stateCode === stateCode);
  if (!eligible) {
    throw new AppError("BAD_REQUEST", "The owner must be an active user who may conduct reviews of this department", { field: "ownerId" });
  }
}
