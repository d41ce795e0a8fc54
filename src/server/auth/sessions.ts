import { randomBytes } from "node:crypto";
import { type AuditActor, recordAudit } from "../audit/record";
import type { Scope } from "../authz/scope";
import type { Role } from "../../generated/prisma/enums";
import { type Db, type Tx, queryPrepared } from "../db/client";
import { Prisma } from "../../generated/prisma/client";
import type { RequestOrigin } from "../audit/actor";
import type { VerifiedUser } from "./credentials";

/**
 * Server-side sessions (ASVS 5.0 V7, CJIS 5.5.5): the next-auth cookie only carries a random
 * session id; this table decides whether it is still good. A session ends on logout, after 30
 * minutes without requests, 12 hours after sign-in, or as soon as the user's `sessionVersion`
 * moves (role change, disable) or the account is disabled or locked.
 */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
// `lastSeenAt` is written at most this often, so browsing does not turn every request into a write.
export const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

export type SessionEndReason = "logout" | "idle" | "absolute" | "session-version" | "disabled" | "locked";

export function newSessionId(): string {
  return randomBytes(32).toString("hex"); // 256 bits
}

export async function createSession(tx: Tx, user: VerifiedUser, origin: RequestOrigin, now: Date): Promise<string> {
  const id = newSessionId();
  await tx.userSession.create({
    data: {
      id,
      userId: user.id,
      sessionVersion: user.sessionVersion,
      createdAt: now,
      lastSeenAt: now,
      ip: origin.ip,
      userAgent: origin.userAgent,
    },
  });
  return id;
}

type SessionRow = {
  userId: number;
  sessionVersion: number;
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  user: { role: Role; stateCode: string | null; disabled: boolean; locked: boolean; sessionVersion: number; email: string };
};

/** The scope of a live session, or null (and the session is ended, once) when it is no longer valid. */
export async function resolveSession(db: Db, sessionId: string, now: Date = new Date()): Promise<Scope | null> {
  // Every request starts here: one prepared statement (the ORM's include would be two round trips).
  const [session] = await queryPrepared<SessionRow>(
    db,
    Prisma.sql`
    select s."userId", s."sessionVersion", s."createdAt", s."lastSeenAt", s."endedAt",
           json_build_object('role', u.role, 'stateCode', u."stateCode", 'disabled', u.disabled, 'locked', u."lockedAt" is not null,
                             'sessionVersion', u."sessionVersion", 'email', u.email) as user
    from "UserSession" s join "User" u on u.id = s."userId"
    where s.id = ${sessionId}`,
  );
  if (!session || session.endedAt) return null;
  const { user } = session;
  const reason: SessionEndReason | null =
    now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS
      ? "idle"
      : now.getTime() - session.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS
        ? "absolute"
        : user.sessionVersion !== session.sessionVersion
          ? "session-version"
          : user.disabled
            ? "disabled"
            : user.locked
              ? "locked"
              : null;
  const actor: AuditActor = { userId: session.userId, email: user.email, role: user.role, sessionId };
  if (reason) {
    await endSession(db, sessionId, reason, actor, now);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_WRITE_INTERVAL_MS) {
    await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: now } });
  }
  return { userId: session.userId, role: user.role, stateCode: user.stateCode, sessionId };
}

/** Ends a session once (later calls change nothing) and audits why. */
export async function endSession(db: Db, sessionId: string, reason: SessionEndReason, actor: AuditActor, now: Date = new Date()) {
  await db.$transaction(async (tx) => {
    const ended = await tx.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
    if (ended.count === 0) return;
    await recordAudit(tx, {
      actor: { ...actor, sessionId },
      action: reason === "logout" ? "auth.signOut" : "auth.sessionEnded",
      targetType: "UserSession",
      targetId: sessionId,
      metadata: { reason },
    });
  });
}

/** Ends the session a sign-out names (its id comes from the next-auth JWT). */
export async function logout(db: Db, sessionId: string, now: Date = new Date()) {
  const session = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, user: { select: { email: true, role: true } } },
  });
  if (!session) return;
  await endSession(db, sessionId, "logout", { userId: session.userId, email: session.user.email, role: session.user.role }, now);
}
