import { describe, expect, it } from "vitest";
import { departmentComplaints } from "~/server/departments/department-complaints";
import { departmentOfficers } from "~/server/departments/department-officers";
import { departmentDossier } from "~/server/departments/dossier";
import { useTestDatabase } from "../support/database";
import { D, analyst, buildDashboardFixture, michoacanAg } from "./dashboard-fixture";

const test = useTestDatabase();

describe("department dossier", () => {
  it("builds the fixture", async () => {
    await buildDashboardFixture(test.current.db);
  });

  it("names the evaluation its level comes from: the latest run that is not a backtest", async () => {
    const dossier = await departmentDossier(test.current.db, analyst, { userId: 1, role: "IA_ANALYST" }, "MX-14-039-MUN", D);
    const run = await test.current.db.evaluationRun.findFirstOrThrow({ where: { trigger: "CLI" } });
    expect(dossier.evaluation).toEqual({
      runId: run.id,
      asOf: D,
      level: "REVIEW",
      insufficientData: false,
      ruleSetId: "dashboard-fixture",
      ruleSetVersion: 1,
    });
  });

  it("lists active officers with their vetting and training standing at D, and the department's figures", async () => {
    const dossier = await departmentDossier(test.current.db, analyst, { userId: 1, role: "IA_ANALYST" }, "MX-16-053-MUN", D);
    const page = { departmentCode: "MX-16-053-MUN", page: 1, pageSize: 50 };
    const officers = await departmentOfficers(test.current.db, analyst, { userId: 1, role: "IA_ANALYST" }, page, D);
    const complaints = await departmentComplaints(test.current.db, analyst, page);
    expect(
      officers.rows.map((o) => [o.id, o.vettingResult, o.vettingValidUntil, o.vettingCurrent, o.trainingHours12m, o.trainingCompliant]),
    ).toEqual([
      ["B1", "APPROVED", "2028-01-10", true, "40.00", true],
      ["B2", "APPROVED", "2025-06-01", false, "0", false],
      ["B3", "NOT_APPROVED", "2026-04-01", false, "0", false],
    ]);
    expect(dossier.metrics).toMatchObject({
      officers: 3,
      approved: 1,
      expiredVetting: 1,
      failedOnDuty: 1,
      seriousAbuse24m: 1,
      countedComplaints12m: 1,
    });
    expect(dossier.metrics.vettingCoverage).toBeCloseTo(100 / 3, 10);
    expect(complaints.rows.map((c) => c.ref)).toEqual(["Q-16-0002", "Q-16-0003", "Q-16-0001"]);
    expect(complaints.total).toBe(3);
    expect(complaints.rows[0]).not.toHaveProperty("summary");
    expect(dossier.reviews).toHaveLength(1);
    expect(dossier.recommendations).toMatchObject([{ level: "RECEIVERSHIP", previousLevel: "NONE", status: "OPEN" }]);
    expect(dossier.receiverships).toMatchObject([
      { status: "IMPOSED", exitCriteria: [{ ruleId: "vetting-coverage", comparator: "GTE", threshold: 90, met: false }] },
    ]);
    expect(dossier.receiverships[0]?.exitCriteria[0]?.currentValue).toBeCloseTo(33.3333333333, 9);
  });

  it("audits each view, and answers NOT_FOUND (without an audit row) outside the caller's state or for an unknown code", async () => {
    const db = test.current.db;
    const before = await db.auditEvent.count({ where: { action: "department.view" } });
    await departmentDossier(db, michoacanAg, { userId: 2, role: "STATE_AG" }, "MX-16-053-MUN", D);
    expect(await db.auditEvent.findFirst({ where: { action: "department.view" }, orderBy: { id: "desc" } })).toMatchObject({
      actorId: 2,
      targetId: "MX-16-053-MUN",
      stateCode: "16",
    });
    await expect(departmentDossier(db, michoacanAg, { userId: 2, role: "STATE_AG" }, "MX-14-039-MUN", D)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(departmentDossier(db, analyst, { userId: 1, role: "IA_ANALYST" }, "MX-99-999-MUN", D)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.auditEvent.count({ where: { action: "department.view" } })).toBe(before + 1);
  });
});
