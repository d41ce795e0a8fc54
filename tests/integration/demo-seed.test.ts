import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/server/audit/verify";
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
    expect(first.asOf).toBe(DEMO_REFERENCE_DATE);
    expect(first.lifecycle?.receiverships).toHaveLength(3);
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

  it("shows the oversight lifecycle without anyone acting: receivership at each stage, reviews, decisions, comments", async () => {
    const { db } = test.current;
    const D = DEMO_REFERENCE_DATE;
    const ymd = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
    const day = (offset: number) => new Date(Date.parse(`${D}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    const email = async (id: number | null) => (id === null ? null : (await db.user.findUniqueOrThrow({ where: { id } })).email);
    const cases = await db.receivershipCase.findMany({
      include: { department: true, approvals: true, exitCriteria: true, milestones: true, statusHistory: true },
    });
    const byCode = new Map(cases.map((c) => [c.department.code, c]));
    expect(cases).toHaveLength(3);
    for (const c of cases) expect(c.legalBasis, c.department.code).not.toMatch(/\[[^\]\n]+\]/);

    const proposed = byCode.get("MX-20-067-MUN")!;
    expect(proposed.status).toBe("PROPOSED");
    expect(proposed.recommendationId).not.toBeNull();
    expect(proposed.approvals.map((a) => a.role)).toEqual(["IA_SUPERVISOR"]);

    const imposed = byCode.get("MX-16-102-MUN")!;
    expect(imposed.status).toBe("IMPOSED");
    expect(ymd(imposed.startDate)).toBe(day(-30));
    expect(imposed.approvals.map((a) => a.role).sort()).toEqual(["IA_SUPERVISOR", "STATE_AG"]);
    const met = Object.fromEntries(imposed.exitCriteria.map((c) => [c.ruleId, c.met]));
    expect(met).toEqual({ "vetting-coverage": true, "failed-vetting-on-duty": false, "training-compliance": true });
    const milestones = imposed.milestones.map((m) => [ymd(m.dueOn), ymd(m.completedOn)]).sort();
    expect(milestones).toEqual([
      [day(-25), day(-28)],
      [day(5), null],
      [day(90), null],
    ]);

    const lifted = byCode.get("MX-16-053-MUN")!;
    expect(lifted.status).toBe("LIFTED");
    expect([ymd(lifted.startDate), ymd(lifted.endDate), lifted.liftOverrideReason]).toEqual([day(-400), day(-60), null]);
    expect(lifted.exitCriteria.every((c) => c.met === true)).toBe(true);
    expect(lifted.statusHistory.map((h) => h.toStatus)).toEqual(["PROPOSED", "IMPOSED", "LIFTED"]);

    const reviews = await db.review.findMany({ include: { department: true } });
    const summary = await Promise.all(
      reviews.map(async (r) => [
        r.department.code,
        r.status,
        await email(r.ownerId),
        ymd(r.dueOn),
        r.decision,
        r.recommendationId !== null,
      ]),
    );
    expect(summary.sort()).toEqual([
      ["MX-12-029-MUN", "OPEN", "analista@vigila.demo", day(30), null, true],
      ["MX-13-048-MUN", "OPEN", "analista@vigila.demo", day(45), null, true],
      ["MX-14-000-EST", "OPEN", "fiscal.jalisco@vigila.demo", day(-5), null, false],
      ["MX-16-102-MUN", "CLOSED", "fiscal.michoacan@vigila.demo", day(-20), "PROPOSE_RECEIVERSHIP", true],
      ["MX-18-017-MUN", "OPEN", "supervisor@vigila.demo", day(-10), null, true],
    ]);

    const decided = await db.recommendation.findMany({ where: { status: { not: "OPEN" } }, include: { department: true } });
    expect(decided.map((r) => [r.department.code, r.level, r.status, r.dismissReason]).sort()).toEqual([
      ["MX-03-003-MUN", "WATCH", "DISMISSED", "FALSE_POSITIVE"],
      ["MX-12-029-MUN", "REVIEW", "ACCEPTED", null],
      ["MX-13-048-MUN", "WATCH", "ACCEPTED", null],
      ["MX-15-020-MUN", "WATCH", "DISMISSED", "DATA_ERROR"],
      ["MX-16-102-MUN", "REVIEW", "ACCEPTED", null],
      ["MX-17-007-MUN", "REVIEW", "DISMISSED", "OTHER"],
      ["MX-18-017-MUN", "REVIEW", "ACCEPTED", null],
      ["MX-20-067-MUN", "RECEIVERSHIP", "ACCEPTED", null],
      ["MX-21-156-MUN", "REVIEW", "DISMISSED", "ALREADY_ADDRESSED"],
    ]);
    // Left open for a visitor to decide: among them the other RECEIVERSHIP scenarios and Morelia.
    const open = await db.recommendation.findMany({ where: { status: "OPEN" }, select: { department: { select: { code: true } } } });
    const openCodes = open.map((r) => r.department.code);
    for (const code of ["MX-11-027-MUN", "MX-12-001-MUN", "MX-08-037-MUN", "MX-16-053-MUN"]) expect(openCodes).toContain(code);

    expect(await db.comment.count()).toBe(5);
    // Every action went through the services: each has its audit row, and the chain verifies.
    const actions = await db.auditEvent.groupBy({ by: ["action"], _count: true, where: { userAgent: { startsWith: "vigila seed" } } });
    expect(Object.fromEntries(actions.map((a) => [a.action, a._count]))).toMatchObject({
      "recommendation.accept": 5,
      "recommendation.dismiss": 4,
      "review.open": 5, // four by accepting a recommendation, one directly
      "review.close": 1,
      "receivership.propose": 3, // one by accepting a recommendation
      "receivership.approve": 3,
      "receivership.impose": 2,
      "receivership.lift": 1,
      "comment.add": 5,
    });
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });
});
