import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import type { RequestOrigin } from "../audit/actor";
import { type Credentials, checkCredentials } from "./credentials";
import { createSession } from "./sessions";

export type SignInResult = { ok: true; userId: number; sessionId: string } | { ok: false };

/**
 * Email + password + TOTP code → a new server-side session. Unknown email, wrong password, wrong
 * or reused code, locked, disabled or throttled: all give the same `{ ok: false }`.
 */
export async function signIn(db: Db, credentials: Credentials, origin: RequestOrigin, now: Date = new Date()): Promise<SignInResult> {
  const result = await checkCredentials(db, credentials, origin, now, "auth.signIn", async (tx, user, actor) => {
    const sessionId = await createSession(tx, user, origin, now);
    await recordAudit(tx, {
      actor: { ...actor, sessionId },
      action: "auth.signIn",
      targetType: "User",
      targetId: user.id,
      stateCode: user.stateCode,
    });
    return { userId: user.id, sessionId };
  });
  return result.ok ? { ok: true, ...result.value } : { ok: false };
}
