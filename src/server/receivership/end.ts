import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { actorFromScope, type WorkflowScope, requirePermission, requireText } from "../workflow/context";
import { calendarDate, findVisibleCase, todayInMexico } from "../workflow/records";
import { describeCriterion } from "./exit-criteria";
import { transitionCase } from "./state-machine";

export const MIN_OVERRIDE_REASON = 30;
export const MIN_WITHDRAW_REASON = 10;

export type LiftInput = {
  id: number;
  version: number;
  /** Last day of the receivership, YYYY-MM-DD; defaults to today in Mexico City. */
  endDate?: string;
  /** Required when any exit criterion is unmet: why the supervisor lifts anyway. */
  overrideReason?: string;
  note?: string;
};

/**
 * Ends an imposed receivership. Every exit criterion must be met by the latest evaluation; otherwise
 * an IA supervisor may lift it only with a documented override. A case without criteria has nothing
 * that shows the department recovered, so it too needs the override.
 */
export async function liftReceivership(db: Db, scope: WorkflowScope, input: LiftInput) {
  requirePermission(scope, "receivership.lift");
  return db.$transaction(async (tx) => {
    const current = await findVisibleCase(tx, scope, input.id);
    if (current.status !== "IMPOSED") {
      throw new AppError("CONFLICT", `Only an imposed receivership can be lifted; this one is ${current.status}`);
    }
    const unmet = current.exitCriteria.filter((c) => c.met !== true);
    const needsOverride = unmet.length > 0 || current.exitCriteria.length === 0;
    if (needsOverride && !input.overrideReason) {
      const detail = unmet.length > 0 ? `unmet: ${unmet.map(describeCriterion).join(", ")}` : "no exit criteria are defined";
      throw new AppError("PRECONDITION_FAILED", `The exit criteria are not all met (${detail}); lifting needs a documented override`, {
        unmet: unmet.map((c) => c.id),
      });
    }
    const overrideReason = needsOverride ? requireText(input.overrideReason, "Override reason", MIN_OVERRIDE_REASON) : null;
    const endDate = input.endDate ? calendarDate(input.endDate, "End date") : todayInMexico();
    if (current.startDate && endDate < current.startDate) {
      throw new AppError("BAD_REQUEST", "The end date cannot be before the receivership's start date", { field: "endDate" });
    }
    const reason = overrideReason
      ? `Levantada por excepción: ${overrideReason}`
      : input.note?.trim() || "Levantada: todos los criterios de salida se cumplen";
    const version = await transitionCase(tx, scope, {
      caseId: current.id,
      from: "IMPOSED",
      to: "LIFTED",
      expectedVersion: input.version,
      reason,
      data: { endDate, liftOverrideReason: overrideReason },
    });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: overrideReason ? "receivership.liftOverride" : "receivership.lift",
      targetType: "ReceivershipCase",
      targetId: current.id,
      stateCode: current.department.stateCode,
      changes: {
        status: { before: "IMPOSED", after: "LIFTED" },
        endDate: { before: null, after: endDate.toISOString().slice(0, 10) },
        ...(overrideReason ? { liftOverrideReason: { before: null, after: overrideReason } } : {}),
      },
      metadata: { unmetCriteria: unmet.map(describeCriterion) },
    });
    return { id: current.id, version, status: "LIFTED" as const, overridden: overrideReason !== null };
  });
}

/** Drops a proposal that will not go ahead. The proposer or an IA supervisor may do it. */
export async function withdrawReceivership(db: Db, scope: WorkflowScope, input: { id: number; version: number; reason: string }) {
  requirePermission(scope, "receivership.propose");
  return db.$transaction(async (tx) => {
    const current = await findVisibleCase(tx, scope, input.id);
    if (scope.role !== "IA_SUPERVISOR" && current.proposedById !== scope.userId) {
      throw new AppError("FORBIDDEN", "Only whoever proposed this receivership or an IA supervisor may withdraw it");
    }
    const reason = requireText(input.reason, "Reason", MIN_WITHDRAW_REASON);
    const version = await transitionCase(tx, scope, {
      caseId: current.id,
      from: current.status,
      to: "WITHDRAWN",
      expectedVersion: input.version,
      reason,
    });
    await recordAudit(tx, {
      actor: actorFromScope(scope),
      action: "receivership.withdraw",
      targetType: "ReceivershipCase",
      targetId: current.id,
      stateCode: current.department.stateCode,
      changes: { status: { before: current.status, after: "WITHDRAWN" } },
      metadata: { reason },
    });
    return { id: current.id, version, status: "WITHDRAWN" as const };
  });
}
