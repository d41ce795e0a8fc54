import { describe, expect, it } from "vitest";
import { DEMO_REFERENCE_DATE } from "~/server/demo/calendar";
import { generateDemoData } from "~/server/demo/generate";
import { prepareDemo } from "~/server/demo/prepare-demo";
import { DEMO_USERS } from "~/server/users/demo-users";
import { inegiCatalogue } from "../support/demo-data";
import { useTestDatabase } from "../support/database";

/** The demo seed in a real database: written once, the accounts, and the stored evaluation's levels. */

const test = useTestDatabase();
const { states, municipalities } = inegiCatalogue();
const expected = generateDemoData(states, municipalities, "small", DEMO_REFERENCE_DATE);

describe("demo preparation (small size)", () => {
  it("writes every generated row, creates the demo accounts and stores one evaluation at the reference date", async () => {
    const { db } = test.current;
    const first = await prepareDemo(db, { size: "small", asOf: DEMO_REFERENCE_DATE });
    expect(first.seed.seeded).toBe(true);
    expect(first.usersCreated.sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    expect(await db.department.count()).toBe(expected.rows.departments.length);
    expect(await db.officer.count()).toBe(expected.rows.officers.length);
    expect(await db.officerAssignment.count()).toBe(expected.rows.officers.length);
    expect(await db.trainingRecord.count()).toBe(expected.rows.training.length);
    expect(await db.vettingEvaluation.count()).toBe(expected.rows.vetting.length);
    expect(await db.complaint.count()).toBe(expected.rows.complaints.length);
    expect(await db.complaintOfficer.count()).toBe(expected.rows.complaintOfficers.length);
    const runs = await db.evaluationRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.id).toBe(first.evaluationRunId);
    expect(runs[0]!.asOf.toISOString().slice(0, 10)).toBe(DEMO_REFERENCE_DATE);
    expect(await db.auditEvent.count({ where: { action: "demo.seed" } })).toBe(1);
  });

  it("changes nothing when run again", async () => {
    const { db } = test.current;
    const before = await Promise.all([
      db.department.count(),
      db.officer.count(),
      db.user.count(),
      db.evaluationRun.count(),
      db.auditEvent.count(),
    ]);
    const again = await prepareDemo(db, { size: "small", asOf: DEMO_REFERENCE_DATE });
    expect(again.seed.seeded).toBe(false);
    expect(again.usersCreated).toEqual([]);
    expect(again.evaluationRunId).toBeNull();
    expect(
      await Promise.all([db.department.count(), db.officer.count(), db.user.count(), db.evaluationRun.count(), db.auditEvent.count()]),
    ).toEqual(before);
  });

  it("stores calendar dates unshifted (the approval valid until exactly the reference date)", async () => {
    const { db } = test.current;
    const officers = await db.officer.findMany({
      where: { department: { code: "MX-15-020-MUN" } },
      select: { vetting: { orderBy: { evaluatedOn: "desc" }, take: 1 } },
    });
    const latest = officers.map((o) => o.vetting[0]?.validUntil.toISOString().slice(0, 10));
    expect(latest.filter((d) => d === DEMO_REFERENCE_DATE)).toHaveLength(1);
  });

  it("gives each scenario department its documented level in the stored evaluation", async () => {
    const { db } = test.current;
    const results = await db.evaluationResult.findMany({
      select: { level: true, insufficientData: true, rules: true, department: { select: { code: true } } },
    });
    const byCode = new Map(results.map((r) => [r.department.code, r]));
    expect(results).toHaveLength(expected.rows.departments.length);
    for (const scenario of expected.scenarios) {
      const result = byCode.get(scenario.code)!;
      expect(result.level, scenario.code).toBe(scenario.level);
      expect(result.insufficientData, scenario.code).toBe(scenario.insufficientData ?? false);
      if (scenario.rule) {
        const rules = result.rules as { id: string; level: string }[];
        expect(rules.find((r) => r.id === scenario.rule)?.level, `${scenario.code} ${scenario.rule}`).toBe(scenario.level);
      }
    }
  });
});
