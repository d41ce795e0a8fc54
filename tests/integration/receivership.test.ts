import { beforeAll, describe, expect, it } from "vitest";
import { approvalsSufficeToImpose, approveReceivership } from "~/server/receivership/approve";
import { editReceivershipProposal } from "~/server/receivership/edit-proposal";
import { liftReceivership, withdrawReceivership } from "~/server/receivership/end";
import { getReceivership, listReceiverships } from "~/server/receivership/list-receiverships";
import { addMilestone, removeMilestone, updateMilestone } from "~/server/receivership/milestones";
import { type ProposalTerms, proposeReceivership } from "~/server/receivership/propose";
import { canTransition, RECEIVERSHIP_TRANSITIONS } from "~/server/receivership/state-machine";
import { updateExitCriteriaFromRun } from "~/server/receivership/update-exit-criteria";
import { useTestDatabase } from "../support/database";
import { createDepartment, createRun, createUser, type TestUser } from "../support/workflow-fixtures";

const test = useTestDatabase();

const LEGAL_BASIS = "Artículos 21 y 115, fracción VII, de la Constitución; orden del Gobernador 12/2026.";
const terms = { receivingAuthority: "Secretaría de Seguridad Pública de Michoacán", terms: "Mando operativo por 12 meses", legalBasis: LEGAL_BASIS };

let supervisor: TestUser, supervisor2: TestUser, analyst: TestUser, agMichoacan: TestUser, agMichoacan2: TestUser, agJalisco: TestUser;

beforeAll(async () => {
  const { db } = test.current;
  supervisor = await createUser(db, "IA_SUPERVISOR");
  supervisor2 = await createUser(db, "IA_SUPERVISOR");
  analyst = await createUser(db, "IA_ANALYST");
  agMichoacan = await createUser(db, "STATE_AG", "16");
  agMichoacan2 = await createUser(db, "STATE_AG", "16");
  agJalisco = await createUser(db, "STATE_AG", "14");
});

async function propose(by: TestUser = supervisor, extra: Partial<ProposalTerms> = {}) {
  const { db } = test.current;
  const department = await createDepartment(db, "16");
  const proposal = await proposeReceivership(db, by, { departmentCode: department.code, ...terms, ...extra });
  return { department, ...proposal };
}

const version = async (id: number) => (await test.current.db.receivershipCase.findUniqueOrThrow({ where: { id } })).version;
const audits = (action: string, targetId: number) =>
  test.current.db.auditEvent.findMany({ where: { action, targetType: "ReceivershipCase", targetId: String(targetId) } });

describe("the state machine", () => {
  it("allows exactly PROPOSED→IMPOSED|WITHDRAWN and IMPOSED→LIFTED", () => {
    const allowed = Object.entries(RECEIVERSHIP_TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(["IMPOSED→LIFTED", "PROPOSED→IMPOSED", "PROPOSED→WITHDRAWN"]);
    expect(canTransition("IMPOSED", "WITHDRAWN")).toBe(false);
    expect(canTransition("LIFTED", "IMPOSED")).toBe(false);
  });

  it("imposes only with a supervisor plus a second supervisor or the state AG", () => {
    const s1 = { userId: 1, role: "IA_SUPERVISOR" as const };
    const s2 = { userId: 2, role: "IA_SUPERVISOR" as const };
    const ag = { userId: 3, role: "STATE_AG" as const };
    expect(approvalsSufficeToImpose([s1])).toBe(false);
    expect(approvalsSufficeToImpose([ag])).toBe(false);
    expect(approvalsSufficeToImpose([s1, s1])).toBe(false);
    expect(approvalsSufficeToImpose([ag, { userId: 4, role: "STATE_AG" }])).toBe(false);
    expect(approvalsSufficeToImpose([s1, s2])).toBe(true);
    expect(approvalsSufficeToImpose([s1, ag])).toBe(true);
  });
});

describe("proposing", () => {
  it("opens a PROPOSED case with default exit criteria, a history row and an audit row", async () => {
    const { id } = await propose();
    const found = await getReceivership(test.current.db, supervisor, id);
    expect(found.status).toBe("PROPOSED");
    expect(found.exitCriteria.map((c) => [c.ruleId, c.comparator, c.threshold])).toEqual([
      ["vetting-coverage", "GTE", 95],
      ["failed-vetting-on-duty", "LTE", 0],
      ["training-compliance", "GTE", 90],
    ]);
    expect(found.statusHistory).toMatchObject([{ fromStatus: null, toStatus: "PROPOSED", changedBy: { id: supervisor.userId } }]);
    expect(found.approvalsNeeded).toEqual({ count: 2, roles: ["IA_SUPERVISOR", "STATE_AG"] });
    const [audit] = await audits("receivership.propose", id);
    expect(audit).toMatchObject({ actorId: supervisor.userId, stateCode: "16", ip: "127.0.0.1" });
  });

  it("uses the Spanish template for the legal basis when none is given, and refuses approval until its placeholders are replaced", async () => {
    const { id } = await propose(supervisor, { legalBasis: undefined });
    const found = await getReceivership(test.current.db, supervisor, id);
    expect(found.legalBasis).toContain("Artículo 115, fracción VII");
    expect(found.legalBasis).toContain("Artículos 39, 40, 88 y 108 de la Ley General del Sistema Nacional de Seguridad Pública");
    await expect(approveReceivership(test.current.db, supervisor, { id, version: found.version })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await test.current.db.receivershipApproval.count({ where: { caseId: id } })).toBe(0);
  });

  it("rejects a second live case for the same department, an unknown rule and a too-short text, changing nothing", async () => {
    const { db } = test.current;
    const { department } = await propose();
    await expect(proposeReceivership(db, supervisor, { departmentCode: department.code, ...terms })).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await createDepartment(db, "16");
    await expect(
      proposeReceivership(db, supervisor, { departmentCode: other.code, ...terms, exitCriteria: [{ ruleId: "no-such-rule", comparator: "GTE", threshold: 1 }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("no-such-rule") });
    await expect(proposeReceivership(db, supervisor, { departmentCode: other.code, ...terms, terms: "corto" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.receivershipCase.count({ where: { departmentId: other.id } })).toBe(0);
  });

  it("lets the state AG propose in their state; another state's AG gets NOT_FOUND; an analyst is refused", async () => {
    const { db } = test.current;
    const department = await createDepartment(db, "16");
    await expect(proposeReceivership(db, agJalisco, { departmentCode: department.code, ...terms })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(proposeReceivership(db, analyst, { departmentCode: department.code, ...terms })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await proposeReceivership(db, agMichoacan, { departmentCode: department.code, ...terms });
    expect((await getReceivership(db, agMichoacan, id)).proposedBy.id).toBe(agMichoacan.userId);
  });
});

describe("the two-approver rule", () => {
  it("rejects the same user approving twice, and the proposer may be one approver", async () => {
    const { id } = await propose(supervisor);
    const first = await approveReceivership(test.current.db, supervisor, { id, version: await version(id) });
    expect(first.status).toBe("PROPOSED");
    await expect(approveReceivership(test.current.db, supervisor, { id, version: await version(id) })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await test.current.db.receivershipApproval.count({ where: { caseId: id } })).toBe(1);
    expect((await getReceivership(test.current.db, supervisor, id)).approvalsNeeded).toEqual({ count: 1, roles: ["IA_SUPERVISOR", "STATE_AG"] });
  });

  it("refuses an analyst and hides the case from another state's AG", async () => {
    const { id } = await propose();
    const v = await version(id);
    await expect(approveReceivership(test.current.db, analyst, { id, version: v })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveReceivership(test.current.db, agJalisco, { id, version: v })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReceivership(test.current.db, agJalisco, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await test.current.db.receivershipApproval.count({ where: { caseId: id } })).toBe(0);
  });

  it("does not impose on two state AGs, and refuses the second AG's approval as meaningless", async () => {
    const { id } = await propose();
    await approveReceivership(test.current.db, agMichoacan, { id, version: await version(id) });
    await expect(approveReceivership(test.current.db, agMichoacan2, { id, version: await version(id) })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const found = await getReceivership(test.current.db, supervisor, id);
    expect(found.status).toBe("PROPOSED");
    expect(found.approvalsNeeded).toEqual({ count: 1, roles: ["IA_SUPERVISOR"] });
  });

  it("imposes when the department's state AG and a supervisor approve, recording both and the start date", async () => {
    const { db } = test.current;
    const { id } = await propose(supervisor, { startDate: "2026-07-01" });
    await approveReceivership(db, agMichoacan, { id, version: await version(id) });
    const result = await approveReceivership(db, supervisor, { id, version: await version(id) });
    expect(result.status).toBe("IMPOSED");
    const found = await getReceivership(db, supervisor, id);
    expect(found.status).toBe("IMPOSED");
    expect(found.startDate).toBe("2026-07-01");
    expect(found.approvals.map((a) => [a.userId, a.role])).toEqual([
      [agMichoacan.userId, "STATE_AG"],
      [supervisor.userId, "IA_SUPERVISOR"],
    ]);
    expect(found.statusHistory.map((h) => h.toStatus)).toEqual(["PROPOSED", "IMPOSED"]);
    expect(await audits("receivership.approve", id)).toHaveLength(1);
    const [impose] = await audits("receivership.impose", id);
    expect(impose?.changes).toMatchObject({ status: { before: "PROPOSED", after: "IMPOSED" } });
    await expect(approveReceivership(db, supervisor2, { id, version: found.version })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("imposes with two different supervisors", async () => {
    const { id } = await propose(supervisor);
    await approveReceivership(test.current.db, supervisor, { id, version: await version(id) });
    expect((await approveReceivership(test.current.db, supervisor2, { id, version: await version(id) })).status).toBe("IMPOSED");
  });

  it("needs a re-authentication within five minutes", async () => {
    const { db } = test.current;
    const stale = await createUser(db, "IA_SUPERVISOR", null, { reauthAt: new Date(Date.now() - 5 * 60_000 - 1000) });
    const never = await createUser(db, "IA_SUPERVISOR", null, { reauthAt: null });
    const { id } = await propose();
    for (const who of [stale, never, { ...supervisor, sessionId: null }]) {
      await expect(approveReceivership(db, who, { id, version: await version(id) })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    }
    expect(await db.receivershipApproval.count({ where: { caseId: id } })).toBe(0);
  });

  it("rejects an approval given on a stale version", async () => {
    const { id } = await propose();
    const seen = await version(id);
    await editReceivershipProposal(test.current.db, supervisor, { id, version: seen, terms: "Mando operativo por 18 meses" });
    await expect(approveReceivership(test.current.db, supervisor2, { id, version: seen })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("editing a proposal", () => {
  it("withdraws earlier approvals, replaces criteria and audits the change", async () => {
    const { db } = test.current;
    const { id } = await propose();
    await approveReceivership(db, supervisor, { id, version: await version(id) });
    const edited = await editReceivershipProposal(db, supervisor2, {
      id,
      version: await version(id),
      receivingAuthority: "Guardia Nacional",
      exitCriteria: [{ ruleId: "vetting-coverage", comparator: "GTE", threshold: 97.5 }],
    });
    expect(edited.approvalsWithdrawn).toBe(1);
    const found = await getReceivership(db, supervisor, id);
    expect(found.approvals).toEqual([]);
    expect(found.receivingAuthority).toBe("Guardia Nacional");
    expect(found.exitCriteria.map((c) => [c.ruleId, c.threshold])).toEqual([["vetting-coverage", 97.5]]);
    const [audit] = await audits("receivership.edit", id);
    expect(audit?.changes).toMatchObject({ receivingAuthority: { before: terms.receivingAuthority, after: "Guardia Nacional" } });
  });

  it("is refused once imposed", async () => {
    const { db } = test.current;
    const { id } = await propose();
    await approveReceivership(db, supervisor, { id, version: await version(id) });
    await approveReceivership(db, supervisor2, { id, version: await version(id) });
    await expect(editReceivershipProposal(db, supervisor, { id, version: await version(id), terms: "Otros términos del acuerdo" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

async function imposed() {
  const { db } = test.current;
  const proposal = await propose();
  await approveReceivership(db, supervisor, { id: proposal.id, version: await version(proposal.id) });
  await approveReceivership(db, agMichoacan, { id: proposal.id, version: await version(proposal.id) });
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
    await expect(liftReceivership(db, supervisor, { id, version: await version(id), overrideReason: "demasiado corto" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const before = { id, version: await version(id), overrideReason: "Motivo largo y documentado de la excepción al levantar." };
    await expect(liftReceivership(db, supervisor, { ...before, endDate: "2020-01-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("before the receivership's start date"),
    });
    expect((await getReceivership(db, supervisor, id)).status).toBe("IMPOSED");
    const reason = "El elemento con evaluación no aprobada fue dado de baja el 28/09; la baja aún no llega al registro.";
    const lifted = await liftReceivership(db, supervisor, { id, version: await version(id), overrideReason: reason, endDate: "2027-10-01" });
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
    await expect(liftReceivership(db, supervisor, { id: proposed.id, version: await version(proposed.id), overrideReason: reason })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("withdrawing", () => {
  it("ends a proposal (proposer or supervisor), never an imposed case", async () => {
    const { db } = test.current;
    const department = await createDepartment(db, "16");
    const { id } = await proposeReceivership(db, agMichoacan, { departmentCode: department.code, ...terms });
    await expect(withdrawReceivership(db, agMichoacan2, { id, version: await version(id), reason: "No procede la propuesta" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await withdrawReceivership(db, agMichoacan, { id, version: await version(id), reason: "No procede la propuesta" });
    expect((await getReceivership(db, supervisor, id)).status).toBe("WITHDRAWN");
    const live = await imposed();
    await expect(withdrawReceivership(db, supervisor, { id: live.id, version: await version(live.id), reason: "Ya no es necesaria" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("milestones", () => {
  it("are added, completed and removed with versions, only on live cases", async () => {
    const { db } = test.current;
    const { id } = await imposed();
    const m = await addMilestone(db, supervisor, { caseId: id, title: "Reevaluar a todo el personal", dueOn: "2026-12-31" });
    await expect(addMilestone(db, supervisor, { caseId: id, title: "Fecha inválida", dueOn: "2026-02-30" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const done = await updateMilestone(db, agMichoacan, { id: m.id, version: m.version, completedOn: "2026-11-15" });
    await expect(updateMilestone(db, supervisor, { id: m.id, version: m.version, title: "Otro título" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(removeMilestone(db, supervisor, { id: m.id, version: done.version })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateMilestone(db, agJalisco, { id: m.id, version: done.version, title: "Ajeno" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const found = await getReceivership(db, supervisor, id);
    expect(found.milestones).toEqual([{ id: m.id, version: 2, title: "Reevaluar a todo el personal", dueOn: "2026-12-31", completedOn: "2026-11-15" }]);
    const extra = await addMilestone(db, supervisor, { caseId: id, title: "Sobrante", dueOn: "2027-01-31" });
    await removeMilestone(db, supervisor, { id: extra.id, version: extra.version });
    expect(await db.receivershipMilestone.count({ where: { caseId: id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetType: "ReceivershipMilestone", targetId: { in: [String(m.id), String(extra.id)] } } })).toBe(4);
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
