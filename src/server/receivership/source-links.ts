import { recordAudit } from "../audit/record";
import { receivershipWhere } from "../authz/scope";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { validateSourceUrl } from "../reviews/source-links";
import { actorFromScope, type WorkflowScope, requirePermission, requireText } from "../workflow/context";
import { findVisibleCase } from "../workflow/records";
import { assertActive } from "./state-machine";

/**
 * Evidence behind a case (the evaluation report, a commission recommendation, the Governor's order).
 * Attached and removed while the case is live, by those who may propose one; the same URL rules as a
 * review's sources.
 */
export async function addCaseSourceLink(db: Db, scope: WorkflowScope, input: { caseId: number; url: string; label: string }) {
  requirePermission(scope, "receivership.propose");
  const url = validateSourceUrl(input.url);
  const label = requireText(input.label, "Label", 2);
  return db.$transaction(async (tx) => {
    const found = await findVisibleCase(tx, scope, input.caseId);
    assertActive(found.status);
    const link = await tx.sourceLink.create({ data: { url, label, receivershipId: found.id, createdById: scope.userId } });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "receivership.sourceLink.add",
      targetType: "ReceivershipCase",
      targetId: found.id,
      stateCode: found.department.stateCode,
      changes: { sourceLink: { before: null, after: { id: link.id, url, label } } },
    });
    return { id: link.id, url, label };
  });
}

export async function removeCaseSourceLink(db: Db, scope: WorkflowScope, input: { id: number }) {
  requirePermission(scope, "receivership.propose");
  return db.$transaction(async (tx) => {
    const link = await tx.sourceLink.findFirst({
      where: { id: input.id, receivership: receivershipWhere(scope) },
      include: { receivership: { select: { id: true, status: true, department: { select: { stateCode: true } } } } },
    });
    if (!link?.receivership) throw notFound("Source link");
    assertActive(link.receivership.status);
    await tx.sourceLink.delete({ where: { id: link.id } });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "receivership.sourceLink.remove",
      targetType: "ReceivershipCase",
      targetId: link.receivership.id,
      stateCode: link.receivership.department.stateCode,
      changes: { sourceLink: { before: { id: link.id, url: link.url, label: link.label }, after: null } },
    });
    return { id: link.id };
  });
}
