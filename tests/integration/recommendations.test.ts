import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import type { Scope } from "~/server/authz/scope";
import { decideRecommendation } from "~/server/recommendations/decide-recommendation";
import { getRecommendation, listRecommendations } from "~/server/recommendations/list-recommendations";
import { DEFAULT_QUEUE_QUERY } from "~/server/recommendations/queue-query";
import { getReceivership } from "~/server/receivership/list-receiverships";
import { getReview } from "~/server/reviews/list-reviews";
import { useTestDatabase } from "../support/database";
import { createDepartment, createRecommendation, createUser, type TestUser } from "../support/workflow-fixtures";

const test = useTestDatabase();
let supervisor: TestUser, analyst: TestUser, agMichoacan: TestUser, agJalisco: TestUser, auditor: TestUser;

beforeAll(async () => {
  const { db } = test.current;
  supervisor = await createUser(db, "IA_SUPERVISOR");
  analyst = await createUser(db, "IA_ANALYST");
  agMichoacan = await createUser(db, "STATE_AG", "16");
  agJalisco = await createUser(db, "STATE_AG", "14");
  auditor = await createUser(db, "AUDITOR");
});

const caller = (scope: Scope) => createCaller({ db: test.current.db, scope, meta: { ip: "10.0.0.9", userAgent: "vitest" } });
const JUSTIFICATION = "La baja de 12 elementos se registró tarde; el padrón corregido da cobertura suficiente.";

async function recommendation(level: "WATCH" | "REVIEW" | "RECEIVERSHIP", stateCode = "16") {
  const department = await createDepartment(test.current.db, stateCode);
  return { department, rec: await createRecommendation(test.current.db, department.id, level) };
}

describe("listing and detail", () => {
  it("lists within scope with filters, and attaches the persisted explanation to the detail", async () => {
    const { db } = test.current;
    const { rec, department } = await recommendation("REVIEW");
    const other = await recommendation("RECEIVERSHIP", "14");
    const michoacan = await listRecommendations(db, agMichoacan, { ...DEFAULT_QUEUE_QUERY, pageSize: 200 });
    expect(michoacan.rows.map((r) => r.id)).toContain(rec.id);
    expect(michoacan.rows.every((r) => r.department.stateCode === "16")).toBe(true);
    const receivership = await listRecommendations(db, supervisor, { ...DEFAULT_QUEUE_QUERY, toLevel: "RECEIVERSHIP", pageSize: 200 });
    expect(receivership.rows.map((r) => r.id)).toEqual([other.rec.id]);
    expect((await listRecommendations(db, supervisor, { ...DEFAULT_QUEUE_QUERY, stateCode: "14", pageSize: 200 })).total).toBe(1);
    const detail = await getRecommendation(db, agMichoacan, rec.id);
    expect(detail).toMatchObject({
      level: "REVIEW",
      previousLevel: "NONE",
      department: { code: department.code },
      explanation: {
        asOf: "2026-06-30",
        ruleSet: { ruleSetId: "federal-baseline", version: 1 },
        level: "REVIEW",
        rules: [{ id: "vetting-coverage", level: "REVIEW", value: 40 }],
      },
      decision: null,
    });
    await expect(getRecommendation(db, agJalisco, rec.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRecommendation(db, supervisor, 987_654)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("accepting", () => {
  it("a REVIEW-level one opens a linked review owned by the decider, audited with before/after", async () => {
    const { db } = test.current;
    const { rec } = await recommendation("REVIEW");
    const result = await decideRecommendation(db, supervisor, {
      id: rec.id,
      version: rec.version,
      outcome: "ACCEPT",
      review: { dueOn: "2026-08-31" },
    });
    expect(result).toMatchObject({ status: "ACCEPTED", version: 2 });
    const reviewId = "reviewId" in result ? result.reviewId : -1;
    const review = await getReview(db, supervisor, reviewId);
    expect(review).toMatchObject({ recommendationId: rec.id, owner: { id: supervisor.userId }, dueOn: "2026-08-31", status: "OPEN" });
    expect(review.scope).toContain(`recomendación #${rec.id}`);
    const detail = await getRecommendation(db, supervisor, rec.id);
    expect(detail.decision).toMatchObject({ outcome: "ACCEPTED", decidedBy: { id: supervisor.userId } });
    expect(detail.reviews).toEqual([{ id: reviewId, status: "OPEN" }]);
    const [audit] = await db.auditEvent.findMany({ where: { action: "recommendation.accept", targetId: String(rec.id) } });
    expect(audit).toMatchObject({ actorId: supervisor.userId, role: "IA_SUPERVISOR", stateCode: "16", metadata: { reviewId } });
    expect(audit?.changes).toMatchObject({
      status: { before: "OPEN", after: "ACCEPTED" },
      decidedById: { before: null, after: supervisor.userId },
    });
  });

  it("a RECEIVERSHIP-level one opens a proposal (not an imposition) and needs its terms", async () => {
    const { db } = test.current;
    const { rec } = await recommendation("RECEIVERSHIP");
    await expect(decideRecommendation(db, supervisor, { id: rec.id, version: rec.version, outcome: "ACCEPT" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).status).toBe("OPEN");
    const result = await decideRecommendation(db, supervisor, {
      id: rec.id,
      version: rec.version,
      outcome: "ACCEPT",
      receivership: { receivingAuthority: "Secretaría de Seguridad Pública estatal", terms: "Mando operativo por 12 meses" },
    });
    const caseId = "receivershipId" in result ? result.receivershipId : -1;
    const proposal = await getReceivership(db, supervisor, caseId);
    expect(proposal).toMatchObject({ status: "PROPOSED", recommendationId: rec.id, approvals: [] });
  });

  it("a state AG accepts a REVIEW-level one of their state, but not other levels nor other states", async () => {
    const { db } = test.current;
    const review = await recommendation("REVIEW");
    const receivership = await recommendation("RECEIVERSHIP");
    const watch = await recommendation("WATCH");
    const jalisco = await recommendation("REVIEW", "14");
    await expect(decideRecommendation(db, agMichoacan, { id: receivership.rec.id, version: 1, outcome: "ACCEPT" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      decideRecommendation(db, agMichoacan, {
        id: watch.rec.id,
        version: 1,
        outcome: "DISMISS",
        reason: "OTHER",
        justification: JUSTIFICATION,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideRecommendation(db, agMichoacan, { id: jalisco.rec.id, version: 1, outcome: "ACCEPT" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(decideRecommendation(db, analyst, { id: review.rec.id, version: 1, outcome: "ACCEPT" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const accepted = await decideRecommendation(db, agMichoacan, { id: review.rec.id, version: 1, outcome: "ACCEPT" });
    expect(accepted.status).toBe("ACCEPTED");
    expect(
      await db.recommendation.count({ where: { id: { in: [receivership.rec.id, watch.rec.id, jalisco.rec.id] }, status: "OPEN" } }),
    ).toBe(3);
  });

  it("a WATCH-level one accepted by a supervisor opens a review", async () => {
    const { rec } = await recommendation("WATCH");
    const result = await decideRecommendation(test.current.db, supervisor, { id: rec.id, version: 1, outcome: "ACCEPT" });
    expect("reviewId" in result).toBe(true);
  });
});

describe("dismissing", () => {
  it("records the reason category and justification; a short justification changes nothing", async () => {
    const { db } = test.current;
    const { rec } = await recommendation("REVIEW");
    await expect(
      decideRecommendation(db, supervisor, {
        id: rec.id,
        version: 1,
        outcome: "DISMISS",
        reason: "DATA_ERROR",
        justification: "   error   ",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at least 30") });
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({ status: "OPEN", version: 1 });
    await decideRecommendation(db, supervisor, {
      id: rec.id,
      version: 1,
      outcome: "DISMISS",
      reason: "DATA_ERROR",
      justification: JUSTIFICATION,
    });
    const detail = await getRecommendation(db, supervisor, rec.id);
    expect(detail.decision).toMatchObject({ outcome: "DISMISSED", dismissReason: "DATA_ERROR", justification: JUSTIFICATION });
    expect(detail.reviews).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "recommendation.dismiss", targetId: String(rec.id) } })).toBe(1);
  });

  it("deciding twice or on a stale version is a CONFLICT", async () => {
    const { db } = test.current;
    const { rec } = await recommendation("REVIEW");
    await decideRecommendation(db, supervisor, {
      id: rec.id,
      version: 1,
      outcome: "DISMISS",
      reason: "FALSE_POSITIVE",
      justification: JUSTIFICATION,
    });
    await expect(decideRecommendation(db, supervisor, { id: rec.id, version: 2, outcome: "ACCEPT" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(decideRecommendation(db, supervisor, { id: rec.id, version: 1, outcome: "ACCEPT" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const other = await recommendation("REVIEW");
    await db.recommendation.update({ where: { id: other.rec.id }, data: { version: { increment: 1 } } });
    await expect(decideRecommendation(db, supervisor, { id: other.rec.id, version: 1, outcome: "ACCEPT" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.review.count({ where: { recommendationId: other.rec.id } })).toBe(0);
  });

  it("runs two concurrent decisions so exactly one wins", async () => {
    const { rec } = await recommendation("REVIEW");
    const outcomes = await Promise.allSettled([
      decideRecommendation(test.current.db, supervisor, { id: rec.id, version: 1, outcome: "ACCEPT" }),
      decideRecommendation(test.current.db, agMichoacan, {
        id: rec.id,
        version: 1,
        outcome: "DISMISS",
        reason: "OTHER",
        justification: JUSTIFICATION,
      }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
  });
});

describe("through the router", () => {
  it("maps errors to tRPC codes, validates input strictly and records the origin", async () => {
    const { rec } = await recommendation("REVIEW");
    await expect(caller(analyst).recommendations.decide({ id: rec.id, version: 1, outcome: "ACCEPT" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller(auditor).recommendations.decide({ id: rec.id, version: 1, outcome: "ACCEPT" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      caller(supervisor).recommendations.decide({ id: rec.id, version: 1, outcome: "ACCEPT", status: "ACCEPTED" } as never),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller(agJalisco).recommendations.get({ id: rec.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await caller(auditor).recommendations.get({ id: rec.id })).id).toBe(rec.id);
    await caller(supervisor).recommendations.decide({
      id: rec.id,
      version: 1,
      outcome: "DISMISS",
      reason: "ALREADY_ADDRESSED",
      justification: JUSTIFICATION,
    });
    const audit = await test.current.db.auditEvent.findFirstOrThrow({
      where: { action: "recommendation.dismiss", targetId: String(rec.id) },
    });
    expect(audit).toMatchObject({ ip: "10.0.0.9", userAgent: "vitest", sessionId: supervisor.sessionId });
    await expect(caller(supervisor).recommendations.decide({ id: rec.id, version: 2, outcome: "ACCEPT" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});
