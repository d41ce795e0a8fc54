import type { Scope } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { AppError } from "../errors";

/** How long a password + code re-authentication authorises a sensitive act. */
export const REAUTH_WINDOW_MS = 5 * 60 * 1000;

/**
 * The single point where receivership approvals demand a recent re-authentication (ASVS: re-auth before
 * high-value transactions). It reads the caller's session row, which the sign-in module stamps with
 * `reauthAt` when the user re-enters password and TOTP code; a caller without a live session (a job, a
 * script) cannot approve.
 */
export async function ensureRecentReauth(db: DbOrTx, scope: Scope, now: Date = new Date()): Promise<void> {
  const session = scope.sessionId
    ? await db.userSession.findFirst({
        where: { id: scope.sessionId, userId: scope.userId, endedAt: null },
        select: { reauthAt: true },
      })
    : null;
  if (!session?.reauthAt || now.getTime() - session.reauthAt.getTime() > REAUTH_WINDOW_MS) {
    throw new AppError("PRECONDITION_FAILED", "Confirm your password and authentication code again before approving a receivership", {
      reauthRequired: true,
    });
  }
}
