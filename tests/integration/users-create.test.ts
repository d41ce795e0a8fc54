import { describe, expect, it } from "vitest";
import { verifyPassword } from "~/server/auth/password";
import { decryptTotpSecret } from "~/server/auth/totp";
import { AppError } from "~/server/errors";
import { createUser } from "~/server/users/create-user";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, ensureDemoUsers } from "~/server/users/demo-users";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message: RegExp) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).message).toMatch(message);
}

describe("ensureDemoUsers", () => {
  it("creates the six demo accounts once, with their roles, states, password and TOTP secret", async () => {
    const { db } = test.current;
    const first = await ensureDemoUsers(db);
    expect(first.created).toEqual(DEMO_USERS.map((u) => u.email));
    expect(first.existing).toEqual([]);

    const users = await db.user.findMany({ orderBy: { id: "asc" } });
    expect(users.map((u) => [u.email, u.role, u.stateCode])).toEqual([
      ["admin@vigila.demo", "ADMIN", null],
      ["supervisor@vigila.demo", "IA_SUPERVISOR", null],
      ["analista@vigila.demo", "IA_ANALYST", null],
      ["fiscal.michoacan@vigila.demo", "STATE_AG", "16"],
      ["fiscal.jalisco@vigila.demo", "STATE_AG", "14"],
      ["auditor@vigila.demo", "AUDITOR", null],
    ]);
    for (const user of users) {
      expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
      expect(user.totpSecret).not.toContain(DEMO_TOTP_SECRET); // encrypted at rest
      expect(decryptTotpSecret(user.totpSecret)).toBe(DEMO_TOTP_SECRET);
    }
    const audits = await db.auditEvent.findMany({ where: { action: "user.create" } });
    expect(audits).toHaveLength(6);
    expect(JSON.stringify(audits.map((a) => [a.changes, a.metadata]))).not.toContain(DEMO_PASSWORD);

    const again = await ensureDemoUsers(db);
    expect(again).toEqual({ created: [], existing: DEMO_USERS.map((u) => u.email) });
    expect(await db.user.count()).toBe(6);
    expect(await db.auditEvent.count({ where: { action: "user.create" } })).toBe(6);
  });
});

describe("createUser", () => {
  const valid = {
    email: " Nueva.Analista@Example.MX ",
    name: "Nueva Analista",
    role: "IA_ANALYST" as const,
    stateCode: null,
    password: "correcto caballo batería grapa",
  };

  it("normalises the email, returns the enrolment secret once and stores it encrypted", async () => {
    const { db } = test.current;
    const created = await createUser(db, null, valid);
    expect(created.email).toBe("nueva.analista@example.mx");
    expect(created.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    expect(created.otpauthUri).toBe(
      `otpauth://totp/Vigila:nueva.analista%40example.mx?secret=${created.totpSecret}&period=30&digits=6&algorithm=SHA1&issuer=Vigila`,
    );
    const row = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.totpSecret.startsWith("v1.")).toBe(true);
    expect(decryptTotpSecret(row.totpSecret)).toBe(created.totpSecret);
  });

  it("rejects bad input with a specific error and writes nothing", async () => {
    const { db } = test.current;
    const before = await db.user.count();
    const auditsBefore = await db.auditEvent.count();
    await expectAppError(
      createUser(db, null, { ...valid, email: "x@y.mx", password: "elevenchars" }),
      "BAD_REQUEST",
      /at least 12 characters/,
    );
    await expectAppError(createUser(db, null, { ...valid, email: "x@y.mx", password: "123456QWERTY" }), "BAD_REQUEST", /most common/);
    await expectAppError(createUser(db, null, { ...valid, email: "not-an-email" }), "BAD_REQUEST", /valid email/);
    await expectAppError(createUser(db, null, { ...valid, email: "ag@y.mx", role: "STATE_AG" }), "BAD_REQUEST", /needs a state/);
    await expectAppError(createUser(db, null, { ...valid, email: "ag@y.mx", stateCode: "16" }), "BAD_REQUEST", /Only STATE_AG/);
    await expectAppError(
      createUser(db, null, { ...valid, email: "ag@y.mx", role: "STATE_AG", stateCode: "99" }),
      "BAD_REQUEST",
      /Unknown state code 99/,
    );
    await expectAppError(createUser(db, null, { ...valid, email: "NUEVA.analista@example.mx" }), "CONFLICT", /already exists/);
    await expectAppError(
      createUser(db, { userId: 1, role: "IA_SUPERVISOR", stateCode: null }, { ...valid, email: "z@y.mx" }),
      "FORBIDDEN",
      /users\.manage/,
    );
    expect(await db.user.count()).toBe(before);
    expect(await db.auditEvent.count()).toBe(auditsBefore);
  });

  it("accepts exactly 12 characters and a state for STATE_AG", async () => {
    const { db } = test.current;
    // A STATE_AG account is privileged: the creating admin (demo admin, id 1) re-authenticated just now.
    await db.userSession.create({ data: { id: "s", userId: 1, sessionVersion: 0, reauthAt: new Date() } });
    const created = await createUser(
      db,
      { userId: 1, role: "ADMIN", stateCode: null, sessionId: "s" },
      {
        ...valid,
        email: "fiscal.oaxaca@example.mx",
        role: "STATE_AG",
        stateCode: "20",
        password: "abcdefghijk!",
      },
    );
    expect(created.stateCode).toBe("20");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create", targetId: String(created.id) } });
    expect(audit.actorId).toBe(1);
    expect(audit.sessionId).toBe("s");
  });
});
