import { recordAudit } from "../audit/record";
import { diffForAudit } from "../audit/diff";
import type { Scope } from "../authz/scope";
import type { Db, DbOrTx } from "../db/client";
import { AppError } from "../errors";
import { actorFromScope, requirePermission, type WorkflowScope } from "../workflow/context";
import { findVisibleCase, findVisibleDepartment, findVisibleReview } from "../workflow/records";

/** What a comment is about. Departments are named by code, reviews and receiverships by id. */
export type CommentTarget =
  { type: "DEPARTMENT"; departmentCode: string } | { type: "REVIEW"; id: number } | { type: "RECEIVERSHIP"; id: number };

export const COMMENT_TARGET_TYPES = ["DEPARTMENT", "REVIEW", "RECEIVERSHIP"] as const;
export const MAX_COMMENT_LENGTH = 5000;

type ResolvedTarget = { targetType: (typeof COMMENT_TARGET_TYPES)[number]; targetId: string; stateCode: string };

/** The stored key of a target the caller may see; anything else is NOT_FOUND, like a missing record. */
async function resolveTarget(db: DbOrTx, scope: Scope, target: CommentTarget): Promise<ResolvedTarget> {
  switch (target.type) {
    case "DEPARTMENT": {
      const department = await findVisibleDepartment(db, scope, target.departmentCode);
      return { targetType: "DEPARTMENT", targetId: String(department.id), stateCode: department.stateCode };
    }
    case "REVIEW": {
      const review = await findVisibleReview(db, scope, target.id);
      return { targetType: "REVIEW", targetId: String(review.id), stateCode: review.department.stateCode };
    }
    case "RECEIVERSHIP": {
      const found = await findVisibleCase(db, scope, target.id);
      return { targetType: "RECEIVERSHIP", targetId: String(found.id), stateCode: found.department.stateCode };
    }
  }
}

export async function addComment(db: Db, scope: WorkflowScope, input: { target: CommentTarget; body: string }) {
  requirePermission(scope, "comments.write");
  const body = input.body.trim();
  if (body.length === 0 || body.length > MAX_COMMENT_LENGTH) {
    throw new AppError("BAD_REQUEST", `A comment must have between 1 and ${MAX_COMMENT_LENGTH} characters`, { field: "body" });
  }
  return db.$transaction(async (tx) => {
    const target = await resolveTarget(tx, scope, input.target);
    const created = await tx.comment.create({
      data: { authorId: scope.userId, targetType: target.targetType, targetId: target.targetId, body },
    });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "comment.add",
      targetType: "Comment",
      targetId: created.id,
      stateCode: target.stateCode,
      // Comments may name people: the trail shows that one was written, not what it says.
      changes: diffForAudit(null, { body }, { mask: ["body"] }),
      metadata: { on: target.targetType, onId: target.targetId },
    });
    return { id: created.id, createdAt: created.createdAt };
  });
}

/** A target's comments, oldest first (a conversation), one page at a time. */
export async function listComments(db: DbOrTx, scope: Scope, input: { target: CommentTarget; page: number; pageSize: number }) {
  const target = await resolveTarget(db, scope, input.target);
  const where = { targetType: target.targetType, targetId: target.targetId };
  const [total, rows] = await Promise.all([
    db.comment.count({ where }),
    db.comment.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      include: { author: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    rows: rows.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt, author: c.author })),
  };
}
