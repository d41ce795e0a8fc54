import { beforeAll, describe, expect, it } from "vitest";
import { auditActor } from "~/server/audit/actor";
import { recordAuditNow } from "~/server/audit/record";
import { listAuditEvents } from "~/server/audit/search";
import type { Scope } from "~/server/authz/scope";
import { useTestDatabase } from "../support/database";
import { createDepartment, createUser } from "../support/workflow-fixtures";
import { exportAuditEvents } from "~/server/audit/export";
import { parse } from "csv-parse/sync";

const test = useTestDatabase();
const auditor: Scope = { userId: 900, role: "AUDITOR", stateCode: null };
const page = { page: 1, pageSize: 200 };

let ag: { id: number; email: string };
let other: { id: number; email: string };
let departmentCode: string;

/**
 * Real events carry the actor's email only for sign-ins (the sign-in is where the email is typed);
 * every other event of a user carries only the user id. A search by email must still find them all.
 */
beforeAll(async () => {
  const { db } = test.current;
  const agUser = await createUser(db, "STATE_AG", "16");
  const otherUser = await createUser(db, "IA_ANALYST", null);
  await db.user.update({ where: { id: agUser.userId }, data: { email: "fiscal.michoacan@vigila.test", name: "Rosa Ávila Pérez" } });
  await db.user.update({ where: { id: otherUser.userId }, data: { email: "analista@vigila.test", name: "Luis Zamora" } });
  ag = { id: agUser.userId, email: "fiscal.michoacan@vigila.test" };
  other = { id: otherUser.userId, email: "analista@vigila.test" };
  const department = await createDepartment(db, "16");
  departmentCode = department.code;

  const origin = { ip: "10.0.0.5", userAgent: "vitest" };
  // Her sign-in names her email; her views and the denied request name only her id.
  await recordAuditNow(db, { actor: { userId: ag.id, email: ag.email, role: "STATE_AG", ...origin }, action: "auth.signIn" });
  for (let i = 0; i < 3; i++) {
    await recordAuditNow(db, {
      actor: auditActor(agUser, origin),
      action: "department.view",
      targetType: "Department",
      targetId: departmentCode,
      stateCode: "16",
    });
  }
  await recordAuditNow(db, { actor: auditActor(agUser, origin), action: { deniedProcedure: "users.list" }, outcome: "DENIED" });
  await recordAuditNow(db, { actor: auditActor(otherUser, origin), action: "user.unlock", targetType: "User", targetId: ag.id });
  // A failed sign-in with an email no user has, and an anonymous request, and a system job.
  await recordAuditNow(db, {
    actor: { userId: null, email: "fiscal.michoacan@otro.test", ...origin },
    action: "auth.signIn",
    outcome: "DENIED",
  });
  await recordAuditNow(db, { actor: auditActor(null, origin), action: { deniedProcedure: "audit.list" }, outcome: "DENIED" });
  await recordAuditNow(db, { actor: { userId: null }, action: "evaluation.run" });
});

const actions = (rows: { action: string }[]) => rows.map((r) => r.action).sort();

describe("the audit log's user search", () => {
  it("finds a user's events by her email exactly as by her id", async () => {
    const { db } = test.current;
    const byId = await listAuditEvents(db, auditor, { actor: String(ag.id), ...page });
    const byEmail = await listAuditEvents(db, auditor, { actor: ag.email, ...page });
    expect(byId.total).toBe(5);
    expect(actions(byEmail.rows)).toEqual(actions(byId.rows));
    expect(byEmail.total).toBe(byId.total);
  });

  it("matches part of an email, case-insensitively, among event emails and users' emails", async () => {
    const { db } = test.current;
    // "FISCAL.MICHOACAN@" is in her email and in the unknown address of the failed sign-in.
    const found = await listAuditEvents(db, auditor, { actor: "FISCAL.MICHOACAN@", ...page });
    expect(found.total).toBe(6);
    expect(found.rows.filter((r) => r.actorId === null).map((r) => r.actorEmail)).toEqual(["fiscal.michoacan@otro.test"]);
    // The other user's email finds only the other user's event.
    expect(actions((await listAuditEvents(db, auditor, { actor: "analista@", ...page })).rows)).toEqual(["user.unlock"]);
  });

  it("the CSV export holds the same events as the list for an email search", async () => {
    const { db } = test.current;
    let csv = "";
    for await (const chunk of await exportAuditEvents(db, auditor, { actor: ag.email }))
      csv += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    const parsed: string[][] = parse(csv.replace(/^\uFEFF/, ""));
    const exported = parsed.slice(1).map((r) => r[0]);
    const listed = (await listAuditEvents(db, auditor, { actor: ag.email, ...page })).rows.map((r) => r.id);
    expect(exported).toEqual([...listed].reverse());
  });
});

describe("the audit log names actors and targets", () => {
  it("joins the acting user's name and email, the target user's and the department's name", async () => {
    const { db } = test.current;
    const rows = (await listAuditEvents(db, auditor, { actor: String(ag.id), ...page })).rows;
    const view = rows.find((r) => r.action === "department.view")!;
    const department = await db.department.findUniqueOrThrow({ where: { code: departmentCode } });
    expect(view).toMatchObject({ actorName: "Rosa Ávila Pérez", actorUserEmail: ag.email, targetName: department.name });
    const unlock = (await listAuditEvents(db, auditor, { actor: String(other.id), ...page })).rows[0]!;
    expect(unlock).toMatchObject({ actorName: "Luis Zamora", targetType: "User", targetId: String(ag.id), targetName: "Rosa Ávila Pérez" });
  });

  it("leaves the names empty for events without a user", async () => {
    const { db } = test.current;
    const rows = (await listAuditEvents(db, auditor, { action: "evaluation.run", ...page })).rows;
    expect(rows.map((r) => [r.actorName, r.actorUserEmail, r.targetName])).toEqual([[null, null, null]]);
  });
});
