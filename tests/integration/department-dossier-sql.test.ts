import { describe, expect, it } from "vitest";
import { dashboardTrends } from "~/server/dashboard/overview";
import type { Db } from "~/server/db/client";
import { departmentComplaints } from "~/server/departments/department-complaints";
import { departmentOfficers } from "~/server/departments/department-officers";
import { departmentDossier } from "~/server/departments/dossier";
import { useTestDatabase } from "../support/database";
import { D, analyst, buildDashboardFixture, michoacanAg } from "./dashboard-fixture";

const test = useTestDatabase();
const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);
const at = (iso: string) => new Date(iso);
const analystActor = { userId: 1, role: "IA_ANALYST" } as const;

/**
 * Guadalajara gets a decided and an open recommendation, a closed and an open review, and a lifted
 * receivership with two exit criteria and two milestones, so every nested list of the one-statement
 * dossier (dossier-sql.ts) has rows to order and convert; MX-14-900-EST has nothing at all.
 */
async function addCaseHistory(db: Db) {
  const gdl = await db.department.findUniqueOrThrow({ where: { code: "MX-14-039-MUN" } });
  const result = await db.evaluationResult.findFirstOrThrow({ where: { departmentId: gdl.id, run: { trigger: "CLI" } } });
  const recommendation = (data: object) =>
    db.recommendation.create({
      data: { departmentId: gdl.id, evaluationRunId: result.runId, evaluationResultId: result.id, previousLevel: "NONE", ...data } as never,
    });
  const dismissed = await recommendation({
    level: "WATCH",
    status: "DISMISSED",
    dismissReason: "DATA_ERROR",
    justification: "Padrón duplicado",
    decidedById: 3,
    decidedAt: at("2026-05-02T10:00:00.125Z"),
    createdAt: at("2026-05-01T09:00:00Z"),
  });
  await recommendation({ level: "REVIEW", createdAt: at("2026-06-30T12:00:00Z") });
  await db.review.create({
    data: {
      departmentId: gdl.id,
      recommendationId: dismissed.id,
      openedById: 1,
      ownerId: 4,
      scope: "Padrón",
      status: "CLOSED",
      decision: "NO_ACTION",
      openedAt: at("2026-05-01T10:00:00Z"),
      closedAt: at("2026-05-20T16:30:00.5Z"),
    },
  });
  await db.review.create({
    data: {
      departmentId: gdl.id,
      openedById: 1,
      ownerId: 1,
      scope: "Quejas",
      openedAt: at("2026-06-01T08:00:00Z"),
      dueOn: day("2026-07-31"),
    },
  });
  await db.receivershipCase.create({
    data: {
      departmentId: gdl.id,
      status: "LIFTED",
      legalBasis: "Art. 21",
      receivingAuthority: "SSP Jalisco",
      startDate: day("2025-01-01"),
      endDate: day("2026-01-31"),
      terms: "Recertificación",
      proposedById: 1,
      createdAt: at("2024-12-15T00:00:00Z"),
      exitCriteria: {
        create: [
          { ruleId: "vetting-coverage", comparator: "GTE", threshold: "95", currentValue: "96.25", met: true },
          { ruleId: "complaint-rate", comparator: "LTE", threshold: "5.5" },
        ],
      },
      milestones: {
        create: [
          { title: "Evaluar a todos", dueOn: day("2025-09-30") },
          { title: "Plan", dueOn: day("2025-03-31"), completedOn: day("2025-03-15") },
        ],
      },
    },
  });
  await db.department.create({ data: { code: "MX-14-900-EST", kind: "STATE", stateCode: "14", name: "Policía Estatal de Prueba" } });
}

describe("department dossier read in one statement", () => {
  it("builds the fixture", async () => {
    await buildDashboardFixture(test.current.db);
    await addCaseHistory(test.current.db);
  });

  it("returns every nested list ordered newest first, with dates as Date and decimals as numbers", async () => {
    const dossier = await departmentDossier(test.current.db, analyst, analystActor, "MX-14-039-MUN", D);
    const { reviews, recommendations, receiverships } = dossier;
    const page = { departmentCode: "MX-14-039-MUN", page: 1, pageSize: 50 };
    const complaints = (await departmentComplaints(test.current.db, analyst, page)).rows;
    const officers = (await departmentOfficers(test.current.db, analyst, analystActor, page, D)).rows;
    expect(recommendations).toEqual([
      {
        id: expect.any(Number),
        level: "REVIEW",
        previousLevel: "NONE",
        status: "OPEN",
        dismissReason: null,
        justification: null,
        decidedAt: null,
        createdAt: at("2026-06-30T12:00:00Z"),
        decidedBy: null,
      },
      {
        id: expect.any(Number),
        level: "WATCH",
        previousLevel: "NONE",
        status: "DISMISSED",
        dismissReason: "DATA_ERROR",
        justification: "Padrón duplicado",
        decidedAt: at("2026-05-02T10:00:00.125Z"),
        createdAt: at("2026-05-01T09:00:00Z"),
        decidedBy: { name: "User 3" },
      },
    ]);
    expect(reviews).toEqual([
      {
        id: expect.any(Number),
        status: "OPEN",
        scope: "Quejas",
        decision: null,
        dueOn: day("2026-07-31"),
        openedAt: at("2026-06-01T08:00:00Z"),
        closedAt: null,
        owner: { name: "User 1" },
      },
      {
        id: expect.any(Number),
        status: "CLOSED",
        scope: "Padrón",
        decision: "NO_ACTION",
        dueOn: null,
        openedAt: at("2026-05-01T10:00:00Z"),
        closedAt: at("2026-05-20T16:30:00.500Z"),
        owner: { name: "User 4" },
      },
    ]);
    expect(receiverships).toEqual([
      {
        id: expect.any(Number),
        status: "LIFTED",
        legalBasis: "Art. 21",
        receivingAuthority: "SSP Jalisco",
        startDate: day("2025-01-01"),
        endDate: day("2026-01-31"),
        terms: "Recertificación",
        exitCriteria: [
          { id: expect.any(Number), ruleId: "vetting-coverage", comparator: "GTE", threshold: 95, currentValue: 96.25, met: true },
          { id: expect.any(Number), ruleId: "complaint-rate", comparator: "LTE", threshold: 5.5, currentValue: null, met: null },
        ],
        milestones: [
          { id: expect.any(Number), title: "Plan", dueOn: day("2025-03-31"), completedOn: day("2025-03-15") },
          { id: expect.any(Number), title: "Evaluar a todos", dueOn: day("2025-09-30"), completedOn: null },
        ],
      },
    ]);
    expect(receiverships[0]!.exitCriteria[0]!.id).toBeLessThan(receiverships[0]!.exitCriteria[1]!.id);
    expect(complaints).toEqual([
      {
        ref: "Q-14-0001",
        receivedOn: "2023-01-01",
        source: "CITIZEN",
        category: "SEXUAL_ABUSE",
        status: "SUSTAINED",
        resolvedOn: "2023-06-01",
      },
    ]);
    expect(dossier.department).toEqual({
      id: expect.any(Number),
      code: "MX-14-039-MUN",
      name: "Policía Municipal de Guadalajara",
      kind: "MUNICIPAL",
      stateCode: "14",
      authorizedStrength: 10,
      state: { name: "Jalisco" },
      municipality: { name: "Guadalajara" },
      stateName: "Jalisco",
      municipalityName: "Guadalajara",
    });
    expect(officers.map((o) => [o.id, o.vettingResult, o.vettingCurrent, o.failedOnDuty])).toEqual([
      ["C1", "APPROVED", true, false],
      ["C2", "PENDING", false, false],
      ["C3", "NOT_APPROVED", false, false],
    ]);
    expect(dossier.trends).toEqual(await dashboardTrends(test.current.db, analyst, { departmentId: dossier.department.id }, D));
    expect(dossier.metrics).toMatchObject({ officers: 3, approved: 1, seriousAbuse24m: 0 });
  });

  it("answers a department with nothing recorded with empty lists, no evaluation and zero figures", async () => {
    const dossier = await departmentDossier(test.current.db, analyst, analystActor, "MX-14-900-EST", D);
    expect(dossier).toMatchObject({ evaluation: null, reviews: [], recommendations: [], receiverships: [] });
    const page = { departmentCode: "MX-14-900-EST", page: 1, pageSize: 50 };
    expect(await departmentOfficers(test.current.db, analyst, analystActor, page, D)).toMatchObject({ total: 0, rows: [] });
    expect(await departmentComplaints(test.current.db, analyst, page)).toMatchObject({ total: 0, rows: [] });
    expect(dossier.department).toMatchObject({
      authorizedStrength: null,
      municipality: null,
      municipalityName: null,
      stateName: "Jalisco",
    });
    expect(dossier.metrics).toEqual({
      vettingCoverage: null,
      trainingCompliance: null,
      complaintsPer100: null,
      officers: 0,
      approved: 0,
      trainingCompliant: 0,
      countedComplaints12m: 0,
      expiredVetting: 0,
      failedOnDuty: 0,
      seriousAbuse24m: 0,
    });
    expect(dossier.trends).toHaveLength(24);
    expect(dossier.trends.every((t) => t.officers === 0 && t.vettingCoverage === null)).toBe(true);
  });

  it("shows figures that include a write made since they were stored (the stale read refreshes them)", async () => {
    const db = test.current.db;
    const before = await departmentDossier(db, analyst, analystActor, "MX-14-900-EST", D);
    expect(before.metrics.officers).toBe(0);
    await db.officer.create({
      data: { id: "E1", departmentId: before.department.id, givenName: "Eva", familyName: "Paz", hiredOn: day("2026-01-01") },
    });
    const after = await departmentDossier(db, analyst, analystActor, "MX-14-900-EST", D);
    expect(after.metrics).toMatchObject({ officers: 1, approved: 0, vettingCoverage: 0 });
    expect(after.trends.at(-1)).toMatchObject({ asOf: D, officers: 1 });
    const officers = await departmentOfficers(db, analyst, analystActor, { departmentCode: "MX-14-900-EST", page: 1, pageSize: 50 }, D);
    expect(officers.rows.map((o) => o.id)).toEqual(["E1"]);
  });

  it("writes exactly one department.view event per view, and none for an out-of-scope or unknown code", async () => {
    const db = test.current.db;
    const count = () => db.auditEvent.count();
    const start = await count();
    const last = await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    await expect(departmentDossier(db, michoacanAg, { userId: 2, role: "STATE_AG" }, "MX-14-039-MUN", D)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(departmentDossier(db, michoacanAg, { userId: 2, role: "STATE_AG" }, "MX-99-999-MUN", D)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await count()).toBe(start);
    await departmentDossier(db, michoacanAg, { userId: 2, role: "STATE_AG" }, "MX-16-053-MUN", D);
    const events = await db.auditEvent.findMany({ where: last ? { id: { gt: last.id } } : {} });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "department.view",
      actorId: 2,
      targetType: "Department",
      targetId: "MX-16-053-MUN",
      stateCode: "16",
      outcome: "ALLOWED",
    });
  });
});
