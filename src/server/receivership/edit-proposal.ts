import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { ymdOf } from "../rules/dates";
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
  reviewDate?: string | null;
  exitCriteria?: ExitCriterionInput[];
};

const ymdOrNull = (d: Date | null) => (d ? ymdOf(d) : null);
const criterionOf = (c: { ruleId: string; comparator: string; threshold: unknown }) => ({
  ruleId: c.ruleId,
  comparator: c.comparator,
  threshold: Number(c.threshold),
});

/**
 * Changes a proposal's terms or exit criteria. Only a PROPOSED case can change: what was imposed is what
 * its approvers approved. For the same reason an edit that changes anything starts a new proposal
 * revision and withdraws the approvals already given (kept in the amendment, so the page shows whose
 * approval was withdrawn and of which revision): every approver approves the text as it finally stands.
 */
export async function editReceivershipProposal(db: Db, scope: WorkflowScope, input: EditProposalInput) {
  requirePermission(scope, "receivership.propose");
  return db.$transaction(async (tx) => {
    const current = await findVisibleCase(tx, scope, input.id);
    if (current.status !== "PROPOSED") {
      throw new AppError("CONFLICT", `Only a proposed receivership can be edited; this one is ${current.status}`);
    }
    if (current.version !== input.version) {
      throw new AppError("CONFLICT", "This receivership was changed by someone else since you loaded it; reload and try again");
    }
    const next = normaliseTerms(current.department.kind, {
      legalBasis: input.legalBasis ?? current.legalBasis,
      receivingAuthority: input.receivingAuthority ?? current.receivingAuthority,
      terms: input.terms ?? current.terms,
      startDate: input.startDate === undefined ? ymdOrNull(current.startDate) : input.startDate,
      reviewDate: input.reviewDate === undefined ? ymdOrNull(current.reviewDate) : input.reviewDate,
    });
    if (input.exitCriteria) await validateExitCriteria(tx, input.exitCriteria);
    const changes = changedFields(
      {
        legalBasis: current.legalBasis,
        receivingAuthority: current.receivingAuthority,
        terms: current.terms,
        startDate: current.startDate,
        reviewDate: current.reviewDate,
      },
      next,
    );
    const criteriaBefore = current.exitCriteria.map(criterionOf);
    const criteriaChanged =
      input.exitCriteria !== undefined && JSON.stringify(input.exitCriteria.map(criterionOf)) !== JSON.stringify(criteriaBefore);
    if (criteriaChanged) changes.exitCriteria = { before: criteriaBefore, after: input.exitCriteria };
    if (Object.keys(changes).length === 0) {
      throw new AppError("BAD_REQUEST", "Nothing to save: the proposal already reads like this");
    }
    const revision = current.proposalRevision + 1;
    const updated = await tx.receivershipCase.updateMany({
      where: { id: current.id, version: input.version, status: "PROPOSED" },
      data: { ...next, proposalRevision: revision, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new AppError("CONFLICT", "This receivership was changed by someone else since you loaded it; reload and try again");
    }
    if (criteriaChanged && input.exitCriteria) {
      await tx.receivershipExitCriterion.deleteMany({ where: { caseId: current.id } });
      await tx.receivershipExitCriterion.createMany({
        data: input.exitCriteria.map((c) => ({ caseId: current.id, ruleId: c.ruleId, comparator: c.comparator, threshold: c.threshold })),
      });
    }
    const withdrawn = await tx.receivershipApproval.findMany({
      where: { caseId: current.id },
      orderBy: { approvedAt: "asc" },
      select: { userId: true, role: true, proposalRevision: true, approvedAt: true, user: { select: { name: true } } },
    });
    await tx.receivershipApproval.deleteMany({ where: { caseId: current.id } });
    const withdrawnApprovals = withdrawn.map((a) => ({
      userId: a.userId,
      name: a.user.name,
      role: a.role,
      proposalRevision: a.proposalRevision,
      approvedAt: a.approvedAt.toISOString(),
    }));
    await tx.receivershipAmendment.create({
      data: {
        caseId: current.id,
        kind: "PROPOSAL_EDITED",
        proposalRevision: revision,
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it: AuditChanges is not a Prisma JSON input type
        changes: changes as object,
        withdrawnApprovals,
        changedById: scope.userId,
      },
    });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "receivership.edit",
      targetType: "ReceivershipCase",
      targetId: current.id,
      stateCode: current.department.stateCode,
      changes: { ...changes, proposalRevision: { before: current.proposalRevision, after: revision } },
      metadata: { approvalsWithdrawn: withdrawn.map((a) => a.userId), count: withdrawn.length },
    });
    if (criteriaChanged) await refreshCriteriaFromLatestRun(tx, current.department.id, current.id);
    return { id: current.id, version: input.version + 1, proposalRevision: revision, approvalsWithdrawn: withdrawn.length };
  });
}
