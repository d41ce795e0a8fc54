import { Role } from "../../generated/prisma/enums";
import { can } from "../authz/permissions";
import type { Scope } from "../authz/scope";
import type { Db, DbOrTx } from "../db/client";
import { type WorkflowScope, requirePermission } from "../workflow/context";
import { findVisibleReview } from "../workflow/records";
import { updateReview } from "./conduct-review";

const CONDUCTING_ROLES = Object.values(Role).filter((role) => can(role, "reviews.conduct"));

/** Hands an open review to another eligible owner; audited as `review.reassign` and kept in its history. */
export async function reassignReview(
  db: Db,
  scope: WorkflowScope,
  input: { id: number; version: number; ownerId: number; reason?: string | null },
) {
  return updateReview(db, scope, { id: input.id, version: input.version, ownerId: input.ownerId, reason: input.reason }, "review.reassign");
}

/**
 * The people a review may be handed to: active users whose role conducts reviews and, for attorneys
 * general, only the department's state. By name; the current owner is flagged.
 */
export async function reviewOwnerOptions(db: DbOrTx, scope: Scope, reviewId: number) {
  requirePermission(scope, "reviews.conduct");
  const review = await findVisibleReview(db, scope, reviewId);
  const users = await db.user.findMany({
    where: {
      disabled: false,
      role: { in: CONDUCTING_ROLES },
      OR: [{ role: { not: "STATE_AG" } }, { stateCode: review.department.stateCode }],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true },
  });
  return users.map((u) => ({ ...u, current: u.id === review.ownerId }));
}
