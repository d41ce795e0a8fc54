import { describe, expect, it } from "vitest";
import type { Scope } from "~/server/authz/scope";
import { complaintDetail } from "~/server/complaints/complaint-detail";
import { useTestDatabase } from "../support/database";
import { callerFor } from "../support/trpc-context";
import { admin, analyst, auditor, buildDashboardFixture, michoacanAg } from "./dashboard-fixture";

const test = useTestDatabase();
const jaliscoAg: Scope = { userId: 5, role: "STATE_AG", stateCode: "14" };
const SUMMARY = "Queja presentada por María López (tel. 443 000 0000) sobre Q-16-0001";

describe("complaint detail", () => {
  it("builds the fixture with a source link and a Jalisco officer named on a Michoacán complaint", async () => {
    const { db } = test.current;
    const { gdl } = await buildDashboardFixture(db);
    await db.user.create({
      data: { id: 5, email: "u5@example.test", name: "User 5", passwordHash: "x", totpSecret: "x", role: "STATE_AG", stateCode: "14" },
    });
    const complaint = await db.complaint.findUniqueOrThrow({ where: { ref: "Q-16-0001" } });
    await db.sourceLink.create({
      data: { complaintId: complaint.id, url: "https://www.cndh.org.mx/recomendacion/2025-17", label: "CNDH 17/2025" },
    });
    // C3, a Guadalajara (Jalisco) officer, is named on the Morelia complaint too.
    await db.complaintOfficer.create({ data: { complaintId: complaint.id, officerId: "C3" } });
    expect(gdl.stateCode).toBe("14");
  });

  it("gives IA staff the department, dates, officers, source links and the complainant summary", async () => {
    const detail = await complaintDetail(test.current.db, analyst, { userId: 1, role: "IA_ANALYST" }, "Q-16-0001");
    expect(detail).toMatchObject({
      ref: "Q-16-0001",
      receivedOn: "2025-03-01",
      resolvedOn: "2025-10-01",
      source: "CITIZEN",
      category: "TORTURE",
      status: "SUSTAINED",
      department: { code: "MX-16-053-MUN", stateCode: "16", stateName: "Michoacán" },
      sourceLinks: [{ url: "https://www.cndh.org.mx/recomendacion/2025-17", label: "CNDH 17/2025" }],
      summary: SUMMARY,
    });
    expect(detail.officers.map((o) => [o.id, o.departmentCode])).toEqual([
      ["B2", "MX-16-053-MUN"],
      ["C3", "MX-14-039-MUN"],
    ]);
  });

  it("shows the Michoacán AG the summary but not the officer now in Jalisco", async () => {
    const detail = await complaintDetail(test.current.db, michoacanAg, { userId: 2, role: "STATE_AG" }, "Q-16-0001");
    expect(detail.summary).toBe(SUMMARY);
    expect(detail.officers.map((o) => o.id)).toEqual(["B2"]);
  });

  it.each([
    ["ADMIN", admin],
    ["AUDITOR", auditor],
  ] as const)(
    "leaves the summary key out of the API response for %s and records that nothing personal was disclosed",
    async (role, scope) => {
      const { db } = test.current;
      const detail = await callerFor(db, scope).complaints.get({ ref: "Q-16-0001" });
      expect(detail).not.toHaveProperty("summary");
      expect(JSON.stringify(detail)).not.toContain("María López");
      expect(detail.category).toBe("TORTURE");
      expect(await db.auditEvent.findFirst({ where: { action: "complaint.view" }, orderBy: { id: "desc" } })).toMatchObject({
        actorId: scope.userId,
        role,
        targetType: "Complaint",
        targetId: "Q-16-0001",
        stateCode: "16",
        metadata: { personalData: false },
        ip: "203.0.113.7",
      });
    },
  );

  it("returns the summary through the router to an IA analyst and audits the disclosure", async () => {
    const { db } = test.current;
    const detail = await callerFor(db, analyst).complaints.get({ ref: "Q-16-0001" });
    expect(detail.summary).toBe(SUMMARY);
    expect(await db.auditEvent.findFirst({ where: { action: "complaint.view" }, orderBy: { id: "desc" } })).toMatchObject({
      actorId: 1,
      metadata: { personalData: true },
    });
  });

  it("answers NOT_FOUND, without an audit row, to another state's AG and for an unknown reference", async () => {
    const { db } = test.current;
    const count = () => db.auditEvent.count({ where: { action: "complaint.view" } });
    const before = await count();
    const caller = callerFor(db, jaliscoAg);
    await expect(caller.complaints.get({ ref: "Q-16-0001" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Complaint not found" });
    await expect(caller.complaints.get({ ref: "Q-99-9999" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Complaint not found" });
    expect((await caller.complaints.get({ ref: "Q-14-0001" })).summary).toContain("Q-14-0001");
    expect(await count()).toBe(before + 1);
  });
});
