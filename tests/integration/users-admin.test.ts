import { describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import type { Scope } from "~/server/authz/scope";
import { signIn } from "~/server/auth/sign-in";
import { resolveSession } from "~/server/auth/sessions";
import { totpCodeAt } from "~/server/auth/totp";
import { useTestDatabase } from "../support/database";
import { createTestUser, credentialsAt, type TestUser } from "./auth-support";

const test = useTestDatabase();
const meta = { ip: "192.0.2.44", userAgent: "vitest" };

async function signedIn(user: TestUser, at = new Date()): Promise<Scope> {
  const result = await signIn(test.current.db, credentialsAt(user, at), meta, at);
  if (!result.ok) throw new Error("sign-in failed");
  return (await resolveSession(test.current.db, result.sessionId, at))!;
}
const caller = (scope: Scope | null) => createCaller({ db: test.current.db, scope, meta });
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e as { code?: string }).code,
  );

describe("users router", () => {
  it("is for ADMIN only, and refusals are audited", async () => {
    const { db } = test.current;
    const supervisor = await signedIn(await createTestUser(db, "IA_SUPERVISOR"));
    expect(await codeOf(caller(supervisor).users.list())).toBe("FORBIDDEN");
    expect(await codeOf(caller(null).users.list())).toBe("UNAUTHORIZED");
    expect(await codeOf(caller(supervisor).users.unlock({ id: 1, version: 1 }))).toBe("FORBIDDEN");
    expect(await db.auditEvent.count({ where: { action: "users.list", outcome: "DENIED" } })).toBe(2);
  });

  it("creates a user, showing the secret once, and rejects extra or wrong fields", async () => {
    const { db } = test.current;
    const adminUser = await createTestUser(db, "ADMIN");
    // Signed in a step earlier, so the re-authentication below uses a fresh code.
    const admin = await signedIn(adminUser, new Date(Date.now() - 60_000));
    const input = {
      email: "Fiscal.Jalisco2@example.mx",
      name: "Fiscalía de Jalisco",
      role: "STATE_AG" as const,
      stateCode: "14",
      password: "una contraseña bastante larga",
    };
    // A privileged account (ADMIN, IA_SUPERVISOR, STATE_AG) needs the admin's step-up first; an analyst's does not.
    const users = await db.user.count();
    for (const role of ["STATE_AG", "IA_SUPERVISOR", "ADMIN"] as const) {
      const refused = await caller(admin)
        .users.create({ ...input, role, stateCode: role === "STATE_AG" ? "14" : null })
        .catch((e: unknown) => e as { code: string; message: string });
      expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/re-authentication required/) });
    }
    expect(await db.user.count()).toBe(users);
    await caller(admin).users.create({ ...input, email: "analista.nueva@example.mx", role: "IA_ANALYST", stateCode: null });
    await caller(admin).session.reauthenticate({ password: adminUser.password, totp: totpCodeAt(adminUser.secret, new Date()) });
    const created = await caller(admin).users.create(input);
    expect(created).toMatchObject({ email: "fiscal.jalisco2@example.mx", role: "STATE_AG", stateCode: "14" });
    expect(created.otpauthUri).toContain(`secret=${created.totpSecret}`);
    const listed = await caller(admin).users.list();
    const row = listed.find((u) => u.id === created.id)!;
    expect(row).not.toHaveProperty("totpSecret");
    expect(row).not.toHaveProperty("passwordHash");
    expect(await db.auditEvent.count({ where: { action: "user.list", actorId: admin.userId } })).toBe(1);

    const before = await db.user.count();
    // Mass assignment: fields outside the schema are refused, not ignored.
    expect(await codeOf(caller(admin).users.create({ ...input, email: "b@example.mx", disabled: false } as typeof input))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(caller(admin).users.create({ ...input, email: "b@example.mx", stateCode: "1" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller(admin).users.create({ ...input, email: "b@example.mx", role: "ROOT" as "ADMIN" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller(admin).users.create({ ...input, email: "b@example.mx", role: "AUDITOR" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller(admin).users.create({ ...input, email: "fiscal.jalisco2@EXAMPLE.mx" }))).toBe("CONFLICT");
    expect(await db.user.count()).toBe(before);
  });

  it("changes a role only after re-authentication, with versions, and never one's own", async () => {
    const { db } = test.current;
    const adminUser = await createTestUser(db, "ADMIN");
    const t = new Date("2026-05-01T12:00:00.000Z");
    const admin = await signedIn(adminUser, t);
    const target = await createTestUser(db, "IA_ANALYST");
    const targetScope = await signedIn(target, t);
    const change = { id: target.id, version: 1, role: "STATE_AG" as const, stateCode: "16" };

    const refused = await caller(admin)
      .users.setRole(change)
      .catch((e: unknown) => e as { code: string; message: string });
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/re-authentication required/) });

    // A wrong code does not open the window (and is refused as such).
    expect(await codeOf(caller(admin).session.reauthenticate({ password: adminUser.password, totp: "000000" }))).toBe("FORBIDDEN");
    await caller(admin).session.reauthenticate({ password: adminUser.password, totp: totpCodeAt(adminUser.secret, new Date()) });
    await caller(admin).users.setRole(change);
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "STATE_AG",
      stateCode: "16",
      version: 2,
      sessionVersion: 2,
    });
    expect(await resolveSession(db, targetScope.sessionId!, t)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.setRole", targetId: String(target.id) } });
    expect(audit).toMatchObject({ actorId: admin.userId, ip: meta.ip, sessionId: admin.sessionId, stateCode: "16" });
    expect(audit.changes).toEqual({ role: { before: "IA_ANALYST", after: "STATE_AG" }, stateCode: { before: null, after: "16" } });

    expect(await codeOf(caller(admin).users.setRole(change))).toBe("CONFLICT"); // version 1 is stale now
    expect(await codeOf(caller(admin).users.setRole({ ...change, version: 2, stateCode: null }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller(admin).users.setRole({ ...change, id: 999_999 }))).toBe("NOT_FOUND");
    expect(await codeOf(caller(admin).users.setRole({ ...change, id: admin.userId, version: 1, role: "AUDITOR", stateCode: null }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("disables, enables and unlocks with versions", async () => {
    const { db } = test.current;
    const admin = await signedIn(await createTestUser(db, "ADMIN"));
    const target = await createTestUser(db);
    await caller(admin).users.setDisabled({ id: target.id, version: 1, disabled: true });
    expect(await codeOf(caller(admin).users.setDisabled({ id: target.id, version: 1, disabled: false }))).toBe("CONFLICT");
    await caller(admin).users.setDisabled({ id: target.id, version: 2, disabled: false });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ disabled: false, version: 3, sessionVersion: 2 });
    expect(await codeOf(caller(admin).users.unlock({ id: target.id, version: 3 }))).toBe("BAD_REQUEST"); // not locked
    expect(await codeOf(caller(admin).users.setDisabled({ id: admin.userId, version: 1, disabled: true }))).toBe("BAD_REQUEST");

    const t = new Date("2026-05-02T12:00:00.000Z");
    for (let i = 1; i <= 5; i++)
      await signIn(db, { email: target.email, password: "equivocada, claro", totp: "000000" }, meta, new Date(t.getTime() + i * 1000));
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).lockedAt).not.toBeNull();
    await caller(admin).users.unlock({ id: target.id, version: 3 });
    const unlocked = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(unlocked).toMatchObject({ lockedAt: null, version: 4 });
    expect(unlocked.loginFailuresClearedAt).not.toBeNull();
    const actions = (
      await db.auditEvent.findMany({ where: { targetId: String(target.id), action: { startsWith: "user." } }, orderBy: { id: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["user.create", "user.disable", "user.enable", "user.unlock"]);
  });
});

describe("session router", () => {
  it("me returns who is signed in (nothing secret), or null", async () => {
    const { db } = test.current;
    const ag = await signedIn(await createTestUser(db, "STATE_AG", "16"));
    expect(await caller(ag).session.me()).toEqual({
      id: ag.userId,
      email: expect.stringContaining("@example.mx"),
      name: expect.any(String),
      role: "STATE_AG",
      stateCode: "16",
      stateName: "Michoacán",
    });
    expect(await caller(null).session.me()).toBeNull();
    expect(await codeOf(caller(null).session.reauthenticate({ password: "x", totp: "123456" }))).toBe("UNAUTHORIZED");
    expect(await codeOf(caller(ag).session.reauthenticate({ password: "x", totp: "12345" }))).toBe("BAD_REQUEST");
  });
});
