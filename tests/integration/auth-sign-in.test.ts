import { describe, expect, it } from "vitest";
import { IP_FAILURE_LIMIT, LOCKOUT_WINDOW_MS } from "~/server/auth/credentials";
import { signIn } from "~/server/auth/sign-in";
import { totpCodeAt } from "~/server/auth/totp";
import { useTestDatabase } from "../support/database";
import { Clock, createTestUser, credentialsAt, nextAuthOptions, signInThroughNextAuth, TEST_PASSWORD } from "./auth-support";

const test = useTestDatabase();
const MINUTE = 60_000;
const origin = (ip: string) => ({ ip, userAgent: "vitest" });
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

describe("signIn", () => {
  it("opens a server-side session and audits it", async () => {
    const { db } = test.current;
    const user = await createTestUser(db);
    const now = new Date("2026-03-01T15:00:00.000Z");
    const ip = freshIp();
    const result = await signIn(db, credentialsAt(user, now), origin(ip), now);
    if (!result.ok) throw new Error("expected success");
    expect(result.sessionId).toMatch(/^[0-9a-f]{64}$/);
    const session = await db.userSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({
      userId: user.id,
      sessionVersion: 1,
      createdAt: now,
      lastSeenAt: now,
      endedAt: null,
      ip,
      userAgent: "vitest",
    });
    expect(await db.loginAttempt.findMany({ where: { email: user.email }, select: { success: true, ip: true } })).toEqual([
      { success: true, ip },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.signIn", actorId: user.id } });
    expect(audit).toMatchObject({ outcome: "ALLOWED", sessionId: result.sessionId, ip, actorEmail: user.email });
  });

  it("accepts a TOTP code once, one step early or late, but not two", async () => {
    const { db } = test.current;
    const user = await createTestUser(db);
    const ip = freshIp();
    const t0 = new Date("2026-03-02T10:00:05.000Z");
    const code = totpCodeAt(user.secret, t0);
    const creds = { email: user.email, password: TEST_PASSWORD };
    expect((await signIn(db, { ...creds, totp: code }, origin(ip), t0)).ok).toBe(true);
    // Same code again, even within its own 30 s: refused.
    expect((await signIn(db, { ...creds, totp: code }, origin(ip), new Date(t0.getTime() + 1000))).ok).toBe(false);
    // The code of the previous step (clock behind by one step) is accepted at t0 + 60 s ...
    const t2 = new Date(t0.getTime() + 60_000);
    expect((await signIn(db, { ...creds, totp: totpCodeAt(user.secret, new Date(t0.getTime() + 30_000)) }, origin(ip), t2)).ok).toBe(true);
    // ... a code two steps old is not, nor one two steps ahead.
    const t4 = new Date(t0.getTime() + 120_000);
    expect((await signIn(db, { ...creds, totp: totpCodeAt(user.secret, new Date(t4.getTime() - 60_000)) }, origin(ip), t4)).ok).toBe(false);
    expect((await signIn(db, { ...creds, totp: totpCodeAt(user.secret, new Date(t4.getTime() + 60_000)) }, origin(ip), t4)).ok).toBe(false);
    // One step ahead (phone clock fast) is fine.
    expect((await signIn(db, { ...creds, totp: totpCodeAt(user.secret, new Date(t4.getTime() + 30_000)) }, origin(ip), t4)).ok).toBe(true);
    const reasons = await db.auditEvent.findMany({
      where: { action: "auth.signIn", actorId: user.id, outcome: "DENIED" },
      orderBy: { id: "asc" },
    });
    expect(reasons.map((r) => (r.metadata as { reason: string }).reason)).toEqual(["totp-reused", "bad-totp", "bad-totp"]);
  });

  it("refuses a wrong password, a wrong code and malformed input without saying which", async () => {
    const { db } = test.current;
    const user = await createTestUser(db);
    const now = new Date("2026-03-03T10:00:00.000Z");
    const ip = freshIp();
    const good = credentialsAt(user, now);
    const attempts = [
      { ...good, password: "otra contraseña cualquiera" },
      { ...good, totp: good.totp === "000000" ? "111111" : "000000" },
      { ...good, totp: "12345" },
      { ...good, password: "x".repeat(5000) },
    ];
    for (const attempt of attempts) expect(await signIn(db, attempt, origin(ip), now)).toEqual({ ok: false });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("lock-out", () => {
  async function fail(email: string, ip: string, at: Date) {
    const { db } = test.current;
    expect(await signIn(db, { email, password: "contraseña equivocada", totp: "000000" }, origin(ip), at)).toEqual({ ok: false });
  }
  const lockedAt = async (id: number) => (await test.current.db.user.findUniqueOrThrow({ where: { id } })).lockedAt;

  it("does not lock after 4 failures, and a success then starts the count afresh", async () => {
    const { db } = test.current;
    const user = await createTestUser(db);
    const ip = freshIp();
    const t = new Date("2026-03-04T10:00:00.000Z");
    for (let i = 0; i < 4; i++) await fail(user.email, ip, new Date(t.getTime() + i * MINUTE));
    expect(await lockedAt(user.id)).toBeNull();
    const t5 = new Date(t.getTime() + 5 * MINUTE);
    expect((await signIn(db, credentialsAt(user, t5), origin(ip), t5)).ok).toBe(true);
    // 4 more failures after the success: 8 within 15 minutes in total, but only 4 since the success.
    for (let i = 6; i < 10; i++) await fail(user.email, ip, new Date(t.getTime() + i * MINUTE));
    expect(await lockedAt(user.id)).toBeNull();
  });

  it("locks on exactly the 5th failure within 15 minutes (inclusive), until an ADMIN unlocks", async () => {
    const { db } = test.current;
    const user = await createTestUser(db);
    const ip = freshIp();
    const t = new Date("2026-03-05T10:00:00.000Z");
    for (const minute of [0, 4, 8, 12]) await fail(user.email, ip, new Date(t.getTime() + minute * MINUTE));
    expect(await lockedAt(user.id)).toBeNull();
    const fifth = new Date(t.getTime() + LOCKOUT_WINDOW_MS); // exactly 15 minutes after the first
    await fail(user.email, ip, fifth);
    expect(await lockedAt(user.id)).toEqual(fifth);
    const later = new Date(fifth.getTime() + 60 * MINUTE);
    expect(await signIn(db, credentialsAt(user, later), origin(ip), later)).toEqual({ ok: false });
    const lockouts = await db.auditEvent.findMany({ where: { action: "auth.lockout", targetId: String(user.id) } });
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]?.metadata).toEqual({ failures: 5, windowMinutes: 15 });
    const denied = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.signIn", actorId: user.id }, orderBy: { id: "desc" } });
    expect(denied.metadata).toEqual({ reason: "locked" });
  });

  it("does not lock when the 5 failures span more than 15 minutes", async () => {
    const user = await createTestUser(test.current.db);
    const ip = freshIp();
    const t = new Date("2026-03-06T10:00:00.000Z");
    for (const minute of [0, 4, 8, 12]) await fail(user.email, ip, new Date(t.getTime() + minute * MINUTE));
    await fail(user.email, ip, new Date(t.getTime() + LOCKOUT_WINDOW_MS + 1));
    expect(await lockedAt(user.id)).toBeNull();
  });
});

describe("per-address throttle", () => {
  it(`refuses an address after ${IP_FAILURE_LIMIT} failures in 15 minutes without counting against accounts`, async () => {
    const { db } = test.current;
    const victim = await createTestUser(db);
    const ip = freshIp();
    const t = new Date("2026-03-07T10:00:00.000Z");
    // Spread over unknown accounts, as someone probing would.
    for (let i = 0; i < IP_FAILURE_LIMIT; i++) {
      const at = new Date(t.getTime() + i * 20_000);
      expect(await signIn(db, { email: `nadie${i}@example.mx`, password: "lo que sea", totp: "000000" }, origin(ip), at)).toEqual({
        ok: false,
      });
    }
    const next = new Date(t.getTime() + IP_FAILURE_LIMIT * 20_000);
    // Even the right credentials are refused from that address, and nothing is counted for the victim.
    expect(await signIn(db, credentialsAt(victim, next), origin(ip), next)).toEqual({ ok: false });
    for (let i = 0; i < 6; i++) await signIn(db, { email: victim.email, password: "mal", totp: "000000" }, origin(ip), next);
    expect(await db.loginAttempt.count({ where: { email: victim.email } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: victim.id } })).lockedAt).toBeNull();
    expect(
      await db.auditEvent.count({
        where: { action: "auth.signIn", ip, outcome: "DENIED", metadata: { equals: { reason: "ip-throttled" } } },
      }),
    ).toBe(7);
    // Another address is unaffected ...
    expect((await signIn(db, credentialsAt(victim, next), origin(freshIp()), next)).ok).toBe(true);
    // ... and the address is let in again once its first failure leaves the 15-minute window.
    const afterWindow = new Date(t.getTime() + 15 * MINUTE + 1);
    expect((await signIn(db, credentialsAt(victim, afterWindow), origin(ip), afterWindow)).ok).toBe(true);
  });

  it("still processes the address's 20th failure (the limit is not off by one)", async () => {
    const { db } = test.current;
    const user = await createTestUser(db);
    const ip = freshIp();
    const t = new Date("2026-03-08T10:00:00.000Z");
    for (let i = 0; i < IP_FAILURE_LIMIT - 1; i++) {
      await signIn(db, { email: `otro${i}@example.mx`, password: "x", totp: "1" }, origin(ip), t);
    }
    expect((await signIn(db, credentialsAt(user, t), origin(ip), t)).ok).toBe(true);
  });
});

describe("unknown email and wrong password look the same", () => {
  it("gives the same status, body and cookies through next-auth, and similar timing", async () => {
    const { db } = test.current;
    const user = await createTestUser(db);
    const clock = new Clock(new Date("2026-03-09T10:00:00.000Z"));
    const options = nextAuthOptions(db, clock);
    const shape = (r: Awaited<ReturnType<typeof signInThroughNextAuth>>) => ({
      status: r.res.status,
      body: r.res.body,
      cookies: r.res.setCookies.map((c) => c.split("=")[0]).sort(),
      session: [...r.jar.cookies.keys()].filter((n) => n.includes("session")),
    });
    const unknown = await signInThroughNextAuth(
      options,
      { email: "no.existe@example.mx", password: TEST_PASSWORD, totp: "123456" },
      freshIp(),
    );
    const wrong = await signInThroughNextAuth(options, { email: user.email, password: "no es la contraseña", totp: "123456" }, freshIp());
    expect(shape(unknown)).toEqual(shape(wrong));
    expect(unknown.res.status).toBe(401);
    expect(unknown.res.body).toEqual({ url: "https://vigila.test/api/auth/error?error=CredentialsSignin&provider=credentials" });
    expect(shape(unknown).session).toEqual([]);

    // The unknown email spends an argon2 verification too (without it, it would be ~10x faster).
    // Interleaved samples share the machine's load; the minimum is the cost without load spikes.
    const attempt = async (email: string) => {
      const start = performance.now();
      await signIn(db, { email, password: "no es la contraseña", totp: "123456" }, origin(freshIp()), clock.now);
      return performance.now() - start;
    };
    const unknownSamples: number[] = [];
    const wrongSamples: number[] = [];
    for (let i = 0; i < 7; i++) {
      unknownSamples.push(await attempt("tampoco.existe@example.mx"));
      wrongSamples.push(await attempt(user.email));
    }
    const unknownMs = Math.min(...unknownSamples);
    const wrongMs = Math.min(...wrongSamples);
    expect(unknownMs).toBeGreaterThan(wrongMs * 0.5);
  });
});
