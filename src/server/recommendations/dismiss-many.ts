import { randomUUID } from "node:crypto";
import type { DismissReason } from "../../generated/prisma/enums";
import { recordAudit } from "../audit/record";
import { decidesLevel } from "../authz/permissions";
import { recommendationWhere } from "../authz/scope";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { actorFromScope, requirePermission, requireText, type WorkflowScope } from "../workflow/context";
import { MIN_DISMISS_JUSTIFICATION } from "./decide-recommendation";

export const MAX_BULK_DISMISS = 200;

export type DismissManyInput = {
  items: { id: number; version: number }[];
  reason: DismissReason;
  justification: string;
};

/**
 * Dismisses the selected recommendations with one reason and one justification, all or nothing: if any item
 * is out of the caller's scope or level, already decided or changed since it was loaded, nothing is dismissed
 * and the error names the items. Each dismissal is its own audit event (the batch shares a key), so the trail
 * reads the same as one-by-one decisions.
 */
export async function dismissMany(db: Db, scope: WorkflowScope, input: DismissManyInput) {
  requirePermission(scope, "recommendations.decide");
  const justification = requireText(input.justification, "Justification", MIN_DISMISS_JUSTIFICATION);
  const ids = [...new Set(input.items.map((i) => i.id))];
  if (ids.length === 0) throw new AppError("BAD_REQUEST", "Select at least one recommendation to dismiss", { field: "items" });
  if (ids.length !== input.items.length) throw new AppError("BAD_REQUEST", "A recommendation is selected twice", { field: "items" });
  if (ids.length > MAX_BULK_DISMISS) {
    throw new AppError("BAD_REQUEST", `At most ${MAX_BULK_DISMISS} recommendations can be dismissed at once`, { field: "items" });
  }
  return db.$transaction(async (tx) => {
    const found = await tx.recommendation.findMany({
      where: { AND: [recommendationWhere(scope), { id: { in: ids } }] },
      include: { department: { select: { code: true, stateCode: true } } },
      orderBy: { id: "asc" },
    });
    const byId = new Map(found.map((r) => [r.id, r]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) throw new AppError("NOT_FOUND", `Recommendations not found: ${missing.join(", ")}`, { field: "items" });
    const notDecidable = found.filter((r) => !decidesLevel(scope.role, r.level)).map((r) => r.id);
    if (notDecidable.length > 0) {
      throw new AppError("FORBIDDEN", `You may not decide recommendations ${notDecidable.join(", ")} (their level is a federal decision)`, {
        field: "items",
      });
    }
    const stale = input.items.filter((i) => {
      const r = byId.get(i.id)!;
      return r.status !== "OPEN" || r.version !== i.version;
    });
    if (stale.length > 0) {
      throw new AppError(
        "CONFLICT",
        `Recommendations ${stale.map((i) => i.id).join(", ")} were decided or changed since you loaded them; reload and try again`,
        { field: "items" },
      );
    }
    const decidedAt = new Date();
    const next = { status: "DISMISSED" as const, dismissReason: input.reason, justification, decidedById: scope.userId, decidedAt };
    const updated = await tx.recommendation.updateMany({
      where: { OR: input.items.map((i) => ({ id: i.id, version: i.version, status: "OPEN" as const })) },
      data: { ...next, version: { increment: 1 } },
    });
    if (updated.count !== ids.length) {
      throw new AppError("CONFLICT", "Some of the selected recommendations were decided by someone else meanwhile; reload and try again");
    }
    const batch = randomUUID();
    for (const r of found) {
      await recordAudit(tx, {
        actor: actorFromScope(scope),
        action: "recommendation.dismiss",
        targetType: "Recommendation",
        targetId: r.id,
        stateCode: r.department.stateCode,
        changes: {
          status: { before: r.status, after: next.status },
          dismissReason: { before: r.dismissReason, after: next.dismissReason },
          justification: { before: r.justification, after: justification },
        },
        metadata: { level: r.level, departmentCode: r.department.code, bulk: { batch, size: ids.length } },
      });
    }
    return { dismissed: ids.length, ids };
  });
}
