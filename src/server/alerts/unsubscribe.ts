import type { AlertTrigger } from "../../generated/prisma/enums";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

/**
 * One-click unsubscribe (RFC 8058): turns off the subscriptions the email was sent for. The signed
 * token is the authorisation; applying it twice changes nothing the second time.
 */
export async function unsubscribeWithToken(
  db: Db,
  token: string,
  meta: { ip?: string | null; userAgent?: string | null } = {},
  now = new Date(),
) {
  const claim = verifyUnsubscribeToken(token, now);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: claim.userId }, select: { id: true, email: true, role: true, stateCode: true } });
    if (!user) return { turnedOff: [] as AlertTrigger[] };
    const active = await tx.alertSubscription.findMany({
      where: { userId: user.id, trigger: { in: claim.triggers }, enabled: true },
      select: { trigger: true },
    });
    if (active.length === 0) return { turnedOff: [] as AlertTrigger[] };
    await tx.alertSubscription.updateMany({
      where: { userId: user.id, trigger: { in: active.map((a) => a.trigger) }, enabled: true },
      data: { enabled: false, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor: { userId: user.id, email: user.email, role: user.role, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null },
      action: "alerts.unsubscribe",
      targetType: "User",
      targetId: user.id,
      stateCode: user.stateCode,
      changes: Object.fromEntries(active.map((a) => [a.trigger, { before: { enabled: true }, after: { enabled: false } }])),
      metadata: { via: "email link" },
    });
    return { turnedOff: active.map((a) => a.trigger) };
  });
}
