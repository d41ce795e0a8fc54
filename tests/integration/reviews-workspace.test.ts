import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { updateReview } from "~/server/reviews/conduct-review";
import { listReviews, type ReviewView } from "~/server/reviews/list-reviews";
import { openReview } from "~/server/reviews/open-review";
import { reassignReview, reviewOwnerOptions } from "~/server/reviews/reassign-review";
import { reviewHistory } from "~/server/reviews/review-history";
import { useTestDatabase } from "../support/database";
import { createDepartment, createUser, type TestUser } from "../support/workflow-fixtures";

const test = useTestDatabase();
let supervisor: TestUser, analyst: TestUser, analyst2: TestUser, agMichoacan: TestUser, agJalisco: TestUser, auditor: TestUser;
let michoacan: { id: number; code: string }, jalisco: { id: number; code: string };
const SCOPE = "Cobertura de control de confianza del turno nocturno";

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

const open = (by: TestUser = analyst, extra: { dueOn?: string | null; departmentCode?: string } = {}) =>
  openReview(test.current.db, by, { departmentCode: michoacan.code, scope: SCOPE, ...extra });

describe("reassigning", () => {
  it("hands the review over, audits it as review.reassign and keeps who, when, from whom, to whom and why", async () => {
    const { db } = test.current;
    const { id } = await open(analyst);
    const result = await reassignReview(db, analyst, {
      id,
      version: 1,
      ownerId: agMichoacan.userId,
      reason: "  La fiscalía conduce la visita  ",
    });
    expect(result.version).toBe(2);
    const history = await reviewHistory(db, supervisor, id);
    expect(history).toMatchObject([
      {
        field: "OWNER",
        before: { value: String(analyst.userId), ownerName: expect.stringContaining("IA_ANALYST") },
        after: { value: String(agMichoacan.userId), ownerName: expect.stringContaining("STATE_AG") },
        reason: "La fiscalía conduce la visita",
        changedBy: { id: analyst.userId },
      },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "review.reassign", targetId: String(id) } });
    expect(audit.changes).toEqual({ ownerId: { before: analyst.userId, after: agMichoacan.userId } });
    expect(audit.metadata).toEqual({ reason: "La fiscalía conduce la visita" });
    // The new owner (the state's AG) may hand it on again; the AG of another state cannot even see it.
    await reassignReview(db, agMichoacan, { id, version: 2, ownerId: analyst2.userId });
    await expect(reassignReview(db, agJalisco, { id, version: 3, ownerId: agJalisco.userId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await reviewHistory(db, analyst, id)).map((c) => c.after.value)).toEqual([String(analyst2.userId), String(agMichoacan.userId)]);
  });

  it("refuses someone who neither owns nor supervises it, the same owner, an ineligible owner and a stale version, changing nothing", async () => {
    const { db } = test.current;
    const { id } = await open(analyst);
    await expect(reassignReview(db, analyst2, { id, version: 1, ownerId: analyst2.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateReview(db, analyst2, { id, version: 1, ownerId: analyst2.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reassignReview(db, analyst, { id, version: 1, ownerId: analyst.userId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { field: "ownerId" },
    });
    for (const ownerId of [auditor.userId, agJalisco.userId, 999_999]) {
      await expect(reassignReview(db, supervisor, { id, version: 1, ownerId })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(
      reassignReview(db, supervisor, { id, version: 1, ownerId: analyst2.userId, reason: "x".repeat(2001) }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { field: "reason" },
    });
    await reassignReview(db, supervisor, { id, version: 1, ownerId: analyst2.userId });
    await expect(reassignReview(db, supervisor, { id, version: 1, ownerId: agMichoacan.userId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.reviewChange.count({ where: { reviewId: id } })).toBe(1);
    expect(await db.review.findUniqueOrThrow({ where: { id } })).toMatchObject({ ownerId: analyst2.userId, version: 2 });
  });

  it("offers as owners only active users who may conduct reviews of that department", async () => {
    const { db } = test.current;
    const { id } = await open(analyst);
    const disabled = await createUser(db, "IA_ANALYST");
    await db.user.update({ where: { id: disabled.userId }, data: { disabled: true } });
    const options = await reviewOwnerOptions(db, supervisor, id);
    const ids = options.map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining([supervisor.userId, analyst.userId, analyst2.userId, agMichoacan.userId]));
    expect(ids).not.toContain(agJalisco.userId);
    expect(ids).not.toContain(auditor.userId);
    expect(ids).not.toContain(disabled.userId);
    expect(options.find((o) => o.id === analyst.userId)?.current).toBe(true);
    await expect(reviewOwnerOptions(db, auditor, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("history of due date and scope", () => {
  it("records each changed field once, with the reason, newest first; unchanged fields leave no row", async () => {
    const { db } = test.current;
    const { id } = await open(analyst, { dueOn: "2026-09-30" });
    await updateReview(db, analyst, {
      id,
      version: 1,
      dueOn: "2026-10-31",
      scope: `${SCOPE} y del turno matutino`,
      reason: "Se amplió el alcance",
    });
    await updateReview(db, analyst, { id, version: 2, dueOn: null, findings: "Hallazgos" });
    await updateReview(db, analyst, { id, version: 3, findings: "Otros hallazgos", dueOn: null, scope: `${SCOPE} y del turno matutino` });
    const history = await reviewHistory(db, analyst, id);
    expect(history.map((c) => [c.field, c.before.value, c.after.value, c.reason])).toEqual([
      ["DUE_ON", "2026-10-31", null, null],
      ["DUE_ON", "2026-09-30", "2026-10-31", "Se amplió el alcance"],
      ["SCOPE", SCOPE, `${SCOPE} y del turno matutino`, "Se amplió el alcance"],
    ]);
    await expect(reviewHistory(db, agJalisco, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("boards: open, overdue, closed", () => {
  // 2026-07-01 05:59Z is still 2026-06-30 in Mexico City (UTC−6); 06:00Z is 2026-07-01 there.
  const lastMinuteOfJune = new Date("2026-07-01T05:59:00Z");
  const firstMinuteOfJuly = new Date("2026-07-01T06:00:00Z");

  it("a review due on a day becomes overdue the next day in Mexico City, whatever the server's zone", async () => {
    const { db } = test.current;
    const department = await createDepartment(db, "16");
    const due = await open(analyst, { dueOn: "2026-06-30", departmentCode: department.code });
    const filter = { departmentCode: department.code, page: 1, pageSize: 50 };
    const before = await listReviews(db, supervisor, { ...filter, view: "overdue" }, lastMinuteOfJune);
    expect(before).toMatchObject({ total: 0, today: "2026-06-30", views: { open: 1, overdue: 0, closed: 0 } });
    const after = await listReviews(db, supervisor, { ...filter, view: "overdue" }, firstMinuteOfJuly);
    expect(after).toMatchObject({ total: 1, today: "2026-07-01", views: { open: 1, overdue: 1, closed: 0 } });
    expect(after.rows).toMatchObject([{ id: due.id, overdue: true, dueOn: "2026-06-30" }]);
  });

  it("lists closed reviews by closing time and scopes every board and total to the AG's state", async () => {
    const { db } = test.current;
    const department = await createDepartment(db, "16");
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await open(analyst, { departmentCode: department.code });
      const { version } = await updateReview(db, analyst, { id, version: 1, findings: "Hallazgos documentados" });
      await createCaller({ db, scope: analyst, meta: { ip: null, userAgent: null } }).reviews.close({
        id,
        version,
        decision: "NO_ACTION",
        decisionNotes: "Sin observaciones relevantes",
      });
      ids.push(id);
    }
    const closed = await listReviews(db, supervisor, { departmentCode: department.code, view: "closed", page: 1, pageSize: 2 });
    expect(closed.total).toBe(3);
    expect(closed.rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    await openReview(db, supervisor, { departmentCode: jalisco.code, scope: SCOPE, dueOn: "2020-01-01" });
    const asAg = await listReviews(db, agMichoacan, { view: "overdue", page: 1, pageSize: 200 });
    expect(asAg.rows.every((r) => r.department.stateCode === "16")).toBe(true);
    const all = await listReviews(db, supervisor, { view: "overdue", page: 1, pageSize: 200 });
    expect(all.rows.some((r) => r.department.stateCode === "14")).toBe(true);
  });

  it("pages and totals agree with a plain reference over the same reviews (property)", async () => {
    const { db } = test.current;
    const department = await createDepartment(db, "16");
    const dues = ["2026-06-28", "2026-06-29", "2026-06-30", "2026-07-01", null, "2026-06-30", null, "2026-05-01"];
    for (const dueOn of dues) await open(analyst, { departmentCode: department.code, dueOn });
    const now = new Date("2026-06-30T18:00:00Z");
    const rows = await db.review.findMany({ where: { departmentId: department.id } });
    const reference = (view: ReviewView) =>
      rows
        .filter((r) => (view === "closed" ? r.status === "CLOSED" : r.status === "OPEN"))
        .filter((r) => view !== "overdue" || (r.dueOn !== null && r.dueOn.toISOString().slice(0, 10) < "2026-06-30"))
        .sort(
          (a, b) =>
            (a.dueOn?.getTime() ?? Infinity) - (b.dueOn?.getTime() ?? Infinity) ||
            b.openedAt.getTime() - a.openedAt.getTime() ||
            b.id - a.id,
        )
        .map((r) => r.id);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<ReviewView>("open", "overdue"), fc.integer({ min: 1, max: 5 }), async (view, pageSize) => {
        const expected = reference(view);
        const seen: number[] = [];
        for (let page = 1; page <= Math.ceil(expected.length / pageSize) + 1; page++) {
          const result = await listReviews(db, supervisor, { departmentCode: department.code, view, page, pageSize }, now);
          expect(result.total).toBe(expected.length);
          seen.push(...result.rows.map((r) => r.id));
        }
        expect(seen).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });
});
