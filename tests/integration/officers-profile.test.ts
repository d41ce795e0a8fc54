import { describe, expect, it } from "vitest";
import type { Scope } from "~/server/authz/scope";
import { officerProfile } from "~/server/officers/officer-profile";
import { useTestDatabase } from "../support/database";
import { callerFor } from "../support/trpc-context";
import { D, analyst, buildDashboardFixture, michoacanAg } from "./dashboard-fixture";

const test = useTestDatabase();
const actorOf = (scope: Scope) => ({ userId: scope.userId, role: scope.role });
const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

describe("officer profile", () => {
  it("builds the fixture, with B2 transferred from Guadalajara (Jalisco) to Morelia", async () => {
    const { db } = test.current;
    const { morelia, gdl } = await buildDashboardFixture(db);
    await db.officerAssignment.create({
      data: {
        officerId: "B2",
        departmentId: gdl.id,
        recordedAt: new Date("2019-01-01T12:00:00Z"),
        endedAt: new Date("2021-03-01T12:00:00Z"),
      },
    });
    await db.officerAssignment.create({
      data: { officerId: "B2", departmentId: morelia.id, recordedAt: new Date("2021-03-01T12:00:00Z") },
    });
    // A complaint of the Jalisco period names B2 too: a Michoacán reader must not learn of it.
    await db.complaint.create({
      data: {
        ref: "Q-14-0002",
        departmentId: gdl.id,
        receivedOn: day("2020-05-01"),
        source: "CITIZEN",
        category: "EXTORTION",
        status: "NOT_SUSTAINED",
        officers: { create: [{ officerId: "B2" }] },
      },
    });
  });

  it("shows identity, vetting standing at D (expired approval), training compliance and linked complaints", async () => {
    const profile = await officerProfile(test.current.db, analyst, actorOf(analyst), "B2", D);
    expect(profile.officer).toMatchObject({
      id: "B2",
      familyName: "Ruiz B2",
      hiredOn: "2019-01-01",
      separatedOn: null,
      active: true,
      vettingResult: "APPROVED",
      vettingValidUntil: "2025-06-01",
      vettingCurrent: false,
      vettingExpired: true,
      failedOnDuty: false,
      trainingInitial: true,
      // The 40 hours were completed exactly on D − 365: outside the window.
      trainingHours12m: "0",
      trainingCompliant: false,
    });
    expect(profile.department).toMatchObject({ code: "MX-16-053-MUN", stateCode: "16", stateName: "Michoacán" });
    expect(profile.vetting).toEqual([{ id: expect.any(Number), evaluatedOn: "2022-06-01", result: "APPROVED", validUntil: "2025-06-01" }]);
    expect(profile.training.records.map((r) => [r.courseCode, r.completedOn, r.hours, r.courseName.en])).toEqual([
      ["DERECHOS_HUMANOS", "2025-06-30", "40.00", "Human rights"],
      ["FORMACION_INICIAL", "2019-02-01", "400.00", "Initial training"],
    ]);
    expect(profile.complaints.map((c) => [c.ref, c.departmentCode, c.category])).toEqual([
      ["Q-16-0001", "MX-16-053-MUN", "TORTURE"],
      ["Q-14-0002", "MX-14-039-MUN", "EXTORTION"],
    ]);
    expect(profile.assignments.map((a) => a.department?.code ?? null)).toEqual(["MX-16-053-MUN", "MX-14-039-MUN"]);
  });

  it("counts 39.50 + 0.50 hours as exactly 40 (compliant) and a NOT_APPROVED vetting 90 days old as failed on duty", async () => {
    const b1 = await officerProfile(test.current.db, analyst, actorOf(analyst), "B1", D);
    expect(b1.officer).toMatchObject({ trainingHours12m: "40.00", trainingCompliant: true, vettingCurrent: true });
    // B3 failed on 2026-04-01: 90 days before 2026-06-30 is 2026-04-01, so on D it counts, the day before it does not.
    expect((await officerProfile(test.current.db, analyst, actorOf(analyst), "B3", D)).officer.failedOnDuty).toBe(true);
    expect((await officerProfile(test.current.db, analyst, actorOf(analyst), "B3", "2026-06-29")).officer.failedOnDuty).toBe(false);
  });

  it("reports a separated officer as inactive at D and one hired after D as not yet active", async () => {
    expect((await officerProfile(test.current.db, analyst, actorOf(analyst), "B4", D)).officer).toMatchObject({
      separatedOn: "2026-03-01",
      active: false,
    });
    expect((await officerProfile(test.current.db, analyst, actorOf(analyst), "B4", "2026-02-28")).officer.active).toBe(true);
    expect((await officerProfile(test.current.db, analyst, actorOf(analyst), "B5", D)).officer).toMatchObject({
      hiredOn: "2026-07-15",
      active: false,
    });
  });

  it("hides another state's past department and complaints from the Michoacán AG", async () => {
    const profile = await officerProfile(test.current.db, michoacanAg, actorOf(michoacanAg), "B2", D);
    expect(profile.assignments.map((a) => a.department?.code ?? null)).toEqual(["MX-16-053-MUN", null]);
    expect(profile.complaints.map((c) => c.ref)).toEqual(["Q-16-0001"]);
  });

  it("audits each view, and answers NOT_FOUND without an audit row outside the caller's state or for an unknown id", async () => {
    const { db } = test.current;
    const count = () => db.auditEvent.count({ where: { action: "officer.view" } });
    const before = await count();
    await officerProfile(db, michoacanAg, actorOf(michoacanAg), "B1", D);
    expect(await db.auditEvent.findFirst({ where: { action: "officer.view" }, orderBy: { id: "desc" } })).toMatchObject({
      actorId: 2,
      targetType: "Officer",
      targetId: "B1",
      stateCode: "16",
      outcome: "ALLOWED",
    });
    await expect(officerProfile(db, michoacanAg, actorOf(michoacanAg), "C1", D)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(officerProfile(db, analyst, actorOf(analyst), "ZZ9", D)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await count()).toBe(before + 1);
  });

  it("answers through the router: NOT_FOUND for another state's officer, the same as for a missing one", async () => {
    const caller = callerFor(test.current.db, michoacanAg);
    await expect(caller.officers.get({ id: "C1" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Officer not found" });
    await expect(caller.officers.get({ id: "NOPE" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Officer not found" });
    expect((await caller.officers.get({ id: "B1" })).officer.id).toBe("B1");
  });
});
