import type { Role } from "../../generated/prisma/enums";
import { recordAudit } from "../audit/record";
import { requireRecentReauth } from "../auth/reauth";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { actorFromScope, type WorkflowScope, requirePermission } from "../workflow/context";
import { findVisibleCase, todayInMexico } from "../workflow/records";
import { legalBasisPlaceholders } from "./legal-basis";
import { transitionCase } from "./state-machine";

type Approval = { userId: number; role: Role };

/**
 * The two-approver rule (ASVS 2.3.5): an IA_SUPERVISOR and either a second, different supervisor or
 * the department's STATE_AG. Approvals of a state AG only ever exist for their own state's departments,
 * because the scope hides every other department's cases from them.
 */
export function approvalsSufficeToImpose(approvals: readonly Approval[]): boolean {
  const supervisors = new Set(approvals.filter((a) => a.role === "IA_SUPERVISOR").map((a) => a.userId)).size;
  const attorneysGeneral = approvals.filter((a) => a.role === "STATE_AG").length;
  return supervisors >= 2 || (supervisors >= 1 && attorneysGeneral >= 1);
}

/** What is still missing before a proposal is imposed, for the page to say who must act next. */
export function approvalsStillNeeded(approvals: readonly Approval[]): { count: number; roles: Role[] } {
  if (approvalsSufficeToImpose(approvals)) return { count: 0, roles: [] };
  const hasSupervisor = approvals.some((a) => a.role === "IA_SUPERVISOR");
  const hasAttorneyGeneral = approvals.some((a) => a.role === "STATE_AG");
  if (hasSupervisor) return { count: 1, roles: ["IA_SUPERVISOR", "STATE_AG"] };
  if (hasAttorneyGeneral) return { count: 1, roles: ["IA_SUPERVISOR"] };
  return { count: 2, roles: ["IA_SUPERVISOR", "STATE_AG"] };
}

/** Rejects an approval that the rule could never count, so no approval is recorded that means nothing. */
function assertApprovalCounts(existing: readonly Approval[], next: Approval): void {
  if (existing.some((a) => a.userId === next.userId)) {
    throw new AppError("CONFLICT", "You have already approved this receivership; a different person must give the second approval");
  }
  if (next.role === "STATE_AG" && existing.some((a) => a.role === "STATE_AG")) {
    throw new AppError("CONFLICT", "The state attorney general has already approved; an IA supervisor's approval is still needed");
  }
  if (next.role !== "IA_SUPERVISOR" && next.role !== "STATE_AG") {
    throw new AppError("FORBIDDEN", "Only an IA supervisor or the department's state attorney general may approve");
  }
}

/**
 * Records the caller's approval of a proposed receivership and imposes it when the approvals now
 * satisfy the two-approver rule. Needs a re-authentication within the last minutes; `version` is the
 * case version the approver saw, so an approval never applies to terms edited in the meantime.
 */
export async function approveReceivership(db: Db, scope: WorkflowScope, input: { id: number; version: number }) {
  requirePermission(scope, "receivership.approve");
  return db.$transaction(async (tx) => {
    const current = await findVisibleCase(tx, scope, input.id);
    await requireRecentReauth(tx, scope);
    if (current.status !== "PROPOSED") {
      throw new AppError("CONFLICT", `Only a proposed receivership can be approved; this one is ${current.status}`);
    }
    if (legalBasisPlaceholders(current.legalBasis).length > 0) {
      throw new AppError("PRECONDITION_FAILED", "Replace the bracketed placeholders in the legal basis before approving");
    }
    const approval: Approval = { userId: scope.userId, role: scope.role };
    assertApprovalCounts(current.approvals, approval);
    const approvals = [...current.approvals, approval];
    const imposes = approvalsSufficeToImpose(approvals);

    let version: number;
    if (imposes) {
      const startDate = current.startDate ?? todayInMexico();
      version = await transitionCase(tx, scope, {
        caseId: current.id,
        from: "PROPOSED",
        to: "IMPOSED",
        expectedVersion: input.version,
        reason: `Impuesta con la aprobación de: ${approvals.map((a) => `usuario ${a.userId} (${a.role})`).join(", ")}`,
        data: { startDate },
      });
    } else {
      const bumped = await tx.receivershipCase.updateMany({
        where: { id: current.id, version: input.version, status: "PROPOSED" },
        data: { version: { increment: 1 } },
      });
      if (bumped.count === 0) {
        throw new AppError("CONFLICT", "This receivership was changed by someone else since you loaded it; reload and try again");
      }
      version = input.version + 1;
    }
    await tx.receivershipApproval.create({
      data: { caseId: current.id, userId: scope.userId, role: scope.role, proposalRevision: current.proposalRevision },
    });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: imposes ? "receivership.impose" : "receivership.approve",
      targetType: "ReceivershipCase",
      targetId: current.id,
      stateCode: current.department.stateCode,
      changes: {
        approvals: { before: current.approvals, after: approvals },
        approvedRevision: { before: null, after: current.proposalRevision },
        ...(imposes ? { status: { before: "PROPOSED", after: "IMPOSED" } } : {}),
      },
    });
    return {
      id: current.id,
      version,
      proposalRevision: current.proposalRevision,
      status: imposes ? ("IMPOSED" as const) : ("PROPOSED" as const),
      approvals,
    };
  });
}
