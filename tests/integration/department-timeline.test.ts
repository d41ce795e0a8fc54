import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { departmentTimeline, type TimelineEvent } from "~/server/departments/timeline";
import { useTestDatabase } from "../support/database";
import { createDepartment, createRun, createUser, type TestUser } from "../support/workflow-fixtures";

const test = useTestDatabase();
let supervisor: TestUser, agMichoacan: TestUser, agJalisco: TestUser;
let department: { id: number; code: string };
const at = (iso: string) => new Date(iso);

/**
 * A department history with hand-set instants, including ties (same instant, different kinds) and
 * calendar-day events, so the expected order is known exactly.
 */
beforeAll(async () => {
  const { db } = test.current;
  supervisor = await createUser(db, "IA_SUPERVISOR");
  agMichoacan = await createUser(db, "STATE_AG", "16");
  agJalisco = await createUser(db, "STATE_AG", "14");
  department = await createDepartment(db, "16");
  const other = await createDepartment(db, "16");

  // Received 2026-03-10: midnight in Mexico City is 06:00 UTC.
  await db.complaint.create({
    data: {
      ref: "Q-TL-1",
      departmentId: department.id,
      receivedOn: at("2026-03-10T00:00:00Z"),
      source: "CNDH",
      category: "TORTURE",
      status: "RECEIVED",
      summary: "dato personal",
    },
  });
  await db.comment.create({
    data: {
      authorId: supervisor.userId,
      targetType: "DEPARTMENT",
      targetId: String(department.id),
      body: "Antes",
      createdAt: at("2026-03-10T05:59:59.999Z"),
    },
  });
  await db.comment.create({
    data: {
      authorId: supervisor.userId,
      targetType: "DEPARTMENT",
      targetId: String(other.id),
      body: "Otro departamento",
      createdAt: at("2026-03-11T00:00:00Z"),
    },
  });

  const rules = [{ id: "vetting-coverage", value: 70 }];
  await createRun(db, {
    asOf: "2026-03-31",
    finishedAt: at("2026-04-01T12:00:00Z"),
    results: [{ departmentId: department.id, level: "NONE", rules }],
  });
  const rose = await createRun(db, {
    asOf: "2026-04-30",
    finishedAt: at("2026-05-01T12:00:00Z"),
    results: [{ departmentId: department.id, level: "REVIEW", rules }],
  });
  await createRun(db, {
    asOf: "2026-04-30",
    trigger: "BACKTEST",
    finishedAt: at("2026-05-01T13:00:00Z"),
    results: [{ departmentId: department.id, level: "RECEIVERSHIP", rules }],
  });
  await createRun(db, {
    asOf: "2026-05-31",
    finishedAt: at("2026-06-01T12:00:00Z"),
    results: [{ departmentId: department.id, level: "REVIEW", rules }],
  });

  const rec = await db.recommendation.create({
    data: {
      departmentId: department.id,
      evaluationRunId: rose.run.id,
      evaluationResultId: rose.results[0]!.id,
      level: "REVIEW",
      previousLevel: "NONE",
      createdAt: at("2026-05-01T12:00:00Z"),
      status: "ACCEPTED",
      decidedById: supervisor.userId,
      decidedAt: at("2026-05-02T10:00:00Z"),
    },
  });
  const review = await db.review.create({
    data: {
      departmentId: department.id,
      recommendationId: rec.id,
      openedById: supervisor.userId,
      ownerId: supervisor.userId,
      scope: "Revisión de cobertura",
      openedAt: at("2026-05-02T10:00:00Z"),
      status: "CLOSED",
      decision: "PROPOSE_RECEIVERSHIP",
      closedAt: at("2026-06-15T18:00:00Z"),
    },
  });
  await db.comment.create({
    data: {
      authorId: agMichoacan.userId,
      targetType: "REVIEW",
      targetId: String(review.id),
      body: "Sobre la revisión",
      createdAt: at("2026-05-20T00:00:00Z"),
    },
  });
  const k = await db.receivershipCase.create({
    data: {
      departmentId: department.id,
      legalBasis: "Art. 115",
      receivingAuthority: "SSP",
      terms: "Términos",
      proposedById: supervisor.userId,
      status: "IMPOSED",
      statusHistory: {
        create: [
          { toStatus: "PROPOSED", changedById: supervisor.userId, reason: "Propuesta", changedAt: at("2026-06-20T00:00:00Z") },
          {
            fromStatus: "PROPOSED",
            toStatus: "IMPOSED",
            changedById: agMichoacan.userId,
            reason: "Impuesta",
            changedAt: at("2026-06-25T00:00:00Z"),
          },
        ],
      },
      approvals: { create: [{ userId: agMichoacan.userId, role: "STATE_AG", approvedAt: at("2026-06-25T00:00:00Z") }] },
      milestones: { create: [{ title: "Reevaluar", dueOn: at("2026-07-31T00:00:00Z"), completedOn: at("2026-07-15T00:00:00Z") }] },
    },
  });
  await db.comment.create({
    data: {
      authorId: supervisor.userId,
      targetType: "RECEIVERSHIP",
      targetId: String(k.id),
      body: "Sobre la intervención",
      createdAt: at("2026-07-01T00:00:00Z"),
    },
  });
});

const EXPECTED: [TimelineEvent["kind"], string][] = [
  ["milestone.due", "2026-07-31T06:00:00.000Z"],
  ["milestone.completed", "2026-07-15T06:00:00.000Z"],
  ["comment", "2026-07-01T00:00:00.000Z"],
  ["receivership.approved", "2026-06-25T00:00:00.000Z"],
  ["receivership.statusChanged", "2026-06-25T00:00:00.000Z"],
  ["receivership.statusChanged", "2026-06-20T00:00:00.000Z"],
  ["review.closed", "2026-06-15T18:00:00.000Z"],
  ["comment", "2026-05-20T00:00:00.000Z"],
  ["review.opened", "2026-05-02T10:00:00.000Z"],
  ["recommendation.decided", "2026-05-02T10:00:00.000Z"],
  ["recommendation.opened", "2026-05-01T12:00:00.000Z"],
  ["evaluation.levelChanged", "2026-05-01T12:00:00.000Z"],
  ["complaint.received", "2026-03-10T06:00:00.000Z"],
  ["comment", "2026-03-10T05:59:59.999Z"],
];

const summary = (events: TimelineEvent[]) => events.map((e): [string, string] => [e.kind, e.at.toISOString()]);

describe("departmentTimeline", () => {
  it("merges every source newest first, ties broken by kind, calendar days at Mexico City midnight", async () => {
    const { events, nextCursor } = await departmentTimeline(test.current.db, supervisor, department.code, { limit: 100 });
    expect(summary(events)).toEqual(EXPECTED);
    expect(nextCursor).toBeNull();
    const level = events.find((e) => e.kind === "evaluation.levelChanged");
    expect(level?.data).toMatchObject({ asOf: "2026-04-30", level: "REVIEW", previousLevel: "NONE", ruleSetId: "federal-baseline" });
    const complaint = events.find((e) => e.kind === "complaint.received");
    expect(complaint).toMatchObject({ dateOnly: true, data: { ref: "Q-TL-1", category: "TORTURE", source: "CNDH" } });
    expect(JSON.stringify(complaint)).not.toContain("dato personal");
  });

  it("pages exactly with the cursor, whatever the page size", async () => {
    for (const limit of [1, 2, 3, 5]) {
      const seen: TimelineEvent[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 20; page++) {
        const result: Awaited<ReturnType<typeof departmentTimeline>> = await departmentTimeline(
          test.current.db,
          supervisor,
          department.code,
          { limit, cursor },
        );
        seen.push(...result.events);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      expect(summary(seen)).toEqual(EXPECTED);
    }
  });

  it("pages through the procedure as the dossier's infinite query calls it (cursor and direction in the input)", async () => {
    const call = createCaller({ db: test.current.db, scope: supervisor, meta: { ip: null, userAgent: null } });
    const seen: TimelineEvent[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result: Awaited<ReturnType<typeof departmentTimeline>> = await call.timeline.department({
        departmentCode: department.code,
        limit: 2,
        cursor,
        direction: "forward",
      });
      seen.push(...result.events);
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(summary(seen)).toEqual(EXPECTED);
  });

  it("filters by kind, rejects a forged cursor and hides another state's department", async () => {
    const { db } = test.current;
    const only = await departmentTimeline(db, agMichoacan, department.code, { limit: 100, kinds: ["comment"] });
    expect(only.events.map((e) => e.data)).toMatchObject([
      { body: "Sobre la intervención" },
      { body: "Sobre la revisión", on: "REVIEW" },
      { body: "Antes" },
    ]);
    await expect(departmentTimeline(db, supervisor, department.code, { limit: 10, cursor: "bm9wZQ" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(departmentTimeline(db, agJalisco, department.code, { limit: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const call = createCaller({ db, scope: agJalisco, meta: { ip: null, userAgent: null } });
    await expect(call.timeline.department({ departmentCode: department.code })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows workflow actions as they happen through the services", async () => {
    const { db } = test.current;
    const fresh = await createDepartment(db, "16");
    const { openReview } = await import("~/server/reviews/open-review");
    const { addComment } = await import("~/server/comments/comments");
    await openReview(db, supervisor, { departmentCode: fresh.code, scope: "Revisión abierta de oficio" });
    await addComment(db, supervisor, { target: { type: "DEPARTMENT", departmentCode: fresh.code }, body: "Seguimiento" });
    const { events } = await departmentTimeline(db, supervisor, fresh.code, { limit: 10 });
    expect(events.map((e) => e.kind)).toEqual(["comment", "review.opened"]);
  });
});
