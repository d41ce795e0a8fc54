import { describe, expect, it } from "vitest";
import { HTTPS_CONFIG } from "./auth-support";
import { sessionIdFromHeaders } from "~/server/auth/request-scope";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, resolveSession } from "~/server/auth/sessions";
import { signIn } from "~/server/auth/sign-in";
import { setUserDisabled, setUserRole, unlockUser } from "~/server/users/update-user";
import { reauthenticate } from "~/server/auth/reauth";
import { totpCodeAt } from "~/server/auth/totp";
import { useTestDatabase } from "../support/database";
import { Clock, callNextAuth, createTestUser, credentialsAt, nextAuthOptions, signInThroughNextAuth, type TestUser } from "./auth-support";

const test = useTestDatabase();
const MINUTE = 60_000;
const origin = { ip: "192.0.2.10", userAgent: "vitest" };

async function openSession(user: TestUser, at: Date): Promise<string> {
  const result = await signIn(test.current.db, credentialsAt(user, at), origin, at);
  if (!result.ok) throw new Error("sign-in failed");
  return result.sessionId;
}
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

describe("session lifetime", () => {
  it("survives exactly 30 idle minutes, not one millisecond more, and stays ended", async () => {
    const { db } = test.current;
    const user = await createTestUser(db);
    const t = new Date("2026-04-01T08:00:00.000Z");
    const a = await openSession(user, t);
    expect(await resolveSession(db, a, plus(t, IDLE_TIMEOUT_MS))).toMatchObject({ userId: user.id, sessionId: a });

    const t2 = plus(t, 31_000);
    const b = await openSession(user, t2);
    expect(await resolveSession(db, b, plus(t2, IDLE_TIMEOUT_MS + 1))).toBeNull();
    const ended = await db.userSession.findUniqueOrThrow({ where: { id: b } });
    expect(ended.endedAt).toEqual(plus(t2, IDLE_TIMEOUT_MS + 1));
    // Ended is final: even a request "back in time" does not revive it.
    expect(await resolveSession(db, b, plus(t2, MINUTE))).toBeNull();
    const audits = await db.auditEvent.findMany({ where: { action: "auth.sessionEnded", sessionId: b } });
    expect(audits.map((e) => e.metadata)).toEqual([{ reason: "idle" }]);
  });

  it("records activity at most once a minute, and activity keeps the session alive", async () => {
    const { db } = test.current;
    const user = await createTestUser(db);
    const t = new Date("2026-04-02T08:00:00.000Z");
    const id = await openSession(user, t);
    await resolveSession(db, id, plus(t, 59_999));
    expect((await db.userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(t);
    await resolveSession(db, id, plus(t, MINUTE));
    expect((await db.userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(plus(t, MINUTE));
    // 29 minutes after that last recorded activity (50 after sign-in) it is still valid.
    expect(await resolveSession(db, id, plus(t, 30 * MINUTE + MINUTE - 1))).not.toBeNull();
  });

  it("ends 12 hours after sign-in however active the user is", async () => {
    const { db } = test.current;
    const user = await createTestUser(db);
    const t = new Date("2026-04-03T08:00:00.000Z");
    const id = await openSession(user, t);
    for (let at = 20 * MINUTE; at < ABSOLUTE_TIMEOUT_MS; at += 20 * MINUTE) {
      expect(await resolveSession(db, id, plus(t, at))).not.toBeNull();
    }
    expect(await resolveSession(db, id, plus(t, ABSOLUTE_TIMEOUT_MS))).not.toBeNull();
    expect(await resolveSession(db, id, plus(t, ABSOLUTE_TIMEOUT_MS + 1))).toBeNull();
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sessionEnded", sessionId: id } })).metadata).toEqual({
      reason: "absolute",
    });
  });
});

describe("revocation", () => {
  it("a role change ends every session of that user at once (sessionVersion)", async () => {
    const { db } = test.current;
    const admin = await createTestUser(db, "ADMIN");
    const user = await createTestUser(db, "IA_ANALYST");
    const t = new Date("2026-04-04T08:00:00.000Z");
    const s1 = await openSession(user, t);
    const s2 = await openSession(user, plus(t, 30_000));
    const adminSession = await openSession(admin, t);
    const adminScope = (await resolveSession(db, adminSession, t))!;
    await reauthenticate(
      db,
      adminScope,
      { password: admin.password, totp: totpCodeAt(admin.secret, plus(t, 30_000)) },
      origin,
      plus(t, 30_000),
    );
    const { version } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await setUserRole(db, adminScope, { id: user.id, version, role: "AUDITOR", stateCode: null }, plus(t, MINUTE));
    expect(await resolveSession(db, s1, plus(t, 2 * MINUTE))).toBeNull();
    expect(await resolveSession(db, s2, plus(t, 2 * MINUTE))).toBeNull();
    const ends = await db.auditEvent.findMany({ where: { action: "auth.sessionEnded", actorId: user.id } });
    expect(ends.map((e) => e.metadata)).toEqual([{ reason: "session-version" }, { reason: "session-version" }]);
    // A new sign-in gets the new role.
    const s3 = await openSession(user, plus(t, 3 * MINUTE));
    expect(await resolveSession(db, s3, plus(t, 3 * MINUTE))).toMatchObject({ role: "AUDITOR", stateCode: null });
  });

  it("disabling ends sessions and blocks sign-in; a lock-out ends sessions too", async () => {
    const { db } = test.current;
    const admin = await createTestUser(db, "ADMIN");
    const adminScope = { userId: admin.id, role: "ADMIN" as const, stateCode: null, sessionId: null };
    const user = await createTestUser(db);
    const t = new Date("2026-04-05T08:00:00.000Z");
    const s = await openSession(user, t);
    await setUserDisabled(db, adminScope, { id: user.id, version: 1, disabled: true });
    expect(await resolveSession(db, s, plus(t, MINUTE))).toBeNull();
    expect((await signIn(db, credentialsAt(user, plus(t, MINUTE)), origin, plus(t, MINUTE))).ok).toBe(false);
    await setUserDisabled(db, adminScope, { id: user.id, version: 2, disabled: false });
    expect((await signIn(db, credentialsAt(user, plus(t, 2 * MINUTE)), origin, plus(t, 2 * MINUTE))).ok).toBe(true);

    const other = await createTestUser(db);
    const live = await openSession(other, t);
    for (let i = 0; i < 5; i++)
      await signIn(db, { email: other.email, password: "mal mal mal mal", totp: "000000" }, origin, plus(t, (i + 1) * 1000));
    expect(await resolveSession(db, live, plus(t, 10_000))).toBeNull();
    const { version } = await db.user.findUniqueOrThrow({ where: { id: other.id } });
    await unlockUser(db, adminScope, { id: other.id, version }, plus(t, MINUTE));
    // Unlocked: the earlier 5 failures no longer count, so one more failure does not re-lock.
    await signIn(db, { email: other.email, password: "mal mal mal mal", totp: "000000" }, origin, plus(t, 2 * MINUTE));
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).lockedAt).toBeNull();
    expect((await signIn(db, credentialsAt(other, plus(t, 3 * MINUTE)), origin, plus(t, 3 * MINUTE))).ok).toBe(true);
  });
});

describe("the next-auth cookie", () => {
  it("carries the session id; sign-out ends the session row and clears the cookie", async () => {
    const { db } = test.current;
    const user = await createTestUser(db);
    const clock = new Clock(new Date("2026-04-06T08:00:00.000Z"));
    const options = nextAuthOptions(db, clock);
    const { res, jar } = await signInThroughNextAuth(options, credentialsAt(user, clock.now));
    expect(res.status).toBe(200);
    const headers = new Headers({ cookie: jar.header() });
    const sid = await sessionIdFromHeaders(headers, HTTPS_CONFIG);
    expect(sid).toMatch(/^[0-9a-f]{64}$/);
    expect(await resolveSession(db, sid!, clock.now)).toMatchObject({ userId: user.id, role: "IA_ANALYST" });

    // Tampered, foreign-secret or absent cookies give no session.
    const name = "__Host-vigila.session";
    const token = jar.cookies.get(name)!;
    const tampered = `${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    expect(await sessionIdFromHeaders(new Headers({ cookie: `${name}=${tampered}` }), HTTPS_CONFIG)).toBeNull();
    expect(await sessionIdFromHeaders(headers, { ...HTTPS_CONFIG, secret: "o".repeat(48) })).toBeNull();
    expect(await sessionIdFromHeaders(new Headers(), HTTPS_CONFIG)).toBeNull();
    expect(await sessionIdFromHeaders(new Headers({ authorization: `Bearer ${token}` }), HTTPS_CONFIG)).toBeNull();

    const csrf = await callNextAuth(options, jar, { method: "GET", action: "csrf" });
    const out = await callNextAuth(options, jar, {
      method: "POST",
      action: "signout",
      body: { csrfToken: (csrf.body as { csrfToken: string }).csrfToken, json: "true" },
    });
    expect(out.status).toBe(200);
    expect(jar.cookies.has(name)).toBe(false);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sid! } })).endedAt).not.toBeNull();
    expect(await resolveSession(db, sid!, clock.now)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.signOut", sessionId: sid! } })).toBe(1);
  });
});
