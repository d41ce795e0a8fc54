import { recordAudit } from "../audit/record";
import type { Scope } from "../authz/scope";
import type { Db, DbOrTx } from "../db/client";
import { AppError } from "../errors";
import type { RequestOrigin } from "../audit/actor";
import { checkCredentials } from "./credentials";

/**
 * Step-up authentication for the most consequential actions (imposing receivership, changing a
 * role): the user types password and code again, and for 5 minutes the session counts as freshly
 * authenticated. Failures count toward the same lock-out as sign-in.
 */
export const REAUTH_WINDOW_MS = 5 * 60_000;

export const reauthRequired = () =>
  new AppError("PRECONDITION_FAILED", "Confirm your password and code first (re-authentication required)", { reauthRequired: true });

export async function reauthenticate(
  db: Db,
  scope: Scope,
  input: { password: string; totp: string },
  origin: RequestOrigin,
  now: Date = new Date(),
): Promise<{ reauthAt: Date }> {
  const sessionId = scope.sessionId;
  if (!sessionId) throw new AppError("UNAUTHORIZED", "Sign in first");
  const user = await db.user.findUnique({ where: { id: scope.userId }, select: { email: true } });
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in first");
  const result = await checkCredentials(
    db,
    { email: user.email, ...input },
    origin,
    now,
    "auth.reauthenticate",
    async (tx, verified, actor) => {
      const updated = await tx.userSession.updateMany({
        where: { id: sessionId, userId: verified.id, endedAt: null },
        data: { reauthAt: now },
      });
      if (updated.count === 0) return false;
      await recordAudit(tx, {
        actor: { ...actor, sessionId },
        action: "auth.reauthenticate",
        targetType: "UserSession",
        targetId: sessionId,
      });
      return true;
    },
  );
  if (!result.ok) throw new AppError("FORBIDDEN", "The password or the code is not correct");
  if (!result.value) throw new AppError("UNAUTHORIZED", "Your session has ended; sign in again");
  return { reauthAt: now };
}

/**
 * Throws unless the caller's session re-authenticated within the last 5 minutes. Services call it
 * before the change they guard (e.g. imposing receivership): `await requireRecentReauth(db, scope)`.
 */
export async function requireRecentReauth(db: DbOrTx, scope: Scope, now: Date = new Date()): Promise<void> {
  if (!scope.sessionId) throw reauthRequired();
  const session = await db.userSession.findFirst({
    where: { id: scope.sessionId, userId: scope.userId, endedAt: null },
    select: { reauthAt: true },
  });
  const at = session?.reauthAt?.getTime();
  if (at === undefined || now.getTime() - at > REAUTH_WINDOW_MS) throw reauthRequired();
}
