import type { DepartmentKind } from "../../generated/prisma/enums";
import { recordAudit } from "../audit/record";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { actorFromScope, type WorkflowScope, requirePermission, requireText } from "../workflow/context";
import { calendarDate, findVisibleDepartment } from "../workflow/records";
import { DEFAULT_EXIT_CRITERIA, type ExitCriterionInput, validateExitCriteria } from "./exit-criteria";
import { LEGAL_BASIS_TEMPLATES } from "./legal-basis";
import { applyRunToExitCriteria } from "./update-exit-criteria";

export type ProposalTerms = {
  receivingAuthority: string;
  terms: string;
  /** Defaults to the template that fits the department's kind. */
  legalBasis?: string;
  /** Planned start, YYYY-MM-DD; when absent the imposition date is used. */
  startDate?: string | null;
  /** When the case is next reviewed (and, once imposed, ends unless extended), YYYY-MM-DD. */
  reviewDate?: string | null;
  /** Defaults to DEFAULT_EXIT_CRITERIA (accepting a recommendation derives them from the rules that fired). */
  exitCriteria?: ExitCriterionInput[];
};

export type ProposeReceivershipInput = ProposalTerms & { departmentCode: string };

type ProposalDepartment = { id: number; code: string; stateCode: string; kind: DepartmentKind };

export const MIN_LEGAL_BASIS = 20;
export const MIN_TERMS = 10;
export const MIN_AUTHORITY = 3;

export function defaultLegalBasis(kind: DepartmentKind): string {
  const id = kind === "MUNICIPAL" ? "municipal-force-majeure" : "vetting-certification";
  return LEGAL_BASIS_TEMPLATES.find((t) => t.id === id)!.text;
}

/** Opens a receivership proposal for a department the caller may see. */
export async function proposeReceivership(db: Db, scope: WorkflowScope, input: ProposeReceivershipInput) {
  requirePermission(scope, "receivership.propose");
  return db.$transaction(async (tx) => {
    const department = await findVisibleDepartment(tx, scope, input.departmentCode);
    return createProposalInTx(tx, scope, department, input, null);
  });
}

/** Shared by a direct proposal and by accepting a RECEIVERSHIP-level recommendation. */
export async function createProposalInTx(
  tx: Tx,
  scope: WorkflowScope,
  department: ProposalDepartment,
  input: ProposalTerms,
  recommendationId: number | null,
  derivedCriteria: readonly ExitCriterionInput[] = [],
) {
  const terms = normaliseTerms(department.kind, input);
  const criteria = input.exitCriteria ?? (derivedCriteria.length > 0 ? [...derivedCriteria] : [...DEFAULT_EXIT_CRITERIA]);
  await validateExitCriteria(tx, criteria);
  // Row lock: two proposals racing for the same department cannot both pass the check below.
  await tx.$executeRaw`select 1 from "Department" where id = ${department.id} for update`;
  const active = await tx.receivershipCase.findFirst({
    where: { departmentId: department.id, status: { in: ["PROPOSED", "IMPOSED"] } },
    select: { id: true, status: true },
  });
  if (active) {
    throw new AppError("CONFLICT", `Department ${department.code} already has a ${active.status} receivership (#${active.id})`, {
      caseId: active.id,
    });
  }
  const created = await tx.receivershipCase.create({
    data: {
      departmentId: department.id,
      recommendationId,
      proposedById: scope.userId,
      ...terms,
      exitCriteria: { create: criteria.map((c) => ({ ruleId: c.ruleId, comparator: c.comparator, threshold: c.threshold })) },
      statusHistory: { create: { toStatus: "PROPOSED", changedById: scope.userId, reason: "Propuesta" } },
    },
  });
  await recordAudit(tx, {
    actor: actorFromScope(scope),
    action: "receivership.propose",
    targetType: "ReceivershipCase",
    targetId: created.id,
    stateCode: department.stateCode,
    changes: {
      status: { before: null, after: "PROPOSED" },
      receivingAuthority: { before: null, after: terms.receivingAuthority },
      startDate: { before: null, after: terms.startDate?.toISOString().slice(0, 10) ?? null },
      reviewDate: { before: null, after: terms.reviewDate?.toISOString().slice(0, 10) ?? null },
      exitCriteria: { before: null, after: criteria },
    },
    metadata: { departmentCode: department.code, recommendationId },
  });
  await refreshCriteriaFromLatestRun(tx, department.id, created.id);
  return { id: created.id, version: created.version, status: created.status };
}

export function normaliseTerms(kind: DepartmentKind, input: Omit<ProposalTerms, "exitCriteria">) {
  const startDate = input.startDate ? calendarDate(input.startDate, "Start date") : null;
  const reviewDate = input.reviewDate ? calendarDate(input.reviewDate, "Review date") : null;
  if (startDate && reviewDate && reviewDate <= startDate) {
    throw new AppError("BAD_REQUEST", "The review date must be after the start date", { field: "reviewDate" });
  }
  return {
    legalBasis: requireText(input.legalBasis ?? defaultLegalBasis(kind), "Legal basis", MIN_LEGAL_BASIS),
    receivingAuthority: requireText(input.receivingAuthority, "Receiving authority", MIN_AUTHORITY),
    terms: requireText(input.terms, "Terms", MIN_TERMS),
    startDate,
    reviewDate,
  };
}

/** New criteria start from the department's latest published, non-backtest evaluation. */
export async function refreshCriteriaFromLatestRun(tx: Tx, departmentId: number, caseId: number) {
  const run = await tx.evaluationRun.findFirst({
    where: {
      status: "SUCCEEDED",
      trigger: { not: "BACKTEST" },
      ruleSetVersion: { status: "PUBLISHED" },
      results: { some: { departmentId } },
    },
    orderBy: [{ asOf: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (run) await applyRunToExitCriteria(tx, run.id, caseId);
}
