import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { actorFromScope, type WorkflowScope, changedFields, requirePermission } from "../workflow/context";
import { findVisibleCase } from "../workflow/records";
import { type ExitCriterionInput, validateExitCriteria } from "./exit-criteria";
import { normaliseTerms, refreshCriteriaFromLatestRun } from "./propose";

export type EditProposalInput = {
  id: number;
  version: number;
  legalBasis?: string;
  receivingAuthority?: string;
  terms?: string;
  startDate?: string | null;
  exitCriteria?: ExitCriterionInput[];
};

/**
 * Changes a proposal's terms or exit criteria. Only a PROPOSED case can change: what was imposed is what
 * its approvers approved. For the same reason any approvals already given are withdrawn, so every
 * approver has approved the text as it finally stands.
 */
export async function editReceivershipProposal(db: Db, scope: WorkflowScope, input: EditProposalInput) {
  requirePermission(scope, "receivership.propose");
  return db.$transaction(async (tx) => {
    const current = await findVisibleCase(tx, scope, input.id);
    if (current.status !== "PROPOSED") {
      throw new AppError("CONFLICT", `Only a proposed receivership can be edited; this one is ${current.status}`);
    }
    const next = normaliseTerms(current.department.kind, {
      legalBasis: input.legalBasis ?? current.legalBasis,
      receivingAuthority: input.receivingAuthority ?? current.receivingAuthority,
      terms: input.terms ?? current.terms,
      startDate: input.startDate === undefined ? current.startDate?.toISOString().slice(0, 10) : input.startDate,
    });
    if (input.exitCriteria) await validateExitCriteria(tx, input.exitCriteria);
    const updated = await tx.receivershipCase.updateMany({
      where: { id: current.id, version: input.version, status: "PROPOSED" },
      data: { ...next, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new AppError("CONFLICT", "This receivership was changed by someone else since you loaded it; reload and try again");
    }
    const changes = changedFields(
      {
        legalBasis: current.legalBasis,
        receivingAuthority: current.receivingAuthority,
        terms: current.terms,
        startDate: current.startDate,
      },
      next,
    );
    if (input.exitCriteria) {
      await tx.receivershipExitCriterion.deleteMany({ where: { caseId: current.id } });
      await tx.receivershipExitCriterion.createMany({
        data: input.exitCriteria.map((c) => ({ caseId: current.id, ruleId: c.ruleId, comparator: c.comparator, threshold: c.threshold })),
      });
      changes.exitCriteria = {
        before: current.exitCriteria.map((c) => ({ ruleId: c.ruleId, comparator: c.comparator, threshold: Number(c.threshold) })),
        after: input.exitCriteria,
      };
    }
    const cleared = await tx.receivershipApproval.deleteMany({ where: { caseId: current.id } });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "receivership.edit",
      targetType: "ReceivershipCase",
      targetId: current.id,
      stateCode: current.department.stateCode,
      changes,
      metadata: { approvalsWithdrawn: current.approvals.map((a) => a.userId), count: cleared.count },
    });
    if (input.exitCriteria) await refreshCriteriaFromLatestRun(tx, current.department.id, current.id);
    return { id: current.id, version: input.version + 1, approvalsWithdrawn: cleared.count };
  });
}
