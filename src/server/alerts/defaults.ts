import type { AlertFrequency, AlertTrigger, Role } from "../../generated/prisma/enums";
import type { DbOrTx } from "../db/client";
import { ROLE_DEFAULTS } from "./triggers";

/** Delivery hour (user's local time) of digests until the user picks another. */
export const DEFAULT_DELIVERY_HOUR = 7;

export function defaultSubscriptions(userId: number, role: Role) {
  return (Object.entries(ROLE_DEFAULTS[role]) as [AlertTrigger, AlertFrequency][]).map(([trigger, frequency]) => ({
    userId,
    trigger,
    frequency,
    stateCodes: [],
    departmentIds: [],
    deliveryHour: DEFAULT_DELIVERY_HOUR,
  }));
}

/**
 * Gives users who never had subscriptions their role's defaults. A user who turned alerts off keeps
 * their (disabled) rows, so this never switches anything back on.
 */
export async function ensureDefaultSubscriptions(db: DbOrTx, userIds?: number[]): Promise<number> {
  const users = await db.user.findMany({
    where: { disabled: false, subscriptions: { none: {} }, ...(userIds ? { id: { in: userIds } } : {}) },
    select: { id: true, role: true },
    // One order for every caller, so two transactions adding the same user's rows never deadlock.
    orderBy: { id: "asc" },
  });
  const data = users.flatMap((u) => defaultSubscriptions(u.id, u.role));
  if (data.length === 0) return 0;
  const created = await db.alertSubscription.createMany({ data, skipDuplicates: true });
  return created.count;
}
