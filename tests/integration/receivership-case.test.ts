import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { conditionHolds } from "~/server/rules/conditions";
import { ZRuleSetDefinition } from "~/server/rules/definition";
import { METRICS } from "~/server/rules/metrics";
import { fromDecimal } from "~/server/rules/rational";
import { approveReceivership } from "~/server/receivership/approve";
import { deriveExitCriteria } from "~/server/receivership/derive-exit-criteria";
import { editReceivershipProposal } from "~/server/receivership/edit-proposal";
import { extendReceivership } from "~/server/receivership/extend";
import { getReceivership } from "~/server/receivership/list-receiverships";
import { addCaseSourceLink, removeCaseSourceLink } from "~/server/receivership/source-links";
import { decideRecommendation } from "~/server/recommendations/decide-recommendation";
import { departmentTimeline } from "~/server/departments/timeline";
import { useTestDatabase } from "../support/database";
import {
  approveInTurn,
  caseVersion,
  createDepartment,
  createRun,
  createUser,
  proposeForNewDepartment,
  publishedVersionId,
  type TestUser,
} from "../support/workflow-fixtures";

const test = useTestDatabase();
let supervisor: TestUser, supervisor2: TestUser, agMichoacan: TestUser, agJalisco: TestUser;

beforeAll(async () => {
  const { db } = test.current;
  supervisor = await createUser(db, "IA_SUPERVISOR");
  supervisor2 = await createUser(db, "IA_SUPERVISOR");
  agMichoacan = await createUser(db, "STATE_AG", "16");
  agJalisco = await createUser(db, "STATE_AG", "14");
});

const version = (id: number) => caseVersion(test.current.db, id);
const reason = "Los hitos de depuración no se cumplieron a tiempo por la rotación del mando.";

describe("approvals and proposal revisions", () => {
  it("records the revision each approval approved; an edit withdraws them visibly and starts a new revision", async () => {
    const { db } = test.current;
    const { id } = await proposeForNewDepartment(db, supervisor);
    await approveReceivership(db, supervisor, { id, version: await version(id) });
    let found = await getReceivership(db, agMichoacan, id);
    expect(found.proposalRevision).toBe(1);
    expect(found.approvals.map((a) => [a.userId, a.proposalRevision])).toEqual([[supervisor.userId, 1]]);

    const edited = await editReceivershipProposal(db, agMichoacan, { id, version: found.version, terms: "Mando operativo por 18 meses" });
    expect(edited).toMatchObject({ proposalRevision: 2, approvalsWithdrawn: 1 });
    found = await getReceivership(db, agMichoacan, id);
    expect(found.approvals).toEqual([]);
    expect(found.amendments).toHaveLength(1);
    expect(found.amendments[0]).toMatchObject({
      kind: "PROPOSAL_EDITED",
      proposalRevision: 2,
      changedBy: { id: agMichoacan.userId },
      changes: { terms: { after: "Mando operativo por 18 meses" } },
      withdrawnApprovals: [{ userId: supervisor.userId, role: "IA_SUPERVISOR", proposalRevision: 1 }],
    });

    await approveReceivership(db, agMichoacan, { id, version: found.version });
    found = await getReceivership(db, supervisor, id);
    expect(found.approvals.map((a) => [a.role, a.proposalRevision])).toEqual([["STATE_AG", 2]]);
    const timeline = await departmentTimeline(db, supervisor, found.department.code, { limit: 50, kinds: ["receivership.amended"] });
    expect(timeline.events.map((e) => e.kind === "receivership.amended" && [e.data.amendment, e.data.approvalsWithdrawn])).toEqual([
      ["PROPOSAL_EDITED", 1],
    ]);
  });

  it("refuses an edit that changes nothing, and a stale one, changing nothing", async () => {
    const { db } = test.current;
    const { id } = await proposeForNewDepartment(db, supervisor);
    await approveReceivership(db, supervisor, { id, version: await version(id) });
    const before = await getReceivership(db, supervisor, id);
    await expect(editReceivershipProposal(db, supervisor2, { id, version: before.version, terms: before.terms })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Nothing to save"),
    });
    await expect(
      editReceivershipProposal(db, supervisor2, { id, version: before.version - 1, terms: "Otros términos del acuerdo" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const after = await getReceivership(db, supervisor, id);
    expect([after.version, after.proposalRevision, after.approvals.length, after.amendments.length]).toEqual([before.version, 1, 1, 0]);
  });

  it("rejects a review date on or before the start date", async () => {
    const { db } = test.current;
    await expect(proposeForNewDepartment(db, supervisor, { startDate: "2027-01-10", reviewDate: "2027-01-10" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The review date must be after the start date",
    });
    const { id } = await proposeForNewDepartment(db, supervisor, { startDate: "2027-01-10", reviewDate: "2027-01-11" });
    expect((await getReceivership(db, supervisor, id)).reviewDate).toBe("2027-01-11");
  });
});

describe("extending an imposed receivership", () => {
  async function imposedCase(reviewDate: string) {
    const { db } = test.current;
    const proposal = await proposeForNewDepartment(db, supervisor, { startDate: "2027-01-01", reviewDate });
    await approveInTurn(db, proposal.id, [supervisor, agMichoacan]);
    return proposal;
  }

  it("moves the review date later with a reason, kept as history and audited; boundaries exact", async () => {
    const { db } = test.current;
    const { id, department } = await imposedCase("2030-06-30");
    await expect(
      extendReceivership(db, agMichoacan, { id, version: await version(id), reviewDate: "2031-01-01", reason }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      extendReceivership(db, supervisor, { id, version: await version(id), reviewDate: "2031-01-01", reason: "corto" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Reason") });
    await expect(
      extendReceivership(db, supervisor, { id, version: await version(id), reviewDate: "2030-06-30", reason }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("after 2030-06-30") });
    await expect(
      extendReceivership(db, supervisor, { id, version: await version(id), reviewDate: "2031-02-30", reason }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      extendReceivership(db, supervisor, { id, version: (await version(id)) - 1, reviewDate: "2030-07-01", reason }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await getReceivership(db, supervisor, id)).amendments).toEqual([]);

    const extended = await extendReceivership(db, supervisor, { id, version: await version(id), reviewDate: "2030-07-01", reason });
    expect(extended.reviewDate).toBe("2030-07-01");
    const found = await getReceivership(db, agMichoacan, id);
    expect(found.reviewDate).toBe("2030-07-01");
    expect(found.status).toBe("IMPOSED");
    expect(found.amendments).toMatchObject([
      {
        kind: "EXTENDED",
        reason,
        changes: { reviewDate: { before: "2030-06-30", after: "2030-07-01" } },
        changedBy: { id: supervisor.userId },
      },
    ]);
    const audits = await db.auditEvent.findMany({ where: { action: "receivership.extend", targetId: String(id) } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: supervisor.userId,
      stateCode: "16",
      changes: { reviewDate: { before: "2030-06-30", after: "2030-07-01" } },
    });
    const timeline = await departmentTimeline(db, agMichoacan, department.code, { limit: 50, kinds: ["receivership.amended"] });
    expect(timeline.events).toMatchObject([{ kind: "receivership.amended", data: { amendment: "EXTENDED", reason } }]);
  });

  it("is refused on a proposal, and hides another state's case as not found", async () => {
    const { db } = test.current;
    const { id } = await proposeForNewDepartment(db, supervisor);
    await expect(
      extendReceivership(db, supervisor, { id, version: await version(id), reviewDate: "2031-01-01", reason }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const other = await imposedCase("2030-06-30");
    await expect(getReceivership(db, agJalisco, other.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("source links on a case", () => {
  it("attaches web links only, removes them, both audited; out of scope is not found", async () => {
    const { db } = test.current;
    const { id } = await proposeForNewDepartment(db, supervisor);
    await expect(addCaseSourceLink(db, agMichoacan, { caseId: id, url: "javascript:alert(1)", label: "x y" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(addCaseSourceLink(db, agJalisco, { caseId: id, url: "https://dof.gob.mx/a", label: "DOF" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const link = await addCaseSourceLink(db, agMichoacan, { caseId: id, url: "https://dof.gob.mx/nota", label: "Orden del Gobernador" });
    expect((await getReceivership(db, supervisor, id)).sourceLinks).toMatchObject([
      { id: link.id, url: "https://dof.gob.mx/nota", label: "Orden del Gobernador" },
    ]);
    await expect(removeCaseSourceLink(db, agJalisco, { id: link.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await removeCaseSourceLink(db, supervisor, { id: link.id });
    expect((await getReceivership(db, supervisor, id)).sourceLinks).toEqual([]);
    const actions = await db.auditEvent.findMany({
      where: { targetType: "ReceivershipCase", targetId: String(id), action: { startsWith: "receivership.sourceLink" } },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["receivership.sourceLink.add", "receivership.sourceLink.remove"]);
  });
});

describe("exit criteria prefilled from the rules that fired", () => {
  it("accepting a RECEIVERSHIP-level recommendation proposes the negation of each fired rule's lowest level", async () => {
    const { db } = test.current;
    const department = await createDepartment(db, "16");
    const { run, results } = await createRun(db, {
      asOf: "2026-06-30",
      results: [
        {
          departmentId: department.id,
          level: "RECEIVERSHIP",
          rules: [
            { id: "vetting-coverage", level: "RECEIVERSHIP", value: 40 },
            { id: "failed-vetting-on-duty", level: "RECEIVERSHIP", value: 4 },
            { id: "training-compliance", level: "NONE", value: 85 },
            { id: "serious-abuse", level: "REVIEW", value: 1 },
            { id: "complaint-rate", level: "WATCH", value: 12 },
          ],
        },
      ],
    });
    const rec = await db.recommendation.create({
      data: {
        departmentId: department.id,
        evaluationRunId: run.id,
        evaluationResultId: results[0]!.id,
        level: "RECEIVERSHIP",
        previousLevel: "REVIEW",
      },
    });
    const accepted = await decideRecommendation(db, supervisor, {
      id: rec.id,
      version: rec.version,
      outcome: "ACCEPT",
      receivership: { receivingAuthority: "Secretaría de Seguridad estatal", terms: "Mando operativo por 12 meses" },
    });
    const id = "receivershipId" in accepted ? accepted.receivershipId : -1;
    const found = await getReceivership(db, supervisor, id);
    // complaint-rate (Q ≥ 3 and C > 2 × M) does not compare its main value with a constant: no criterion.
    expect(found.exitCriteria.map((c) => [c.ruleId, c.comparator, c.threshold, c.currentValue, c.met])).toEqual([
      ["vetting-coverage", "GTE", 90, 40, false],
      ["failed-vetting-on-duty", "LTE", 0, 4, false],
      ["serious-abuse", "LTE", 0, 1, false],
    ]);
    expect(found.recommendation).toMatchObject({ id: rec.id, level: "RECEIVERSHIP", asOf: "2026-06-30" });
  });

  it("a derived criterion is met exactly when the rule's lowest level no longer holds (property, published definition)", async () => {
    const { db } = test.current;
    const definition = (await db.ruleSetVersion.findUniqueOrThrow({ where: { id: await publishedVersionId(db) } })).definition;
    const rules = ZRuleSetDefinition.parse(definition).rules;
    const derived = deriveExitCriteria(
      definition,
      rules.map((r) => ({ id: r.id, level: "WATCH" as const, value: 0 })),
    );
    expect(derived.map((c) => c.ruleId)).toEqual([
      "vetting-coverage",
      "failed-vetting-on-duty",
      "training-compliance",
      "serious-abuse",
      "human-rights-recommendations",
      "corruption-not-reduced",
    ]);
    // Plain reference: a criterion is met when value ≥ / ≤ threshold (as the SQL of update-exit-criteria decides).
    const meets = (c: (typeof derived)[number], value: number) => (c.comparator === "GTE" ? value >= c.threshold : value <= c.threshold);
    for (const criterion of derived) {
      const rule = rules.find((r) => r.id === criterion.ruleId)!;
      const lowest = rule.levels.find((l) => l.level === "WATCH") ?? rule.levels.find((l) => l.level === "REVIEW")!;
      const figure = METRICS[rule.metric].value;
      const counts = ["failedVettingOnDuty", "complaintCount", "complaintTrend"].includes(rule.metric);
      const values = counts ? fc.integer({ min: 0, max: 500 }) : fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 10_000);
      fc.assert(
        fc.property(values, (value) => {
          // Other figures of an `all` are set so that only the main value decides.
          const figures = { [figure]: fromDecimal(value), N: fromDecimal(1000), share: fromDecimal(100), K1: fromDecimal(0) };
          return meets(criterion, value) === !conditionHolds(lowest.when, figures);
        }),
        { numRuns: 300 },
      );
    }
  });
});
