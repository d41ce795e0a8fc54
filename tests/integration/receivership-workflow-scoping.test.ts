import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { addMilestone } from "~/server/receivership/milestones";
import { proposeReceivership } from "~/server/receivership/propose";
import { addReviewSourceLink } from "~/server/reviews/source-links";
import { openReview } from "~/server/reviews/open-review";
import { useTestDatabase } from "../support/database";
import { RECEIVERSHIP_TERMS, createDepartment, createRecommendation, createUser, type TestUser } from "../support/workflow-fixtures";

const test = useTestDatabase();

/**
 * Every workflow procedure, called by Jalisco's attorney general with Michoacán's records: each must
 * answer exactly as for a record that does not exist, and change nothing.
 */
let agJalisco: TestUser;
const ids = { departmentCode: "", recommendationId: 0, reviewId: 0, linkId: 0, caseId: 0, milestoneId: 0 };

beforeAll(async () => {
  const { db } = test.current;
  const supervisor = await createUser(db, "IA_SUPERVISOR");
  agJalisco = await createUser(db, "STATE_AG", "14");
  const department = await createDepartment(db, "16");
  ids.departmentCode = department.code;
  ids.recommendationId = (await createRecommendation(db, department.id, "REVIEW")).id;
  ids.reviewId = (await openReview(db, supervisor, { departmentCode: department.code, scope: "Revisión en Michoacán" })).id;
  ids.linkId = (await addReviewSourceLink(db, supervisor, { reviewId: ids.reviewId, url: "https://cndh.org.mx/r/1", label: "CNDH" })).id;
  ids.caseId = (await proposeReceivership(db, supervisor, { departmentCode: department.code, ...RECEIVERSHIP_TERMS })).id;
  ids.milestoneId = (await addMilestone(db, supervisor, { caseId: ids.caseId, title: "Reevaluar", dueOn: "2026-12-31" })).id;
});

type Call = [string, (c: ReturnType<typeof createCaller>) => Promise<unknown>];
const calls = (): Call[] => [
  ["recommendations.get", (c) => c.recommendations.get({ id: ids.recommendationId })],
  ["recommendations.decide", (c) => c.recommendations.decide({ id: ids.recommendationId, version: 1, outcome: "ACCEPT" })],
  ["reviews.get", (c) => c.reviews.get({ id: ids.reviewId })],
  ["reviews.open", (c) => c.reviews.open({ departmentCode: ids.departmentCode, scope: "Revisión ajena al estado" })],
  ["reviews.update", (c) => c.reviews.update({ id: ids.reviewId, version: 1, findings: "x" })],
  ["reviews.close", (c) => c.reviews.close({ id: ids.reviewId, version: 1, decision: "NO_ACTION", decisionNotes: "Sin acción necesaria" })],
  ["reviews.addSourceLink", (c) => c.reviews.addSourceLink({ reviewId: ids.reviewId, url: "https://a.mx", label: "Ajeno" })],
  ["reviews.removeSourceLink", (c) => c.reviews.removeSourceLink({ id: ids.linkId })],
  ["receivership.get", (c) => c.receivership.get({ id: ids.caseId })],
  [
    "receivership.propose",
    (c) => c.receivership.propose({ departmentCode: ids.departmentCode, receivingAuthority: "SSP", terms: "Términos largos" }),
  ],
  ["receivership.edit", (c) => c.receivership.edit({ id: ids.caseId, version: 1, terms: "Otros términos" })],
  ["receivership.approve", (c) => c.receivership.approve({ id: ids.caseId, version: 1 })],
  ["receivership.withdraw", (c) => c.receivership.withdraw({ id: ids.caseId, version: 1, reason: "No procede aquí" })],
  ["receivership.addMilestone", (c) => c.receivership.addMilestone({ caseId: ids.caseId, title: "Ajeno", dueOn: "2026-12-31" })],
  ["receivership.updateMilestone", (c) => c.receivership.updateMilestone({ id: ids.milestoneId, version: 1, completedOn: "2026-12-01" })],
  ["receivership.removeMilestone", (c) => c.receivership.removeMilestone({ id: ids.milestoneId, version: 1 })],
  ["comments.list", (c) => c.comments.list({ target: { type: "REVIEW", id: ids.reviewId } })],
  ["comments.add", (c) => c.comments.add({ target: { type: "RECEIVERSHIP", id: ids.caseId }, body: "x" })],
  ["timeline.department", (c) => c.timeline.department({ departmentCode: ids.departmentCode })],
];

const snapshot = async () => {
  const { db } = test.current;
  return {
    recommendations: await db.recommendation.findMany({ orderBy: { id: "asc" } }),
    reviews: await db.review.findMany({ orderBy: { id: "asc" } }),
    links: await db.sourceLink.count(),
    cases: await db.receivershipCase.findMany({ orderBy: { id: "asc" } }),
    approvals: await db.receivershipApproval.count(),
    milestones: await db.receivershipMilestone.findMany({ orderBy: { id: "asc" } }),
    comments: await db.comment.count(),
  };
};

describe("another state's attorney general", () => {
  it("gets NOT_FOUND from every workflow procedure on Michoacán records, and nothing changes", async () => {
    const caller = createCaller({ db: test.current.db, scope: agJalisco, meta: { ip: null, userAgent: null } });
    const before = await snapshot();
    const outcomes: Record<string, string> = {};
    for (const [name, call] of calls()) {
      outcomes[name] = await call(caller).then(
        () => "OK",
        (error: unknown) => (error as { code?: string }).code ?? "?",
      );
    }
    expect(outcomes).toEqual(Object.fromEntries(calls().map(([name]) => [name, "NOT_FOUND"])));
    expect(await snapshot()).toEqual(before);
  });

  it("sees none of those records in the lists", async () => {
    const caller = createCaller({ db: test.current.db, scope: agJalisco, meta: { ip: null, userAgent: null } });
    expect((await caller.recommendations.list({})).total).toBe(0);
    expect((await caller.reviews.list({})).total).toBe(0);
    expect((await caller.receivership.list({})).total).toBe(0);
  });
});
