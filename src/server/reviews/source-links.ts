import { recordAudit } from "../audit/record";
import { reviewWhere } from "../authz/scope";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { actorFromScope, type WorkflowScope, requirePermission, requireText } from "../workflow/context";
import { findVisibleReview } from "../workflow/records";

export const MAX_URL_LENGTH = 2000;

/**
 * Evidence links must be plain web addresses: anything else (javascript:, data:, file:) could run or
 * read something when a colleague clicks it. Returns the normalised URL.
 */
export function validateSourceUrl(text: string): string {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new AppError("BAD_REQUEST", "The link is not a valid web address", { field: "url" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("BAD_REQUEST", "Only http and https links can be attached", { field: "url" });
  }
  if (url.username || url.password) {
    throw new AppError("BAD_REQUEST", "Links must not carry a user name or password", { field: "url" });
  }
  if (url.href.length > MAX_URL_LENGTH) {
    throw new AppError("BAD_REQUEST", `Links must be at most ${MAX_URL_LENGTH} characters`, { field: "url" });
  }
  return url.href;
}

/** Attaches a source (a news item, a commission recommendation, a court file) to an open review. */
export async function addReviewSourceLink(db: Db, scope: WorkflowScope, input: { reviewId: number; url: string; label: string }) {
  requirePermission(scope, "reviews.conduct");
  const url = validateSourceUrl(input.url);
  const label = requireText(input.label, "Label", 2);
  return db.$transaction(async (tx) => {
    const review = await findVisibleReview(tx, scope, input.reviewId);
    if (review.status !== "OPEN") throw new AppError("CONFLICT", "Sources can only be attached to an open review");
    const link = await tx.sourceLink.create({ data: { url, label, reviewId: review.id, createdById: scope.userId } });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "review.sourceLink.add",
      targetType: "Review",
      targetId: review.id,
      stateCode: review.department.stateCode,
      changes: { sourceLink: { before: null, after: { id: link.id, url, label } } },
    });
    return { id: link.id, url, label };
  });
}

export async function removeReviewSourceLink(db: Db, scope: WorkflowScope, input: { id: number }) {
  requirePermission(scope, "reviews.conduct");
  return db.$transaction(async (tx) => {
    const link = await tx.sourceLink.findFirst({
      where: { id: input.id, review: reviewWhere(scope) },
      include: { review: { select: { id: true, status: true, department: { select: { stateCode: true } } } } },
    });
    if (!link?.review) throw notFound("Source link");
    if (link.review.status !== "OPEN") throw new AppError("CONFLICT", "Sources of a closed review cannot be removed");
    await tx.sourceLink.delete({ where: { id: link.id } });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "review.sourceLink.remove",
      targetType: "Review",
      targetId: link.review.id,
      stateCode: link.review.department.stateCode,
      changes: { sourceLink: { before: { id: link.id, url: link.url, label: link.label }, after: null } },
    });
    return { id: link.id };
  });
}
