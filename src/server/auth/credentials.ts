import type { Role } from "../../generated/prisma/enums";
import type { RequestOrigin } from "../audit/actor";
import { type AuditActor, recordAudit } from "../audit/record";
import type { Db, Tx } from "../db/client";
import { normaliseEmail } from "../users/rules";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { decryptTotpSecret, matchTotpStep } from "./totp";

/**
 * Password + TOTP checking shared by sign-in and re-authentication, with the two brakes on
 * guessing (ASVS 5.0 V6.3, CJIS 5.6.2.1): 5 failures for one account within 15 minutes lock it until
 * an ADMIN unlocks it, and an address with 20 failures within 15 minutes is refused outright, so one
 * machine cannot lock out more than a handful of accounts. Counters live in PostgreSQL
 * (`LoginAttempt`) so they hold across app instances; the user row is locked while counting.
 */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const IP_FAILURE_LIMIT = 20;
export const IP_THROTTLE_WINDOW_MS = 15 * 60_000;
// Longer input is refused unread: nobody's password or email is that long, and argon2 work stays bounded.
const MAX_FIELD_LENGTH = 1024;

export type Credentials = { email: string; password: string; totp: string };
export type AuthAction = "auth.signIn" | "auth.reauthenticate";

export type VerifiedUser = {
  id: number;
  email: string;
  role: Role;
  stateCode: string | null;
  sessionVersion: number;
};

type LockedRow = {
  lastTotpStep: bigint | null;
  lockedAt: Date | null;
  disabled: boolean;
  loginFailuresClearedAt: Date | null;
  sessionVersion: number;
};

type Failure = "ip-throttled" | "malformed" | "unknown-email" | "bad-password" | "bad-totp" | "totp-reused" | "locked" | "disabled";

const UNKNOWN_IP = "unknown";

export async function isIpThrottled(db: Db | Tx, ip: string | null, now: Date): Promise<boolean> {
  const failures = await db.loginAttempt.count({
    where: { ip: ip ?? UNKNOWN_IP, success: false, at: { gte: new Date(now.getTime() - IP_THROTTLE_WINDOW_MS) } },
  });
  return failures >= IP_FAILURE_LIMIT;
}

/**
 * Verifies the credentials; on success runs `onSuccess` inside the transaction that consumes the
 * TOTP step, so a code can never be used twice even by two concurrent requests. Every outcome is
 * audited; the caller only learns success or failure, never why.
 */
export async function checkCredentials<T>(
  db: Db,
  credentials: Credentials,
  origin: RequestOrigin,
  now: Date,
  action: AuthAction,
  onSuccess: (tx: Tx, user: VerifiedUser, actor: AuditActor) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false }> {
  const email = normaliseEmail(credentials.email.slice(0, MAX_FIELD_LENGTH));
  const baseActor: AuditActor = { userId: null, email, ip: origin.ip, userAgent: origin.userAgent };

  if (await isIpThrottled(db, origin.ip, now)) {
    // Not recorded as an attempt: a throttled address must not push accounts toward lock-out.
    await db.$transaction((tx) => recordAudit(tx, { actor: baseActor, action, outcome: "DENIED", metadata: { reason: "ip-throttled" } }));
    return { ok: false };
  }

  const malformed = credentials.password.length > MAX_FIELD_LENGTH || credentials.email.length > MAX_FIELD_LENGTH;
  const user = malformed ? null : await db.user.findUnique({ where: { email } });
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, credentials.password)
    : await verifyAgainstDummy(credentials.password.slice(0, MAX_FIELD_LENGTH));
  const step = user && passwordOk ? matchTotpStep(decryptTotpSecret(user.totpSecret), credentials.totp.trim(), now) : null;

  return db.$transaction(async (tx) => {
    const actor: AuditActor = user ? { ...baseActor, userId: user.id, role: user.role } : baseActor;
    const row = user ? await lockUserRow(tx, user.id) : null;
    let failure: Failure | null = null;
    if (malformed) failure = "malformed";
    else if (!user || !row) failure = "unknown-email";
    else if (row.disabled) failure = "disabled";
    else if (row.lockedAt) failure = "locked";
    else if (!passwordOk) failure = "bad-password";
    else if (step === null) failure = "bad-totp";
    else if (row.lastTotpStep !== null && BigInt(step) <= row.lastTotpStep) failure = "totp-reused";

    await tx.loginAttempt.create({ data: { email, ip: origin.ip ?? UNKNOWN_IP, success: failure === null, at: now } });
    if (failure === null && user && row && step !== null) {
      await tx.user.update({ where: { id: user.id }, data: { lastTotpStep: BigInt(step) } });
      const verified: VerifiedUser = { id: user.id, email, role: user.role, stateCode: user.stateCode, sessionVersion: row.sessionVersion };
      return { ok: true as const, value: await onSuccess(tx, verified, actor) };
    }
    await recordAudit(tx, {
      actor,
      action,
      outcome: "DENIED",
      targetType: user ? "User" : undefined,
      targetId: user?.id,
      metadata: { reason: failure },
    });
    if (user && row && !row.lockedAt && !row.disabled) await lockIfTooManyFailures(tx, user.id, email, row, actor, now);
    return { ok: false as const };
  });
}

async function lockUserRow(tx: Tx, userId: number): Promise<LockedRow | null> {
  const rows = await tx.$queryRaw<LockedRow[]>`
    select "lastTotpStep", "lockedAt", "disabled", "loginFailuresClearedAt", "sessionVersion"
    from "User" where id = ${userId} for update`;
  return rows[0] ?? null;
}

/** Failures count from the later of: 15 minutes ago, the last successful sign-in, the last unlock. */
async function lockIfTooManyFailures(tx: Tx, userId: number, email: string, row: LockedRow, actor: AuditActor, now: Date) {
  const lastSuccess = await tx.loginAttempt.findFirst({ where: { email, success: true }, orderBy: { at: "desc" }, select: { at: true } });
  const resetAt = Math.max(lastSuccess?.at.getTime() ?? 0, row.loginFailuresClearedAt?.getTime() ?? 0);
  const failures = await tx.loginAttempt.count({
    where: {
      email,
      success: false,
      AND: [{ at: { gte: new Date(now.getTime() - LOCKOUT_WINDOW_MS) } }, { at: { gt: new Date(resetAt) } }],
    },
  });
  if (failures < LOCKOUT_FAILURES) return;
  await tx.user.update({ where: { id: userId }, data: { lockedAt: now } });
  await recordAudit(tx, {
    actor,
    action: "auth.lockout",
    outcome: "DENIED",
    targetType: "User",
    targetId: userId,
    metadata: { failures, windowMinutes: LOCKOUT_WINDOW_MS / 60_000 },
  });
}
