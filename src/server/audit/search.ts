import type { AuditEvent, Prisma } from "../../generated/prisma/client";
import { type Scope, auditEventWhere } from "../authz/scope";
import type { Db } from "../db/client";
import { type RequestOrigin, auditActor } from "./actor";
import { auditDayRange } from "./day-range";
import type { AuditFilterInput, ListAuditInput } from "./list-input";
import { recordAudit } from "./record";

export type AuditFilters = AuditFilterInput;

/**
 * The caller's scope and every filter, as one Prisma `where`. `actor` is a user id (digits) or part
 * of an email; `action` matches a whole action or a prefix (`auth.`); `from`/`to` are Mexico City
 * calendar days, inclusive.
 */
export function auditEventFilter(scope: Scope, filters: AuditFilters): Prisma.AuditEventWhereInput {
  const { actor, action, targetType, targetId, stateCode, outcome } = filters;
  const occurredAt = auditDayRange(filters.from, filters.to);
  return {
    AND: [
      auditEventWhere(scope),
      actor ? (/^\d{1,9}$/.test(actor) ? { actorId: Number(actor) } : { actorEmail: { contains: actor, mode: "insensitive" } }) : {},
      action ? { action: { startsWith: action } } : {},
      targetType ? { targetType } : {},
      targetId ? { targetId } : {},
      stateCode ? { stateCode } : {},
      outcome ? { outcome } : {},
      occurredAt.gte || occurredAt.lt ? { occurredAt } : {},
    ],
  };
}

/** The filters that were actually set, for the audit event that records the search itself. */
export function filtersUsed(filters: AuditFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}

export type AuditEventView = Omit<AuditEvent, "id"> & { id: string };

export const auditEventView = (row: AuditEvent): AuditEventView => ({ ...row, id: row.id.toString() });

/**
 * One page of the audit trail, newest first. Reading the trail is itself audited, in the same
 * transaction as the read (so a page is never shown without its record).
 */
export async function listAuditEvents(db: Db, scope: Scope, input: ListAuditInput, origin?: RequestOrigin) {
  const { page, pageSize, ...filters } = input;
  const where = auditEventFilter(scope, filters);
  return db.$transaction(async (tx) => {
    const total = await tx.auditEvent.count({ where });
    const rows = await tx.auditEvent.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * pageSize, take: pageSize });
    await recordAudit(tx, {
      actor: auditActor(scope, origin),
      action: "audit.list",
      targetType: "AuditEvent",
      metadata: { filters: filtersUsed(filters), page, pageSize, total, shown: rows.length },
    });
    return { total, page, pageSize, rows: rows.map(auditEventView) };
  });
}
