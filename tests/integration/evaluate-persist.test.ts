import { beforeEach, describe, expect, it } from "vitest";
import { runEvaluation } from "~/server/evaluations/run-evaluation";
import { readPersistedRules } from "~/server/evaluations/persisted";
import { useTestDatabase } from "../support/database";
import { type Dataset, clearDataset, dataset, loadDataset, staff } from "../support/rules-dataset";

const test = useTestDatabase();
const CLI = { trigger: "CLI" as const, actor: { userId: null } };

/** GOOD: fully vetted; POOR: 2 of 4 approved (REVIEW); EMPTY: no officers; FAILING gains failures later. */
function scenario(extraFailures = 0): Dataset {
  const approved = (officer: string) => ({ officer, evaluatedOn: "2025-01-01", result: "APPROVED" as const, validUntil: "2028-01-01" });
  const trained = (officer: string) => [
    { officer, course: "FORMACION_INICIAL", completedOn: "2024-01-01", hours: "30.00" },
    { officer, course: "FORMACION_INICIAL", completedOn: "2026-02-01", hours: "40.00" },
  ];
  const good = staff("GOOD", 10, "G");
  const poor = staff("POOR", 4, "P");
  const failing = staff("FAILING", 20, "F");
  return dataset({
    departments: [
      { code: "GOOD", kind: "MUNICIPAL", authorizedStrength: 10 },
      { code: "POOR", kind: "MUNICIPAL", stateCode: "14" },
      { code: "EMPTY", kind: "STATE", authorizedStrength: 50 },
      { code: "FAILING", kind: "MUNICIPAL", authorizedStrength: 10 },
    ],
    officers: [...good, ...poor, ...failing],
    training: [...good, ...poor, ...failing].flatMap((o) => trained(o.id)),
    vetting: [
      ...good.map((o) => approved(o.id)),
      ...poor.slice(0, 2).map((o) => approved(o.id)),
      ...failing.map((o, i) =>
        i < extraFailures
          ? { officer: o.id, evaluatedOn: "2026-01-01", result: "NOT_APPROVED" as const, validUntil: "2029-01-01" }
          : approved(o.id),
      ),
    ],
  });
}

/** The first `count` FAILING officers' vetting becomes a failure on 2026-01-01 (still on duty). */
async function failOfficers(count: number) {
  const ids = Array.from({ length: count }, (_, i) => `F${i + 1}`);
  await test.current.db.vettingEvaluation.updateMany({
    where: { officerId: { in: ids } },
    data: { result: "NOT_APPROVED", evaluatedOn: new Date("2026-01-01T00:00:00Z") },
  });
}

beforeEach(async () => {
  await clearDataset(test.current.db);
});

describe("persisted evaluation runs", () => {
  it("store every department's result with figures, thresholds, evidence and warnings, and audit the run", async () => {
    const { db } = test.current;
    await loadDataset(db, scenario());
    const run = await runEvaluation(db, { asOf: "2026-06-30", ...CLI });
    expect(run).toMatchObject({
      ruleSetId: "federal-baseline",
      version: 1,
      asOf: "2026-06-30",
      levels: { NONE: 3, WATCH: 0, REVIEW: 1, RECEIVERSHIP: 0 },
    });
    const stored = await db.evaluationRun.findUniqueOrThrow({
      where: { id: run.runId },
      include: { results: { include: { department: true } } },
    });
    expect(stored).toMatchObject({ status: "SUCCEEDED", trigger: "CLI", error: null });
    expect(stored.asOf.toISOString().slice(0, 10)).toBe("2026-06-30");
    expect(stored.finishedAt).not.toBeNull();
    const byCode = Object.fromEntries(stored.results.map((r) => [r.department.code, r]));
    expect(Object.keys(byCode).sort()).toEqual(["EMPTY", "FAILING", "GOOD", "POOR"]);
    expect(byCode.EMPTY).toMatchObject({ level: "NONE", insufficientData: true, activeOfficers: 0 });
    expect(byCode.EMPTY!.warnings).toEqual([
      { code: "NO_ACTIVE_OFFICERS" },
      { code: "ACTIVE_BELOW_HALF_AUTHORIZED", active: 0, authorized: 50 },
    ]);
    expect(byCode.POOR!.warnings).toEqual([{ code: "OFFICERS_WITHOUT_VETTING", count: 2 }, { code: "AUTHORIZED_STRENGTH_MISSING" }]);
    expect(byCode.GOOD!.warnings).toEqual([]);

    const poor = readPersistedRules(byCode.POOR!.rules);
    expect(poor.map((r) => r.id)).toEqual([
      "vetting-coverage",
      "failed-vetting-on-duty",
      "training-compliance",
      "serious-abuse",
      "human-rights-recommendations",
      "complaint-rate",
      "corruption-not-reduced",
    ]);
    expect(poor[0]).toMatchObject({
      id: "vetting-coverage",
      level: "REVIEW",
      value: 50,
      threshold: "V < 75",
      title: "Vetting coverage",
      figures: { V: 50, approved: 2, N: 4 },
      exact: { V: "50", approved: "2", N: "4" },
      records: [
        { bucket: "not_approved", officerId: "P3", vettingId: null, complaintRef: null },
        { bucket: "not_approved", officerId: "P4", vettingId: null, complaintRef: null },
      ],
    });
    // Rules that did not fire keep no records; complaint-rate keeps its spec keys at the top level.
    expect(poor[5]).toMatchObject({
      id: "complaint-rate",
      level: "NONE",
      value: 0,
      peer_median: 0,
      count: 0,
      threshold: null,
      records: null,
    });

    const audit = await db.auditEvent.findMany({
      where: { targetType: { in: ["EvaluationRun", "Recommendation"] } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["evaluation.start", "recommendation.open", "evaluation.run"]);
  });

  it("open a recommendation only where the level rose since the previous persisted run", async () => {
    const { db } = test.current;
    await loadDataset(db, scenario());
    const first = await runEvaluation(db, { asOf: "2026-06-30", ...CLI });
    const firstRecs = await db.recommendation.findMany({ include: { department: true } });
    // A first assessment compares with NONE: POOR (REVIEW) gets one.
    expect(firstRecs.map((r) => [r.department.code, r.previousLevel, r.level, r.status, r.evaluationRunId])).toEqual([
      ["POOR", "NONE", "REVIEW", "OPEN", first.runId],
    ]);

    // Same data: nothing rose, nothing opened.
    const again = await runEvaluation(db, { asOf: "2026-07-01", ...CLI });
    expect(again.recommendationIds).toEqual([]);

    // FAILING now has one failed officer (REVIEW).
    await failOfficers(1);
    const rose = await runEvaluation(db, { asOf: "2026-07-02", ...CLI });
    expect(rose.recommendationIds).toHaveLength(1);
    const rec = await db.recommendation.findUniqueOrThrow({
      where: { id: rose.recommendationIds[0] },
      include: { department: true, evaluationResult: true },
    });
    expect(rec).toMatchObject({ level: "REVIEW", previousLevel: "NONE", status: "OPEN", evaluationRunId: rose.runId });
    expect(rec.evaluationResult.runId).toBe(rose.runId);
  });

  it("compare with the department's last successful non-backtest run, and never open recommendations for backtests", async () => {
    const { db } = test.current;
    await loadDataset(db, scenario(1));
    const backtest = await runEvaluation(db, { asOf: "2026-06-30", trigger: "BACKTEST", actor: { userId: null } });
    expect(backtest.recommendationIds).toEqual([]);
    const first = await runEvaluation(db, { asOf: "2026-06-30", ...CLI });
    expect(first.recommendationIds).toHaveLength(2); // POOR and FAILING at REVIEW, the backtest ignored
    await failOfficers(3);
    const worse = await runEvaluation(db, { asOf: "2026-07-31", ...CLI });
    const recs = await db.recommendation.findMany({ where: { evaluationRunId: worse.runId }, include: { department: true } });
    expect(recs.map((r) => [r.department.code, r.previousLevel, r.level])).toEqual([["FAILING", "REVIEW", "RECEIVERSHIP"]]);
  });

  it("never open the same recommendation twice when two runs persist at once", async () => {
    const { db } = test.current;
    await loadDataset(db, scenario(1));
    const runs = await Promise.all([runEvaluation(db, { asOf: "2026-06-30", ...CLI }), runEvaluation(db, { asOf: "2026-06-30", ...CLI })]);
    expect(runs.map((r) => r.recommendationIds.length).sort()).toEqual([0, 2]);
    expect(await db.recommendation.count()).toBe(2);
  });

  it("refuse drafts and bad dates without storing anything", async () => {
    const { db } = test.current;
    const v1 = await db.ruleSetVersion.findFirstOrThrow({ where: { ruleSetId: "federal-baseline", version: 1 } });
    await db.ruleSetVersion.create({
      data: { ruleSetId: "federal-baseline", version: 7, status: "DRAFT", definition: v1.definition as object },
    });
    await expect(runEvaluation(db, { asOf: "2026-06-30", ruleSet: { ruleSetId: "federal-baseline", version: 7 }, ...CLI })).rejects.toThrow(
      /version 7 is a draft: only published versions can be persisted/,
    );
    await expect(runEvaluation(db, { asOf: "2026-02-30", ...CLI })).rejects.toThrow("Invalid evaluation date '2026-02-30'");
    expect(await db.evaluationRun.count()).toBe(0);
  });

  it("mark a run that fails half-way FAILED, with nothing else stored", async () => {
    const { db } = test.current;
    await loadDataset(db, scenario(1));
    await db.$executeRawUnsafe(
      `create function fail_result() returns trigger language plpgsql as $$ begin raise exception 'disk full (simulated)'; end $$`,
    );
    await db.$executeRawUnsafe(
      `create trigger fail_result before insert on "EvaluationResult" for each statement execute function fail_result()`,
    );
    try {
      await expect(runEvaluation(db, { asOf: "2026-06-30", ...CLI })).rejects.toThrow(/disk full/);
    } finally {
      await db.$executeRawUnsafe(`drop trigger fail_result on "EvaluationResult"`);
    }
    const [run] = await db.evaluationRun.findMany();
    expect(run).toMatchObject({ status: "FAILED" });
    expect(run!.error).toMatch(/disk full \(simulated\)/);
    expect(await db.evaluationResult.count()).toBe(0);
    expect(await db.recommendation.count()).toBe(0);
    const last = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({
      action: "evaluation.run",
      targetId: String(run!.id),
      changes: { status: { before: "RUNNING", after: "FAILED" } },
    });
  });
});
