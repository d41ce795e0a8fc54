import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { ymdOf } from "../rules/dates";
import { actorFromScope, type WorkflowScope, requirePermission, requireText } from "../workflow/context";
import { calendarDate, findVisibleCase, todayInMexico } from "../workflow/records";

export const MIN_EXTEND_REASON = 30;

export type ExtendInput = { id: number; version: number; reviewDate: string; reason: string };

/**
 * Moves an imposed receivership's review date later: the department stays under the receiving authority
 * until then. An IA supervisor decides it with a written reason; the old and new dates and the reason
 * are kept as an amendment (the case's extension history) and audited. The new date must be later than
 * the current one, than the start date and than today, so an extension always extends.
 */
export async function extendReceivership(db: Db, scope: WorkflowScope, input: ExtendInput) {
  requirePermission(scope, "receivership.extend");
  const reason = requireText(input.reason, "Reason", MIN_EXTEND_REASON);
  const reviewDate = calendarDate(input.reviewDate, "Review date");
  return db.$transaction(async (tx) => {
    const current = await findVisibleCase(tx, scope, input.id);
    if (current.status !== "IMPOSED") {
      throw new AppError("CONFLICT", `Only an imposed receivership can be extended; this one is ${current.status}`);
    }
    const floor = [current.reviewDate, current.startDate, todayInMexico()].filter((d): d is Date => d !== null);
    const latest = new Date(Math.max(...floor.map((d) => d.getTime())));
    if (reviewDate <= latest) {
      throw new AppError(
        "BAD_REQUEST",
        `The new review date must be after ${ymdOf(latest)} (the current review date, the start date and today)`,
        {
          field: "reviewDate",
        },
      );
    }
    const updated = await tx.receivershipCase.updateMany({
      where: { id: current.id, version: input.version, status: "IMPOSED" },
      data: { reviewDate, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new AppError("CONFLICT", "This receivership was changed by someone else since you loaded it; reload and try again");
    }
    const changes = { reviewDate: { before: current.reviewDate ? ymdOf(current.reviewDate) : null, after: ymdOf(reviewDate) } };
    await tx.receivershipAmendment.create({
      data: {
        caseId: current.id,
        kind: "EXTENDED",
        proposalRevision: current.proposalRevision,
        changes,
        reason,
        changedById: scope.userId,
      },
    });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "receivership.extend",
      targetType: "ReceivershipCase",
      targetId: current.id,
      stateCode: current.department.stateCode,
      changes,
      metadata: { reason },
    });
    return { id: current.id, version: input.version + 1, reviewDate: ymdOf(reviewDate) };
  });
}
