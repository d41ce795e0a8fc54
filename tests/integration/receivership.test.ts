import { beforeAll, describe, expect, it } from "vitest";
import { approvalsSufficeToImpose, approveReceivership } from "~/server/receivership/approve";
import { editReceivershipProposal } from "~/server/receivership/edit-proposal";
import { getReceivership } from "~/server/receivership/list-receiverships";
import { type ProposalTerms, proposeReceivership } from "~/server/receivership/propose";
import { canTransition, RECEIVERSHIP_TRANSITIONS } from "~/server/receivership/state-machine";
import { useTestDatabase } from "../support/database";
import {
  caseVersion,
  createDepartment,
  createUser,
  proposeForNewDepartment,
  RECEIVERSHIP_TERMS,
  type TestUser,
} from "../support/workflow-fixtures";

const test = useTestDatabase();
const terms = RECEIVERSHIP_TERMS;

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

const propose = (by: TestUser = supervisor, extra: Partial<ProposalTerms> = {}) => proposeForNewDepartment(test.current.db, by, extra);
const version = (id: number) => caseVersion(test.current.db, id);
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
    expect(found.legalBasis).toContain("Ley General del Sistema Nacional de Seguridad Pública vigente");
    // The 2025 law's article numbers are a placeholder the proposer must fill in before approval.
    expect(found.legalBasis).toContain("[indique los artículos aplicables del texto vigente]");
    await expect(approveReceivership(test.current.db, supervisor, { id, version: found.version })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await test.current.db.receivershipApproval.count({ where: { caseId: id } })).toBe(0);
  });

  it("rejects a second live case for the same department, an unknown rule and a too-short text, changing nothing", async () => {
    const { db } = test.current;
    const { department } = await propose();
    await expect(proposeReceivership(db, supervisor, { departmentCode: department.code, ...terms })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const other = await createDepartment(db, "16");
    await expect(
      proposeReceivership(db, supervisor, {
        departmentCode: other.code,
        ...terms,
        exitCriteria: [{ ruleId: "no-such-rule", comparator: "GTE", threshold: 1 }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("no-such-rule") });
    await expect(proposeReceivership(db, supervisor, { departmentCode: other.code, ...terms, terms: "corto" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.receivershipCase.count({ where: { departmentId: other.id } })).toBe(0);
  });

  it("lets the state AG propose in their state; another state's AG gets NOT_FOUND; an analyst is refused", async () => {
    const { db } = test.current;
    const department = await createDepartment(db, "16");
    await expect(proposeReceivership(db, agJalisco, { departmentCode: department.code, ...terms })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(proposeReceivership(db, analyst, { departmentCode: department.code, ...terms })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const { id } = await proposeReceivership(db, agMichoacan, { departmentCode: department.code, ...terms });
    expect((await getReceivership(db, agMichoacan, id)).proposedBy.id).toBe(agMichoacan.userId);
  });
});

describe("the two-approver rule", () => {
  it("rejects the same user approving twice, and the proposer may be one approver", async () => {
    const { id } = await propose(supervisor);
    const first = await approveReceivership(test.current.db, supervisor, { id, version: await version(id) });
    expect(first.status).toBe("PROPOSED");
    await expect(approveReceivership(test.current.db, supervisor, { id, version: await version(id) })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await test.current.db.receivershipApproval.count({ where: { caseId: id } })).toBe(1);
    expect((await getReceivership(test.current.db, supervisor, id)).approvalsNeeded).toEqual({
      count: 1,
      roles: ["IA_SUPERVISOR", "STATE_AG"],
    });
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
    await expect(
      editReceivershipProposal(db, supervisor, { id, version: await version(id), terms: "Otros términos del acuerdo" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});
