import type { ComplaintStatus } from "../../generated/prisma/enums";
import { recordComplaintAlerts } from "../alerts/record";
import { recordAudit } from "../audit/record";
import { complaintWhere } from "../authz/scope";
import type { Db } from "../db/client";
import { AppError, notFound, staleVersion } from "../errors";
import { type ResolutionProblem, resolutionProblems } from "../imports/kinds/complaints";
import { ymdOf } from "../rules/dates";
import { actorFromScope, changedFields, requirePermission, type WorkflowScope } from "../workflow/context";
import { calendarDate } from "../workflow/records";

export type ChangeComplaintStatusInput = {
  ref: string;
  version: number;
  status: ComplaintStatus;
  /** YYYY-MM-DD; required for SUSTAINED, NOT_SUSTAINED and UNFOUNDED, empty otherwise (as in the import). */
  resolvedOn: string | null;
};

function resolutionError(problem: ResolutionProblem, status: string, receivedOn: string, resolvedOn: string | null) {
  const details = { field: "resolvedOn" };
  switch (problem) {
    case "required":
      return new AppError("BAD_REQUEST", `A complaint with status ${status} needs its resolution date`, details);
    case "forbidden":
      return new AppError("BAD_REQUEST", `A complaint with status ${status} has no resolution date; leave it empty`, details);
    case "beforeReceived":
      return new AppError("BAD_REQUEST", `The resolution date ${resolvedOn} is before the date received ${receivedOn}`, details);
  }
}

/**
 * Changes a complaint's status (and resolution date) from the app, under the import's rules
 * (`resolutionProblems`), on the version the caller saw, audited with before/after. In the same
 * transaction, a complaint that is now sustained serious abuse raises its alert through the outbox
 * exactly as an import would (`recordComplaintAlerts`). Out of scope = NOT_FOUND.
 */
export async function changeComplaintStatus(db: Db, scope: WorkflowScope, input: ChangeComplaintStatusInput, now = new Date()) {
  requirePermission(scope, "complaints.manage");
  const resolvedOn =
    input.resolvedOn === null || input.resolvedOn.trim() === "" ? null : ymdOf(calendarDate(input.resolvedOn, "Resolution date"));
  return db.$transaction(async (tx) => {
    const current = await tx.complaint.findFirst({
      where: { AND: [complaintWhere(scope), { ref: input.ref }] },
      select: {
        id: true,
        ref: true,
        status: true,
        receivedOn: true,
        resolvedOn: true,
        version: true,
        department: { select: { stateCode: true } },
      },
    });
    if (!current) throw notFound("Complaint");
    const receivedOn = ymdOf(current.receivedOn);
    const [problem] = resolutionProblems(input.status, receivedOn, resolvedOn);
    if (problem) throw resolutionError(problem, input.status, receivedOn, resolvedOn);
    const next = { status: input.status, resolvedOn: resolvedOn === null ? null : calendarDate(resolvedOn, "Resolution date") };
    const changes = changedFields(current, next);
    if (Object.keys(changes).length === 0) {
      throw new AppError("BAD_REQUEST", "The complaint already has this status and resolution date", { field: "status" });
    }
    const updated = await tx.complaint.updateMany({
      where: { id: current.id, version: input.version },
      data: { ...next, version: { increment: 1 }, updatedAt: now },
    });
    if (updated.count === 0) throw staleVersion("This complaint");
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "complaint.statusChange",
      targetType: "Complaint",
      targetId: current.ref,
      stateCode: current.department.stateCode,
      changes,
    });
    const alerts = await recordComplaintAlerts(tx, current.id, now);
    return { ref: current.ref, version: input.version + 1, status: next.status, resolvedOn, alertRaised: alerts.events > 0 };
  });
}
