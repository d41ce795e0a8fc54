import type { AuditAction } from "../audit/actions";
import { recordAudit } from "../audit/record";
import { receivershipWhere } from "../authz/scope";
import type { Db, Tx } from "../db/client";
import { AppError, notFound, staleVersion } from "../errors";
import { actorFromScope, type WorkflowScope, changedFields, requirePermission, requireText } from "../workflow/context";
import { calendarDate, findVisibleCase } from "../workflow/records";
import { assertActive } from "./state-machine";

export type MilestoneInput = { title: string; dueOn: string };
export type MilestoneUpdate = { id: number; version: number; title?: string; dueOn?: string; completedOn?: string | null };

const MIN_TITLE = 3;

/** A step the receiving authority must reach (e.g. "re-vet every officer on duty") by a date. */
export async function addMilestone(db: Db, scope: WorkflowScope, input: MilestoneInput & { caseId: number }) {
  requirePermission(scope, "receivership.propose");
  return db.$transaction(async (tx) => {
    const current = await findVisibleCase(tx, scope, input.caseId);
    assertActive(current.status);
    const created = await tx.receivershipMilestone.create({
      data: { caseId: current.id, title: requireText(input.title, "Title", MIN_TITLE), dueOn: calendarDate(input.dueOn, "Due date") },
    });
    await audit(tx, scope, "receivership.milestone.add", created.id, current.department.stateCode, {
      title: { before: null, after: created.title },
      dueOn: { before: null, after: input.dueOn },
    });
    return { id: created.id, version: created.version };
  });
}

export async function updateMilestone(db: Db, scope: WorkflowScope, input: MilestoneUpdate) {
  requirePermission(scope, "receivership.propose");
  return db.$transaction(async (tx) => {
    const current = await findVisibleMilestone(tx, scope, input.id);
    assertActive(current.case.status);
    const next = {
      title: input.title === undefined ? current.title : requireText(input.title, "Title", MIN_TITLE),
      dueOn: input.dueOn === undefined ? current.dueOn : calendarDate(input.dueOn, "Due date"),
      completedOn:
        input.completedOn === undefined
          ? current.completedOn
          : input.completedOn === null
            ? null
            : calendarDate(input.completedOn, "Completion date"),
    };
    const updated = await tx.receivershipMilestone.updateMany({
      where: { id: current.id, version: input.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (updated.count === 0) throw staleVersion("This milestone");
    await audit(tx, scope, "receivership.milestone.update", current.id, current.case.department.stateCode, changedFields(current, next));
    return { id: current.id, version: input.version + 1 };
  });
}

/** Removes a milestone that was set by mistake; a completed one is part of the record and stays. */
export async function removeMilestone(db: Db, scope: WorkflowScope, input: { id: number; version: number }) {
  requirePermission(scope, "receivership.propose");
  return db.$transaction(async (tx) => {
    const current = await findVisibleMilestone(tx, scope, input.id);
    assertActive(current.case.status);
    if (current.completedOn) throw new AppError("CONFLICT", "A completed milestone cannot be removed");
    const removed = await tx.receivershipMilestone.deleteMany({ where: { id: current.id, version: input.version } });
    if (removed.count === 0) throw staleVersion("This milestone");
    await audit(tx, scope, "receivership.milestone.remove", current.id, current.case.department.stateCode, {
      title: { before: current.title, after: null },
      dueOn: { before: current.dueOn.toISOString().slice(0, 10), after: null },
    });
    return { id: current.id };
  });
}

async function findVisibleMilestone(tx: Tx, scope: WorkflowScope, id: number) {
  const found = await tx.receivershipMilestone.findFirst({
    where: { id, case: receivershipWhere(scope) },
    include: { case: { select: { id: true, status: true, department: { select: { stateCode: true } } } } },
  });
  if (!found) throw notFound("Milestone");
  return found;
}

function audit(
  tx: Tx,
  scope: WorkflowScope,
  action: AuditAction,
  id: number,
  stateCode: string,
  changes: Record<string, { before: unknown; after: unknown }>,
) {
  return recordAudit(tx, { actor: actorFromScope(scope), action, targetType: "ReceivershipMilestone", targetId: id, stateCode, changes });
}
