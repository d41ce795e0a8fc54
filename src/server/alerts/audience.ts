import type { Prisma } from "../../generated/prisma/client";
import type { AlertTrigger, Role } from "../../generated/prisma/enums";
import { decidesLevel } from "../authz/permissions";
import { type Scope, departmentWhere } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import type { AlertEventRow, AlertItem } from "./events";
import { TRIGGER_SPECS, mayReceive } from "./triggers";

/** A recipient as they are now: scope is always rebuilt from the user's current role and state. */
export type Recipient = {
  userId: number;
  email: string;
  role: Role;
  stateCode: string | null;
  locale: string;
  timeZone: string;
};

export type Narrowing = { stateCodes: string[]; departmentIds: number[] };

export function scopeOf(recipient: Pick<Recipient, "userId" | "role" | "stateCode">): Scope {
  return { userId: recipient.userId, role: recipient.role, stateCode: recipient.stateCode };
}

/** The subscription's chosen states or departments (either matches); nothing chosen = whole scope. */
function narrowingWhere(narrowing: Narrowing): Prisma.DepartmentWhereInput {
  if (narrowing.stateCodes.length === 0 && narrowing.departmentIds.length === 0) return {};
  return { OR: [{ stateCode: { in: narrowing.stateCodes } }, { id: { in: narrowing.departmentIds } }] };
}

/**
 * Departments a recipient may hear about: their role's scope (never wider) intersected with what
 * the subscription chose. Memoised per run, since many events share recipients.
 */
export class Audience {
  private cache = new Map<string, Promise<Set<number>>>();

  constructor(private readonly db: DbOrTx) {}

  visibleDepartments(scope: Scope, narrowing: Narrowing): Promise<Set<number>> {
    const key = JSON.stringify([scope.role, scope.stateCode, narrowing.stateCodes, narrowing.departmentIds]);
    let found = this.cache.get(key);
    if (!found) {
      found = this.db.department
        .findMany({ where: { AND: [departmentWhere(scope), narrowingWhere(narrowing)] }, select: { id: true } })
        .then((rows) => new Set(rows.map((r) => r.id)));
      this.cache.set(key, found);
    }
    return found;
  }

  /**
   * The part of `events` this recipient may see for `trigger`: department items outside their
   * scope are dropped; events with nothing left are dropped; global events need only the permission.
   */
  async filter(recipient: Recipient, trigger: AlertTrigger, narrowing: Narrowing, events: AlertEventRow[]) {
    const scope = scopeOf(recipient);
    if (!mayReceive(scope, trigger)) return [];
    if (TRIGGER_SPECS[trigger].shape === "global") return events;
    const visible = await this.visibleDepartments(scope, narrowing);
    // "Pending your decision" lists only what the recipient may decide (an AG: REVIEW-level items).
    const decides = (item: AlertItem) =>
      trigger !== "RECOMMENDATION_AWAITING" || item.kind !== "recommendation" || decidesLevel(scope.role, item.level);
    const kept: AlertEventRow[] = [];
    for (const event of events) {
      const items = event.payload.items.filter((item: AlertItem) => visible.has(item.departmentId) && decides(item));
      if (items.length > 0) kept.push({ ...event, payload: { ...event.payload, items } });
    }
    return kept;
  }
}

export const RECIPIENT_SELECT = {
  id: true,
  email: true,
  role: true,
  stateCode: true,
  locale: true,
  timeZone: true,
} as const;

export function toRecipient(user: {
  id: number;
  email: string;
  role: Role;
  stateCode: string | null;
  locale: string;
  timeZone: string;
}): Recipient {
  return { userId: user.id, email: user.email, role: user.role, stateCode: user.stateCode, locale: user.locale, timeZone: user.timeZone };
}
