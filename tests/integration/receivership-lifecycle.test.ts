import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { liftReceivership, withdrawReceivership } from "~/server/receivership/end";
import { getReceivership, listReceiverships } from "~/server/receivership/list-receiverships";
import { addMilestone, removeMilestone, updateMilestone } from "~/server/receivership/milestones";
import { type ProposalTerms, proposeReceivership } from "~/server/receivership/propose";
import { updateExitCriteriaFromRun } from "~/server/receivership/update-exit-criteria";
import { useTestDatabase } from "../support/database";
import {
  approveInTurn,
  caseVersion,
  createDepartment,
  createRecommendation,
  createRun,
  createUser,
  proposeForNewDepartment,
  RECEIVERSHIP_TERMS,
  type TestUser,
} from "../support/workflow-fixtures";

const test = useTestDatabase();
const terms = RECEIVERSHIP_TERMS;

let supervisor: TestUser, supervisor2: TestUser, agMichoacan: TestUser, agMichoacan2: TestUser, agJalisco: TestUser;

beforeAll(async () => {
  const { db } = test.current;
  supervisor = await createUser(db, "IA_SUPERVISOR");
  supervisor2 = await createUser(db, "IA_SUPERVISOR");
  await createUser(db, "IA_ANALYST"); // keeps the user ids the fixtures below expect
  agMichoacan = await createUser(db, "STATE_AG", "16");
  agMichoacan2 = await createUser(db, "STATE_AG", "16");
  agJalisco = await createUser(db, "STATE_AG", "14");
});

const propose = (by: TestUser = supervisor, extra: Partial<ProposalTerms> = {}) => proposeForNewDepartment(test.current.db, by, extra);
const version = (id: number) => caseVersion(test.current.db, id);
const audits = (action: string, targetId: number) =>
  test.current.db.auditEvent.findMany({ where: { action, targetType: "ReceivershipCase", targetId: String(targetId) } });

async function imposed() {
  const proposal = await propose();
  await approveInTurn(test.current.db, proposal.id, [supervisor, agMichoacan]);
  return proposal;
}

describe("lifting", () => {
  it("is blocked while any criterion is unmet, allowed with a documented supervisor override", async () => {
    const { db } = test.current;
    const { id, department } = await imposed();
    const { run } = await createRun(db, {
      asOf: "2026-09-30",
      results: [
        {
          departmentId: department.id,
          level: "REVIEW",
          rules: [
            { id: "vetting-coverage", value: 96 },
            { id: "failed-vetting-on-duty", value: 1 },
            { id: "training-compliance", value: 92 },
          ],
        },
      ],
    });
    await db.$transaction((tx) => updateExitCriteriaFromRun(tx, run.id));
    await expect(liftReceivership(db, supervisor, { id, version: await version(id) })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("failed-vetting-on-duty ≤ 0"),
    });
    await expect(
      liftReceivership(db, supervisor, { id, version: await version(id), overrideReason: "demasiado corto" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const before = { id, version: await version(id), overrideReason: "Motivo largo y documentado de la excepción al levantar." };
    await expect(liftReceivership(db, supervisor, { ...before, endDate: "2020-01-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("before the receivership's start date"),
    });
    expect((await getReceivership(db, supervisor, id)).status).toBe("IMPOSED");
    const reason = "El elemento con evaluación no aprobada fue dado de baja el 28/09; la baja aún no llega al registro.";
    const lifted = await liftReceivership(db, supervisor, {
      id,
      version: await version(id),
      overrideReason: reason,
      endDate: "2027-10-01",
    });
    expect(lifted).toMatchObject({ status: "LIFTED", overridden: true });
    const found = await getReceivership(db, supervisor, id);
    expect(found).toMatchObject({ status: "LIFTED", endDate: "2027-10-01", liftOverrideReason: reason });
    expect(found.statusHistory.map((h) => h.toStatus)).toEqual(["PROPOSED", "IMPOSED", "LIFTED"]);
    expect(await audits("receivership.liftOverride", id)).toHaveLength(1);
  });

  it("is allowed without override when every criterion is met", async () => {
    const { db } = test.current;
    const { id, department } = await imposed();
    const { run } = await createRun(db, {
      asOf: "2026-09-30",
      results: [
        {
          departmentId: department.id,
          level: "NONE",
          rules: [
            { id: "vetting-coverage", value: 95 },
            { id: "failed-vetting-on-duty", value: 0 },
            { id: "training-compliance", value: 90 },
          ],
        },
      ],
    });
    await db.$transaction((tx) => updateExitCriteriaFromRun(tx, run.id));
    expect((await getReceivership(db, supervisor, id)).allCriteriaMet).toBe(true);
    const lifted = await liftReceivership(db, supervisor, { id, version: await version(id) });
    expect(lifted).toMatchObject({ status: "LIFTED", overridden: false });
    expect((await getReceivership(db, supervisor, id)).liftOverrideReason).toBeNull();
    expect(await audits("receivership.lift", id)).toHaveLength(1);
  });

  it("is refused to a state AG, to a proposed case and on a stale version", async () => {
    const { db } = test.current;
    const { id } = await imposed();
    const reason = "Override documentado con un motivo suficientemente largo.";
    await expect(liftReceivership(db, agMichoacan, { id, version: await version(id), overrideReason: reason })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(liftReceivership(db, supervisor, { id, version: (await version(id)) - 1, overrideReason: reason })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const proposed = await propose();
    await expect(
      liftReceivership(db, supervisor, { id: proposed.id, version: await version(proposed.id), overrideReason: reason }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("withdrawing", () => {
  it("ends a proposal (proposer or supervisor), never an imposed case", async () => {
    const { db } = test.current;
    const department = await createDepartment(db, "16");
    const { id } = await proposeReceivership(db, agMichoacan, { departmentCode: department.code, ...terms });
    await expect(
      withdrawReceivership(db, agMichoacan2, { id, version: await version(id), reason: "No procede la propuesta" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await withdrawReceivership(db, agMichoacan, { id, version: await version(id), reason: "No procede la propuesta" });
    expect((await getReceivership(db, supervisor, id)).status).toBe("WITHDRAWN");
    const live = await imposed();
    await expect(
      withdrawReceivership(db, supervisor, { id: live.id, version: await version(live.id), reason: "Ya no es necesaria" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("milestones", () => {
  it("are added, completed and removed with versions, only on live cases", async () => {
    const { db } = test.current;
    const { id } = await imposed();
    const m = await addMilestone(db, supervisor, { caseId: id, title: "Reevaluar a todo el personal", dueOn: "2026-12-31" });
    await expect(addMilestone(db, supervisor, { caseId: id, title: "Fecha inválida", dueOn: "2026-02-30" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const done = await updateMilestone(db, agMichoacan, { id: m.id, version: m.version, completedOn: "2026-11-15" });
    await expect(updateMilestone(db, supervisor, { id: m.id, version: m.version, title: "Otro título" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(removeMilestone(db, supervisor, { id: m.id, version: done.version })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateMilestone(db, agJalisco, { id: m.id, version: done.version, title: "Ajeno" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const found = await getReceivership(db, supervisor, id);
    expect(found.milestones).toEqual([
      { id: m.id, version: 2, title: "Reevaluar a todo el personal", dueOn: "2026-12-31", completedOn: "2026-11-15" },
    ]);
    const extra = await addMilestone(db, supervisor, { caseId: id, title: "Sobrante", dueOn: "2027-01-31" });
    await removeMilestone(db, supervisor, { id: extra.id, version: extra.version });
    expect(await db.receivershipMilestone.count({ where: { caseId: id } })).toBe(1);
    expect(
      await db.auditEvent.count({ where: { targetType: "ReceivershipMilestone", targetId: { in: [String(m.id), String(extra.id)] } } }),
    ).toBe(4);
  });
});

describe("listing", () => {
  it("shows a state AG only their state's cases and filters by status", async () => {
    const { db } = test.current;
    const jalisco = await createDepartment(db, "14");
    await proposeReceivership(db, supervisor, { departmentCode: jalisco.code, ...terms });
    const mine = await listReceiverships(db, agMichoacan, { page: 1, pageSize: 200 });
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.department.stateCode === "16")).toBe(true);
    const theirs = await listReceiverships(db, agJalisco, { page: 1, pageSize: 200 });
    expect(theirs.rows.map((r) => r.department.code)).toEqual([jalisco.code]);
    const all = await listReceiverships(db, supervisor, { page: 1, pageSize: 200, status: ["IMPOSED"] });
    expect(all.rows.length).toBeGreaterThan(0);
    expect(all.rows.every((r) => r.status === "IMPOSED")).toBe(true);
  });
});

describe("the full lifecycle through the router", () => {
  it("goes recommendation → proposal → two approvals → criteria met → lifted, all on the timeline", async () => {
    const { db } = test.current;
    const call = (scope: TestUser) => createCaller({ db, scope, meta: { ip: "10.1.1.1", userAgent: "vitest" } });
    const department = await createDepartment(db, "16");
    const rec = await createRecommendation(db, department.id, "RECEIVERSHIP", "REVIEW");
    const accepted = await call(supervisor).recommendations.decide({
      id: rec.id,
      version: rec.version,
      outcome: "ACCEPT",
      receivership: { receivingAuthority: "Secretaría de Seguridad estatal", terms: "Mando operativo por 12 meses" },
    });
    const id = "receivershipId" in accepted ? accepted.receivershipId : -1;
    let found = await call(agMichoacan).receivership.get({ id });
    await expect(call(agMichoacan).receivership.approve({ id, version: found.version })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await call(agMichoacan).receivership.edit({ id, version: found.version, legalBasis: RECEIVERSHIP_TERMS.legalBasis });
    found = await call(agMichoacan).receivership.get({ id });
    await call(agMichoacan).receivership.approve({ id, version: found.version });
    found = await call(supervisor2).receivership.get({ id });
    expect((await call(supervisor2).receivership.approve({ id, version: found.version })).status).toBe("IMPOSED");

    const { run } = await createRun(db, {
      asOf: "2027-06-30",
      results: [
        {
          departmentId: department.id,
          level: "NONE",
          rules: [
            { id: "vetting-coverage", value: 97 },
            { id: "failed-vetting-on-duty", value: 0 },
            { id: "training-compliance", value: 91.5 },
          ],
        },
      ],
    });
    await db.$transaction((tx) => updateExitCriteriaFromRun(tx, run.id));
    found = await call(supervisor).receivership.get({ id });
    // Derived from the one rule that fired (vetting-coverage: WATCH when V < 90, so the exit is V ≥ 90).
    expect(found.exitCriteria.map((c) => [c.ruleId, c.comparator, c.threshold, c.currentValue, c.met])).toEqual([
      ["vetting-coverage", "GTE", 90, 97, true],
    ]);
    await expect(call(agMichoacan).receivership.lift({ id, version: found.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await call(supervisor).receivership.lift({ id, version: found.version });
    expect((await call(supervisor).receivership.get({ id })).status).toBe("LIFTED");

    const { events } = await call(agMichoacan).timeline.department({
      departmentCode: department.code,
      kinds: ["receivership.statusChanged", "recommendation.decided"],
    });
    expect(events.map((e) => (e.kind === "receivership.statusChanged" ? e.data.toStatus : e.kind))).toEqual([
      "LIFTED",
      "IMPOSED",
      "PROPOSED",
      "recommendation.decided",
    ]);
    const actions = await db.auditEvent.findMany({
      where: { targetType: "ReceivershipCase", targetId: String(id) },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "receivership.propose",
      // Filled from the recommendation's own run (vetting-coverage 40) as the proposal opened.
      "receivership.exitCriteria.update",
      "receivership.edit",
      "receivership.approve",
      "receivership.impose",
      "receivership.exitCriteria.update",
      "receivership.lift",
    ]);
    expect(actions.filter((a) => a.actorId !== null).every((a) => a.ip === "10.1.1.1")).toBe(true);
  });
});
