import type { Prisma } from "../../generated/prisma/client";
import type { ReceivershipStatus } from "../../generated/prisma/enums";
import { receivershipWhere, type Scope } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { notFound } from "../errors";
import { ymdOf } from "../rules/dates";
import { departmentFilters, listedDepartment, listPage, pageWindow, type WorkflowListInput } from "../workflow/list-page";
import { approvalsStillNeeded } from "./approve";
import { LEGAL_BASIS_TEMPLATES, legalBasisPlaceholders } from "./legal-basis";

/** An approval an edit withdrew, as the amendment keeps it. */
export type WithdrawnApproval = { userId: number; name: string; role: string; proposalRevision: number; approvedAt: string };

export type ListReceivershipsInput = WorkflowListInput & { status?: ReceivershipStatus[] };

const ymdOrNull = (d: Date | null) => (d ? ymdOf(d) : null);
const decimalOrNull = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

/** The receivership board: cases the caller may see, newest first. */
export async function listReceiverships(db: DbOrTx, scope: Scope, input: ListReceivershipsInput) {
  const where: Prisma.ReceivershipCaseWhereInput = {
    AND: [receivershipWhere(scope), input.status?.length ? { status: { in: input.status } } : {}, ...departmentFilters(input)],
  };
  return listPage(
    input,
    db.receivershipCase.count({ where }),
    db.receivershipCase.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(input),
      include: {
        department: listedDepartment,
        exitCriteria: { select: { ruleId: true, comparator: true, threshold: true, met: true }, orderBy: { id: "asc" } },
        approvals: { select: { userId: true, role: true, proposalRevision: true } },
        milestones: { select: { dueOn: true, completedOn: true } },
      },
    }),
    (r) => ({
      id: r.id,
      status: r.status,
      version: r.version,
      department: r.department,
      receivingAuthority: r.receivingAuthority,
      terms: r.terms,
      proposalRevision: r.proposalRevision,
      legalBasisPlaceholders: legalBasisPlaceholders(r.legalBasis).length,
      startDate: ymdOrNull(r.startDate),
      reviewDate: ymdOrNull(r.reviewDate),
      endDate: ymdOrNull(r.endDate),
      createdAt: r.createdAt,
      exitCriteria: r.exitCriteria.map((c) => ({ ruleId: c.ruleId, comparator: c.comparator, threshold: Number(c.threshold), met: c.met })),
      criteriaTotal: r.exitCriteria.length,
      criteriaMet: r.exitCriteria.filter((c) => c.met === true).length,
      approvalCount: r.approvals.length,
      milestonesOpen: r.milestones.filter((m) => !m.completedOn).length,
      nextMilestoneDue: ymdOrNull(
        r.milestones.filter((m) => !m.completedOn).sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime())[0]?.dueOn ?? null,
      ),
    }),
  );
}

/** One case with everything its page shows: terms, approvals, exit criteria progress, milestones, history. */
export async function getReceivership(db: DbOrTx, scope: Scope, id: number) {
  const found = await db.receivershipCase.findFirst({
    where: { AND: [receivershipWhere(scope), { id }] },
    include: {
      department: { select: { code: true, name: true, stateCode: true, kind: true, state: { select: { name: true } } } },
      recommendation: { select: { id: true, level: true, previousLevel: true, evaluationRun: { select: { id: true, asOf: true } } } },
      proposedBy: { select: { id: true, name: true } },
      approvals: { orderBy: { approvedAt: "asc" }, include: { user: { select: { name: true } } } },
      amendments: { orderBy: [{ changedAt: "asc" }, { id: "asc" }], include: { changedBy: { select: { name: true } } } },
      sourceLinks: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      exitCriteria: { orderBy: { id: "asc" } },
      milestones: { orderBy: [{ dueOn: "asc" }, { id: "asc" }] },
      statusHistory: { orderBy: [{ changedAt: "asc" }, { id: "asc" }], include: { changedBy: { select: { name: true } } } },
    },
  });
  if (!found) throw notFound("Receivership");
  const approvals = found.approvals.map((a) => ({
    userId: a.userId,
    name: a.user.name,
    role: a.role,
    approvedAt: a.approvedAt,
    proposalRevision: a.proposalRevision,
  }));
  const { state, ...department } = found.department;
  const recommendation = found.recommendation;
  return {
    id: found.id,
    status: found.status,
    version: found.version,
    proposalRevision: found.proposalRevision,
    department: { ...department, stateName: state.name },
    recommendationId: found.recommendationId,
    recommendation: recommendation && {
      id: recommendation.id,
      level: recommendation.level,
      previousLevel: recommendation.previousLevel,
      runId: recommendation.evaluationRun.id,
      asOf: ymdOf(recommendation.evaluationRun.asOf),
    },
    legalBasis: found.legalBasis,
    legalBasisPlaceholders: legalBasisPlaceholders(found.legalBasis),
    receivingAuthority: found.receivingAuthority,
    terms: found.terms,
    startDate: ymdOrNull(found.startDate),
    reviewDate: ymdOrNull(found.reviewDate),
    endDate: ymdOrNull(found.endDate),
    liftOverrideReason: found.liftOverrideReason,
    proposedBy: found.proposedBy,
    createdAt: found.createdAt,
    approvals,
    approvalsNeeded: found.status === "PROPOSED" ? approvalsStillNeeded(approvals) : null,
    exitCriteria: found.exitCriteria.map((c) => ({
      id: c.id,
      ruleId: c.ruleId,
      comparator: c.comparator,
      threshold: Number(c.threshold),
      currentValue: decimalOrNull(c.currentValue),
      met: c.met,
      lastRunId: c.lastRunId,
      updatedAt: c.updatedAt,
    })),
    allCriteriaMet: found.exitCriteria.length > 0 && found.exitCriteria.every((c) => c.met === true),
    milestones: found.milestones.map((m) => ({
      id: m.id,
      version: m.version,
      title: m.title,
      dueOn: ymdOf(m.dueOn),
      completedOn: ymdOrNull(m.completedOn),
    })),
    amendments: found.amendments.map((a) => ({
      id: a.id,
      kind: a.kind,
      proposalRevision: a.proposalRevision,
      changes: a.changes as Record<string, { before: unknown; after: unknown }>,
      withdrawnApprovals: a.withdrawnApprovals as WithdrawnApproval[],
      reason: a.reason,
      changedAt: a.changedAt,
      changedBy: { id: a.changedById, name: a.changedBy.name },
    })),
    sourceLinks: found.sourceLinks.map((l) => ({ id: l.id, url: l.url, label: l.label, createdAt: l.createdAt })),
    statusHistory: found.statusHistory.map((h) => ({
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      reason: h.reason,
      changedAt: h.changedAt,
      changedBy: { id: h.changedById, name: h.changedBy.name },
    })),
  };
}

export const legalBasisTemplates = () => LEGAL_BASIS_TEMPLATES;
