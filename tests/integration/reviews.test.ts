import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { closeReview, updateReview } from "~/server/reviews/conduct-review";
import { getReview, listReviews } from "~/server/reviews/list-reviews";
import { openReview } from "~/server/reviews/open-review";
import { addReviewSourceLink, removeReviewSourceLink, validateSourceUrl } from "~/server/reviews/source-links";
import { useTestDatabase } from "../support/database";
import { createDepartment, createRecommendation, createUser, type TestUser } from "../support/workflow-fixtures";

const test = useTestDatabase();
let supervisor: TestUser, analyst: TestUser, analyst2: TestUser, agMichoacan: TestUser, agJalisco: TestUser, auditor: TestUser;
let michoacan: { id: number; code: string }, jalisco: { id: number; code: string };

beforeAll(async () => {
  const { db } = test.current;
  supervisor = await createUser(db, "IA_SUPERVISOR");
  analyst = await createUser(db, "IA_ANALYST");
  analyst2 = await createUser(db, "IA_ANALYST");
  agMichoacan = await createUser(db, "STATE_AG", "16");
  agJalisco = await createUser(db, "STATE_AG", "14");
  auditor = await createUser(db, "AUDITOR");
  michoacan = await createDepartment(db, "16");
  jalisco = await createDepartment(db, "14");
});

const SCOPE = "Cobertura de control de confianza del turno nocturno";
const open = (by: TestUser = analyst, extra = {}) =>
  openReview(test.current.db, by, { departmentCode: michoacan.code, scope: SCOPE, ...extra });

describe("opening", () => {
  it("works with or without a recommendation, by IA or the department's AG, and audits", async () => {
    const { db } = test.current;
    const plain = await open(analyst, { dueOn: "2026-09-30" });
    expect(await getReview(db, analyst, plain.id)).toMatchObject({
      scope: SCOPE,
      owner: { id: analyst.userId },
      openedBy: { id: analyst.userId },
      dueOn: "2026-09-30",
    });
    const rec = await createRecommendation(db, michoacan.id, "REVIEW");
    const linked = await open(agMichoacan, { recommendationId: rec.id });
    expect((await getReview(db, supervisor, linked.id)).recommendationId).toBe(rec.id);
    expect(await db.auditEvent.count({ where: { action: "review.open", targetId: { in: [String(plain.id), String(linked.id)] } } })).toBe(
      2,
    );
  });

  it("refuses another state's AG (NOT_FOUND), a recommendation of another department, an ineligible owner and bad dates", async () => {
    const { db } = test.current;
    const before = await db.review.count();
    await expect(openReview(db, agJalisco, { departmentCode: michoacan.code, scope: SCOPE })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const foreign = await createRecommendation(db, jalisco.id, "REVIEW");
    await expect(open(supervisor, { recommendationId: foreign.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(open(agMichoacan, { recommendationId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const ownerId of [auditor.userId, agJalisco.userId, 999_999]) {
      await expect(open(supervisor, { ownerId })).rejects.toMatchObject({ code: "BAD_REQUEST", details: { field: "ownerId" } });
    }
    await expect(open(supervisor, { dueOn: "2026-02-29" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(open(supervisor, { scope: "corto" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(open(auditor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.review.count()).toBe(before);
  });
});

describe("conducting", () => {
  it("updates with versions, audits changed fields only, and rejects a stale version", async () => {
    const { db } = test.current;
    const { id } = await open();
    // Handing the review over is for its owner, a supervisor or the state's AG (reviews-workspace.test.ts).
    const v2 = await updateReview(db, supervisor, {
      id,
      version: 1,
      findings: "14 de 60 elementos sin evaluación vigente",
      ownerId: agMichoacan.userId,
    });
    await expect(updateReview(db, analyst, { id, version: 1, departmentResponse: "Respuesta" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await updateReview(db, analyst, { id, version: v2.version, departmentResponse: "Se programaron evaluaciones en agosto" });
    const review = await getReview(db, agMichoacan, id);
    expect(review).toMatchObject({
      version: 3,
      owner: { id: agMichoacan.userId },
      departmentResponse: "Se programaron evaluaciones en agosto",
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "review.update", targetId: String(id) },
      orderBy: { id: "asc" },
    });
    expect(audit.changes).toEqual({
      findings: { before: "", after: "14 de 60 elementos sin evaluación vigente" },
      ownerId: { before: analyst.userId, after: agMichoacan.userId },
    });
  });

  it("attaches only http(s) source links", async () => {
    const { db } = test.current;
    const { id } = await open();
    for (const bad of [
      "javascript:alert(1)",
      "data:text/html,hi",
      "file:///etc/passwd",
      "ftp://x.mx/a",
      "no es url",
      "https://user:pw@x.mx/",
    ]) {
      await expect(addReviewSourceLink(db, analyst, { reviewId: id, url: bad, label: "Nota" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    expect(validateSourceUrl(" https://www.cndh.org.mx/documento/recomendacion-12-2026 ")).toBe(
      "https://www.cndh.org.mx/documento/recomendacion-12-2026",
    );
    const link = await addReviewSourceLink(db, analyst, { reviewId: id, url: "http://periodico.mx/nota?id=1", label: "Nota de prensa" });
    await expect(addReviewSourceLink(db, agJalisco, { reviewId: id, url: "https://a.mx", label: "Ajeno" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(removeReviewSourceLink(db, agJalisco, { id: link.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getReview(db, analyst, id)).sourceLinks).toMatchObject([
      { url: "http://periodico.mx/nota?id=1", label: "Nota de prensa" },
    ]);
    await removeReviewSourceLink(db, analyst, { id: link.id });
    expect((await getReview(db, analyst, id)).sourceLinks).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "review.sourceLink" }, targetId: String(id) } })).toBe(2);
  });

  it("closes with a decision by the owner or a supervisor once findings exist, and then freezes", async () => {
    const { db } = test.current;
    const { id } = await open(analyst);
    const close = { decision: "CORRECTIVE_PLAN" as const, decisionNotes: "Plan de regularización en 90 días" };
    await expect(closeReview(db, analyst, { id, version: 1, ...close })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const { version } = await updateReview(db, analyst, { id, version: 1, findings: "Hallazgos documentados" });
    await expect(closeReview(db, analyst2, { id, version, ...close })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(closeReview(db, analyst, { id, version, ...close, decisionNotes: "breve" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await closeReview(db, supervisor, { id, version, ...close });
    const review = await getReview(db, analyst, id);
    expect(review).toMatchObject({ status: "CLOSED", decision: "CORRECTIVE_PLAN", decisionNotes: close.decisionNotes });
    expect(review.closedAt).toBeInstanceOf(Date);
    await expect(updateReview(db, analyst, { id, version: review.version, findings: "cambio" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(addReviewSourceLink(db, analyst, { reviewId: id, url: "https://a.mx", label: "Tarde" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.auditEvent.count({ where: { action: "review.close", targetId: String(id) } })).toBe(1);
  });
});

describe("listing", () => {
  it("scopes by state, filters by owner and status, and hides other states' reviews from the router", async () => {
    const { db } = test.current;
    const foreign = await openReview(db, supervisor, { departmentCode: jalisco.code, scope: SCOPE });
    const mine = await listReviews(db, agMichoacan, { mine: true, page: 1, pageSize: 200 });
    expect(mine.rows.every((r) => r.owner.id === agMichoacan.userId)).toBe(true);
    const visible = await listReviews(db, agMichoacan, { page: 1, pageSize: 200 });
    expect(visible.rows.some((r) => r.id === foreign.id)).toBe(false);
    expect(visible.rows.every((r) => r.department.stateCode === "16")).toBe(true);
    const closed = await listReviews(db, supervisor, { status: "CLOSED", page: 1, pageSize: 200 });
    expect(closed.rows.every((r) => r.status === "CLOSED")).toBe(true);
    const call = (scope: TestUser) => createCaller({ db, scope, meta: { ip: null, userAgent: null } }).reviews;
    await expect(call(agMichoacan).get({ id: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await call(auditor).get({ id: foreign.id })).id).toBe(foreign.id);
    await expect(call(auditor).update({ id: foreign.id, version: 1, findings: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      call(analyst).addSourceLink({ reviewId: foreign.id, url: "https://a.mx", label: "ok", extra: 1 } as never),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
