import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { addComment, listComments } from "~/server/comments/comments";
import { proposeReceivership } from "~/server/receivership/propose";
import { openReview } from "~/server/reviews/open-review";
import { useTestDatabase } from "../support/database";
import { RECEIVERSHIP_TERMS, createDepartment, createUser, type TestUser } from "../support/workflow-fixtures";

const test = useTestDatabase();
let analyst: TestUser, supervisor: TestUser, agMichoacan: TestUser, agJalisco: TestUser, auditor: TestUser, admin: TestUser;
let department: { id: number; code: string }, reviewId: number, caseId: number;

beforeAll(async () => {
  const { db } = test.current;
  analyst = await createUser(db, "IA_ANALYST");
  supervisor = await createUser(db, "IA_SUPERVISOR");
  agMichoacan = await createUser(db, "STATE_AG", "16");
  agJalisco = await createUser(db, "STATE_AG", "14");
  auditor = await createUser(db, "AUDITOR");
  admin = await createUser(db, "ADMIN");
  department = await createDepartment(db, "16");
  reviewId = (await openReview(db, analyst, { departmentCode: department.code, scope: "Revisión de control de confianza" })).id;
  caseId = (await proposeReceivership(db, supervisor, { departmentCode: department.code, ...RECEIVERSHIP_TERMS })).id;
});

describe("comments", () => {
  it("are written on departments, reviews and receiverships and listed oldest first", async () => {
    const { db } = test.current;
    const targets = [
      { type: "DEPARTMENT" as const, departmentCode: department.code },
      { type: "REVIEW" as const, id: reviewId },
      { type: "RECEIVERSHIP" as const, id: caseId },
    ];
    for (const target of targets) {
      await addComment(db, analyst, { target, body: "  Primera nota  " });
      await addComment(db, agMichoacan, { target, body: "Respuesta de la fiscalía" });
      const listed = await listComments(db, supervisor, { target, page: 1, pageSize: 50 });
      expect(listed.total).toBe(2);
      expect(listed.rows.map((c) => [c.body, c.author.id])).toEqual([
        ["Primera nota", analyst.userId],
        ["Respuesta de la fiscalía", agMichoacan.userId],
      ]);
    }
    const page2 = await listComments(db, supervisor, { target: targets[0]!, page: 2, pageSize: 1 });
    expect(page2.rows.map((c) => c.body)).toEqual(["Respuesta de la fiscalía"]);
  });

  it("answer NOT_FOUND outside the caller's state or for unknown targets, and change nothing", async () => {
    const { db } = test.current;
    const before = await db.comment.count();
    for (const target of [
      { type: "DEPARTMENT" as const, departmentCode: department.code },
      { type: "REVIEW" as const, id: reviewId },
      { type: "RECEIVERSHIP" as const, id: caseId },
    ]) {
      await expect(addComment(db, agJalisco, { target, body: "Intento" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listComments(db, agJalisco, { target, page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(addComment(db, analyst, { target: { type: "REVIEW", id: 999_999 }, body: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(addComment(db, analyst, { target: { type: "REVIEW", id: reviewId }, body: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(addComment(db, analyst, { target: { type: "REVIEW", id: reviewId }, body: "x".repeat(5001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(addComment(db, auditor, { target: { type: "REVIEW", id: reviewId }, body: "Solo lectura" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.comment.count()).toBe(before);
  });

  it("are audited without their text", async () => {
    const { db } = test.current;
    const { id } = await addComment(db, analyst, { target: { type: "REVIEW", id: reviewId }, body: "El denunciante Juan Pérez declaró…" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "comment.add", targetId: String(id) } });
    expect(audit).toMatchObject({ actorId: analyst.userId, stateCode: "16", metadata: { on: "REVIEW", onId: String(reviewId) } });
    expect(JSON.stringify(audit.changes)).not.toContain("Juan");
  });

  it("are read by every role that sees the department and written only with comments.write (router)", async () => {
    const { db } = test.current;
    const call = (scope: TestUser) => createCaller({ db, scope, meta: { ip: null, userAgent: null } }).comments;
    const target = { type: "DEPARTMENT" as const, departmentCode: department.code };
    expect((await call(auditor).list({ target })).total).toBeGreaterThan(0);
    expect((await call(admin).list({ target })).total).toBeGreaterThan(0);
    await expect(call(admin).add({ target, body: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(call(agJalisco).list({ target })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(call(analyst).add({ target: { type: "CASE", id: 1 } as never, body: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await call(supervisor).add({ target, body: "Desde el router" })).id).toBeGreaterThan(0);
  });
});
