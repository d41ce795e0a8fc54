import type { Scope } from "../authz/scope";
import type { ReviewDecision } from "../../generated/prisma/enums";
import { recordAudit } from "../audit/record";
import type { Db, Tx } from "../db/client";
import { AppError, staleVersion } from "../errors";
import { actorFromScope, type WorkflowScope, changedFields, requirePermission, requireText } from "../workflow/context";
import { calendarDate, findVisibleReview } from "../workflow/records";
import { assertEligibleOwner, MIN_REVIEW_SCOPE } from "./open-review";
import { changeReason, recordReviewChanges } from "./review-history";

export type UpdateReviewInput = {
  id: number;
  version: number;
  scope?: string;
  findings?: string;
  departmentResponse?: string;
  ownerId?: number;
  dueOn?: string | null;
  /** Why the owner, due date or scope changed (kept in the review's history). */
  reason?: string | null;
};

export type CloseReviewInput = { id: number; version: number; decision: ReviewDecision; decisionNotes: string };

export const MIN_DECISION_NOTES = 10;

/**
 * Records the work of an open review: its scope, findings, the department's response, owner and due
 * date. Owner, due-date and scope changes are also kept in the review's history (review-history.ts).
 * `action` names the audit row: `review.reassign` when called to hand the review over.
 */
export async function updateReview(
  db: Db,
  scope: WorkflowScope,
  input: UpdateReviewInput,
  action: "review.update" | "review.reassign" = "review.update",
) {
  requirePermission(scope, "reviews.conduct");
  const reason = changeReason(input.reason);
  return db.$transaction(async (tx) => {
    const current = await findOpenReview(tx, scope, input.id);
    if (action === "review.reassign" && input.ownerId === current.ownerId) {
      throw new AppError("BAD_REQUEST", "The review already belongs to this person", { field: "ownerId" });
    }
    if (input.ownerId !== undefined && input.ownerId !== current.ownerId) {
      assertMayReassign(scope, current);
      await assertEligibleOwner(tx, input.ownerId, current.department.stateCode);
    }
    const next = {
      scope: input.scope === undefined ? current.scope : requireText(input.scope, "Scope", MIN_REVIEW_SCOPE),
      findings: input.findings?.trim() ?? current.findings,
      departmentResponse: input.departmentResponse?.trim() ?? current.departmentResponse,
      ownerId: input.ownerId ?? current.ownerId,
      dueOn: input.dueOn === undefined ? current.dueOn : input.dueOn === null ? null : calendarDate(input.dueOn, "Due date"),
    };
    await saveVersioned(tx, current.id, input.version, next);
    await recordReviewChanges(tx, { reviewId: current.id, changedById: scope.userId, reason }, current, next);
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action,
      targetType: "Review",
      targetId: current.id,
      stateCode: current.department.stateCode,
      changes: changedFields(current, next),
      ...(reason === null ? {} : { metadata: { reason } }),
    });
    return { id: current.id, version: input.version + 1 };
  });
}

/**
 * Closes a review with its decision. Its owner or an IA supervisor closes it, once findings are written,
 * so a closed review always says what was found and what was decided.
 */
export async function closeReview(db: Db, scope: WorkflowScope, input: CloseReviewInput) {
  requirePermission(scope, "reviews.conduct");
  return db.$transaction(async (tx) => {
    const current = await findOpenReview(tx, scope, input.id);
    if (current.ownerId !== scope.userId && scope.role !== "IA_SUPERVISOR") {
      throw new AppError("FORBIDDEN", "Only the review's owner or an IA supervisor may close it");
    }
    if (!current.findings.trim()) {
      throw new AppError("PRECONDITION_FAILED", "Write the review's findings before closing it");
    }
    const next = {
      status: "CLOSED" as const,
      decision: input.decision,
      decisionNotes: requireText(input.decisionNotes, "Decision notes", MIN_DECISION_NOTES),
      closedAt: new Date(),
    };
    await saveVersioned(tx, current.id, input.version, next);
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "review.close",
      targetType: "Review",
      targetId: current.id,
      stateCode: current.department.stateCode,
      changes: changedFields(current, next),
    });
    return { id: current.id, version: input.version + 1, status: next.status };
  });
}

/**
 * Who may hand a review to someone else: its owner, an IA supervisor, or the attorney general of the
 * department's state (the scope has already made sure an AG sees only their own state's reviews).
 */
export function assertMayReassign(scope: Scope, review: { ownerId: number }) {
  if (review.ownerId === scope.userId || scope.role === "IA_SUPERVISOR" || scope.role === "STATE_AG") return;
  throw new AppError("FORBIDDEN", "Only the review's owner, an IA supervisor or the state's attorney general may reassign it");
}

async function findOpenReview(tx: Tx, scope: WorkflowScope, id: number) {
  const review = await findVisibleReview(tx, scope, id);
  if (review.status !== "OPEN") throw new AppError("CONFLICT", "This review is closed and can no longer be changed");
  return review;
}

async function saveVersioned(tx: Tx, id: number, version: number, data: Parameters<Tx["review"]["updateMany"]>[0]["data"]) {
  const updated = await tx.review.updateMany({ where: { id, version, status: "OPEN" }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) throw staleVersion("This review");
}
