import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { DEMO_REFERENCE_DATE } from "~/server/demo/calendar";
import { prepareDemo } from "~/server/demo/prepare-demo";
import { type TestDatabase, createTestDatabase, dropTestDatabase, useTestDatabase } from "../support/database";

/**
 * `vigila seed --demo --as-of D`: the demo seeded 400 days before the documented date has the same
 * shape — the same rows, the same stored levels for every department and every rule, the same
 * oversight history — with every date moved by the 400 days.
 */
const test = useTestDatabase();
const OTHER = "2025-10-24"; // DEMO_REFERENCE_DATE − 400 days
let documented: TestDatabase | undefined;
afterAll(async () => {
  if (documented) await dropTestDatabase(documented);
});

const shift = (ymd: string, days: number) => new Date(Date.parse(`${ymd}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const ymd = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

async function shape(db: Db) {
  const counts = await Promise.all([
    db.department.count(),
    db.officer.count(),
    db.trainingRecord.count(),
    db.vettingEvaluation.count(),
    db.complaint.count(),
    db.complaintOfficer.count(),
    db.recommendation.count(),
    db.review.count(),
    db.comment.count(),
  ]);
  const results = await db.evaluationResult.findMany({
    select: { level: true, insufficientData: true, rules: true, department: { select: { code: true } } },
    orderBy: { department: { code: "asc" } },
  });
  const levels = results.map((r) => ({
    code: r.department.code,
    level: r.level,
    insufficientData: r.insufficientData,
    rules: (r.rules as { id: string; level: string }[]).map((rule) => `${rule.id}:${rule.level}`),
  }));
  const run = await db.evaluationRun.findFirstOrThrow({ select: { asOf: true } });
  const cases = await db.receivershipCase.findMany({
    orderBy: { id: "asc" },
    select: {
      status: true,
      startDate: true,
      endDate: true,
      department: { select: { code: true } },
      milestones: { orderBy: { id: "asc" } },
    },
  });
  const reviews = await db.review.findMany({
    orderBy: { id: "asc" },
    select: { status: true, dueOn: true, department: { select: { code: true } } },
  });
  return { counts, levels, asOf: ymd(run.asOf)!, cases, reviews };
}

describe("the demo seeded as of another date", () => {
  it("has the documented shape with every date moved by the same number of days", async () => {
    const moved = await prepareDemo(test.current.db, { size: "small", asOf: OTHER });
    expect(moved.asOf).toBe(OTHER);
    expect(moved.seed.referenceDate).toBe(OTHER);
    documented = await createTestDatabase();
    await prepareDemo(documented.db, { size: "small", asOf: DEMO_REFERENCE_DATE });

    const [at, reference] = [await shape(test.current.db), await shape(documented.db)];
    expect(at.asOf).toBe(OTHER);
    expect(reference.asOf).toBe(DEMO_REFERENCE_DATE);
    expect(at.counts).toEqual(reference.counts);
    expect(at.levels).toEqual(reference.levels);
    expect(at.levels.filter((l) => l.level !== "NONE").length).toBeGreaterThan(20);

    const days = -400;
    expect(at.cases.map((c) => c.department.code)).toEqual(reference.cases.map((c) => c.department.code));
    at.cases.forEach((c, i) => {
      const r = reference.cases[i]!;
      expect(c.status).toBe(r.status);
      expect([ymd(c.startDate), ymd(c.endDate)]).toEqual([r.startDate, r.endDate].map((d) => (d ? shift(ymd(d)!, days) : null)));
      expect(c.milestones.map((m) => [ymd(m.dueOn), ymd(m.completedOn)])).toEqual(
        r.milestones.map((m) => [shift(ymd(m.dueOn)!, days), m.completedOn ? shift(ymd(m.completedOn)!, days) : null]),
      );
    });
    expect(at.reviews.map((r) => [r.department.code, r.status, ymd(r.dueOn)])).toEqual(
      reference.reviews.map((r) => [r.department.code, r.status, r.dueOn ? shift(ymd(r.dueOn)!, days) : null]),
    );
    const latest = await test.current.db.vettingEvaluation.findFirstOrThrow({ orderBy: { evaluatedOn: "desc" } });
    expect(ymd(latest.evaluatedOn)! <= OTHER).toBe(true);
  }, 120_000);
});
