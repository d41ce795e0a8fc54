import { beforeAll, describe, expect, it } from "vitest";
import { detectAlertEvents } from "~/server/alerts/detect";
import type { AlertItem, AlertPayload } from "~/server/alerts/events";
import { addDays } from "~/server/alerts/periods";
import { alertDepartment, alertUser, complaint, day, evaluationRun, officer, vetting } from "../support/alerts-fixtures";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

// 12:00 in Mexico City on 2026-06-30: the federal day D.
const NOW = new Date("2026-06-30T18:00:00Z");
const D = "2026-06-30";
const d = (n: number) => addDays(D, n);

async function event(key: string) {
  const row = await test.current.db.alertEvent.findUnique({ where: { key } });
  return row ? (row.payload as unknown as AlertPayload) : null;
}

const itemsFor = (payload: AlertPayload | null, departmentId: number) =>
  (payload?.items ?? []).filter((i: AlertItem) => i.departmentId === departmentId);

describe("alert event detection", () => {
  let a: { id: number };
  let b: { id: number };
  let c: { id: number };
  let e: { id: number };

  beforeAll(async () => {
    const { db } = test.current;
    [a, b, c, e] = [
      await alertDepartment(db, "16"),
      await alertDepartment(db, "16"),
      await alertDepartment(db, "14"),
      await alertDepartment(db, "14"),
    ];

    // Vetting certificates of department A: the boundaries of the 30/60/90-day windows.
    for (const validUntil of [d(0), d(30), d(31), d(60), d(61), d(90), d(91), d(-1)]) {
      const o = await officer(db, a.id);
      await vetting(db, o.id, "2025-01-10", "APPROVED", validUntil);
    }
    const separated = await officer(db, a.id, { separatedOn: d(-5) });
    await vetting(db, separated.id, "2025-01-10", "APPROVED", d(10));
    const reevaluated = await officer(db, a.id);
    await vetting(db, reevaluated.id, "2025-01-10", "APPROVED", d(10));
    await vetting(db, reevaluated.id, d(-3), "NOT_APPROVED", d(-3));
    const futureHire = await officer(db, a.id, { hiredOn: d(1) });
    await vetting(db, futureHire.id, "2025-01-10", "APPROVED", d(10));

    // Failed vetting, department B: exactly 90 days ago counts, 89 does not, a later approval clears it.
    for (const [evaluatedOn, result] of [
      [d(-90), "NOT_APPROVED"],
      [d(-400), "NOT_APPROVED"],
      [d(-89), "NOT_APPROVED"],
    ] as const) {
      await vetting(db, (await officer(db, b.id)).id, evaluatedOn, result, evaluatedOn);
    }
    const cleared = await officer(db, b.id);
    await vetting(db, cleared.id, d(-200), "NOT_APPROVED", d(-200));
    await vetting(db, cleared.id, d(-10), "APPROVED", d(355));

    // Complaint spike: C has 2 in (D−30, D] and 11 in (D−365, D] → 12 > 11; E has 2 and 12 → 12 = 12, no spike.
    for (const receivedOn of [d(0), d(-29), d(-30), d(-100), d(-200), d(-300), d(-364), d(-364), d(-364), d(-364), d(-364)]) {
      await complaint(db, c.id, { receivedOn });
    }
    await complaint(db, c.id, { receivedOn: d(-5), status: "WITHDRAWN" });
    await complaint(db, c.id, { receivedOn: d(-365) });
    for (const receivedOn of [d(0), d(-29), d(-30), d(-100), d(-200), d(-300), d(-364), d(-364), d(-364), d(-364), d(-364), d(-364)]) {
      await complaint(db, e.id, { receivedOn });
    }
  });

  it("counts vetting certificates expiring within 30/60/90 days per department, boundaries inclusive", async () => {
    expect(await detectAlertEvents(test.current.db, NOW)).toMatchObject({
      VETTING_EXPIRING: 1,
      FAILED_VETTING_ON_DUTY: 1,
      COMPLAINT_SPIKE: 1,
    });
    const payload = await event(`VETTING_EXPIRING:${D}`);
    expect(payload?.asOf).toBe(D);
    expect(itemsFor(payload, a.id)).toEqual([{ kind: "vettingExpiring", departmentId: a.id, within30: 2, within60: 4, within90: 6 }]);
  });

  it("counts officers on duty whose latest vetting failed at least 90 days ago", async () => {
    const payload = await event(`FAILED_VETTING_ON_DUTY:${D}`);
    expect(itemsFor(payload, b.id)).toEqual([{ kind: "failedVettingOnDuty", departmentId: b.id, officers: 2, oldestFailure: d(-400) }]);
    expect(itemsFor(payload, a.id)).toEqual([]);
  });

  it("flags a complaint spike only when the last 30 days exceed twice the 12-month monthly average", async () => {
    const payload = await event(`COMPLAINT_SPIKE:${D}`);
    expect(itemsFor(payload, c.id)).toEqual([{ kind: "complaintSpike", departmentId: c.id, last30: 2, last365: 11 }]);
    expect(itemsFor(payload, e.id)).toEqual([]);
  });

  it("alerts a sustained serious-abuse complaint once, without its summary", async () => {
    const { db } = test.current;
    const torture = await complaint(db, a.id, {
      receivedOn: d(-40),
      category: "TORTURE",
      status: "SUSTAINED",
      resolvedOn: d(-1),
      summary: "Denunciante: Juana Pérez, calle Olmo 12",
    });
    await complaint(db, a.id, { receivedOn: d(-40), category: "EXCESSIVE_FORCE", status: "SUSTAINED", resolvedOn: d(-1) });
    await complaint(db, a.id, { receivedOn: d(-40), category: "TORTURE", status: "INVESTIGATING" });
    const counts = await detectAlertEvents(db, NOW);
    expect(counts.SERIOUS_ABUSE_SUSTAINED).toBe(1);
    const payload = await event(`SERIOUS_ABUSE_SUSTAINED:c${torture.id}`);
    expect(payload?.items).toEqual([
      { kind: "seriousAbuse", departmentId: a.id, complaintRef: torture.ref, category: "TORTURE", resolvedOn: d(-1) },
    ]);
    expect(JSON.stringify(payload)).not.toContain("Juana");
  });

  it("detects level rises against the department's previous scheduled run, ignoring backtests", async () => {
    const { db } = test.current;
    const first = await evaluationRun(db, d(-1), [
      { departmentId: a.id, level: "WATCH" },
      { departmentId: b.id, level: "REVIEW" },
    ]);
    await evaluationRun(db, d(-1), [{ departmentId: a.id, level: "RECEIVERSHIP" }], { trigger: "BACKTEST" });
    const run = await evaluationRun(db, D, [
      { departmentId: a.id, level: "REVIEW" },
      { departmentId: b.id, level: "WATCH" },
      { departmentId: c.id, level: "WATCH" },
      { departmentId: e.id, level: "NONE" },
    ]);
    // The first run rises from nothing; the second against the first.
    expect((await detectAlertEvents(db, NOW)).LEVEL_ROSE).toBe(2);
    expect((await event(`LEVEL_ROSE:run${first.id}`))?.items.map((i) => i.departmentId)).toEqual([a.id, b.id]);
    expect((await event(`LEVEL_ROSE:run${run.id}`))?.items).toEqual([
      { kind: "levelRose", departmentId: a.id, from: "WATCH", to: "REVIEW", runId: run.id, asOf: D },
      { kind: "levelRose", departmentId: c.id, from: "NONE", to: "WATCH", runId: run.id, asOf: D },
    ]);

    const result = run.results.find((r) => r.departmentId === a.id)!;
    const rec = await db.recommendation.create({
      data: { departmentId: a.id, evaluationRunId: run.id, evaluationResultId: result.id, level: "REVIEW", previousLevel: "WATCH" },
    });
    expect((await detectAlertEvents(db, NOW)).RECOMMENDATION_AWAITING).toBe(1);
    expect((await event(`RECOMMENDATION_AWAITING:rec${rec.id}`))?.items).toEqual([
      { kind: "recommendation", departmentId: a.id, recommendationId: rec.id, level: "REVIEW", previousLevel: "WATCH" },
    ]);
  });

  it("alerts review and receivership deadlines once when they come within 7 days", async () => {
    const { db } = test.current;
    const owner = await alertUser(db, "IA_SUPERVISOR");
    const kase = await db.receivershipCase.create({
      data: {
        departmentId: b.id,
        legalBasis: "Art. 115",
        receivingAuthority: "SSPC",
        terms: "—",
        proposedById: owner.id,
        status: "IMPOSED",
      },
    });
    const due = await db.receivershipMilestone.create({ data: { caseId: kase.id, title: "x", dueOn: day(d(7)) } });
    await db.receivershipMilestone.create({ data: { caseId: kase.id, title: "x", dueOn: day(d(8)) } });
    await db.receivershipMilestone.create({ data: { caseId: kase.id, title: "x", dueOn: day(d(2)), completedOn: day(d(-1)) } });
    const review = await db.review.create({
      data: { departmentId: c.id, openedById: owner.id, ownerId: owner.id, scope: "x", dueOn: day(d(0)) },
    });
    expect((await detectAlertEvents(db, NOW)).MILESTONE_DUE).toBe(2);
    expect((await event(`MILESTONE_DUE:m${due.id}:${d(7)}`))?.items).toEqual([
      { kind: "milestoneDue", departmentId: b.id, subject: "receivership", recordId: kase.id, dueOn: d(7) },
    ]);
    expect((await event(`MILESTONE_DUE:r${review.id}:${D}`))?.items).toEqual([
      { kind: "milestoneDue", departmentId: c.id, subject: "review", recordId: review.id, dueOn: D },
    ]);
  });

  it("records nothing new when run again, by this or any other worker", async () => {
    const { db } = test.current;
    const before = await db.alertEvent.count();
    const again = await Promise.all([detectAlertEvents(db, NOW), detectAlertEvents(db, NOW)]);
    for (const counts of again) expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    expect(await db.alertEvent.count()).toBe(before);
  });
});
