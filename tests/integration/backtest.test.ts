import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trendPoints } from "~/server/dashboard/as-of";
import { pgBossBacktestQueue, stopBacktestSenders } from "~/server/jobs/backtest-queue";
import { startWorker } from "~/server/jobs/worker";
import { type BacktestQueue, getBacktest, requestBacktest, runBacktest } from "~/server/rule-sets/backtest";
import { createDraft, updateDraft } from "~/server/rule-sets/drafts";
import { useTestDatabase } from "../support/database";
import { dataset, dropLevel, healthyDepartment, publishedDefinition } from "../support/rule-editor-fixtures";
import { clearDataset, loadDataset, staff } from "../support/rules-dataset";
import { type TestUser, createUser } from "../support/workflow-fixtures";
import { waitFor } from "../support/worker-process";

const test = useTestDatabase();
const END = "2026-06-30";
const DATES = trendPoints(END);
let admin: TestUser;
let draftId: number;
let baselineId: number;
const queued: number[] = [];
const inline: BacktestQueue = { enqueue: async (id) => void queued.push(id) };

/**
 * BT-A: ten officers hired 2025-06-15, approved and trained on 2025-06-01 — no officers (insufficient
 * data) before, NONE until the training leaves the 365-day window, REVIEW at 2026-06-30.
 * BT-B: ten officers never vetted nor trained: RECEIVERSHIP under v1 (V = 0 < 50); REVIEW under the
 * draft, which drops vetting coverage's RECEIVERSHIP level.
 */
beforeAll(async () => {
  const { db } = test.current;
  admin = await createUser(db, "ADMIN");
  await clearDataset(db);
  const a = healthyDepartment("BT-A", 10, "A", "2025-06-01", "2025-06-15");
  await loadDataset(
    db,
    dataset(
      {
        ...a,
        vetting: a.vetting!.map((v) => ({ ...v, evaluatedOn: "2025-06-01", validUntil: "2028-06-01" })),
        training: a.training!.map((t) => ({ ...t, completedOn: "2025-06-01" })),
      },
      { departments: [{ code: "BT-B", kind: "MUNICIPAL" }], officers: staff("BT-B", 10, "B") },
    ),
  );
  const base = await publishedDefinition(db);
  baselineId = base.id;
  const draft = await createDraft(db, admin, { fromVersionId: base.id });
  await updateDraft(db, admin, {
    id: draft.id,
    lockVersion: 1,
    definition: dropLevel(base.definition, "vetting-coverage", "RECEIVERSHIP"),
  });
  draftId = draft.id;
});

afterAll(async () => {
  await stopBacktestSenders();
});

/** What the hand-built dataset must give at each monthly date, per series. */
function expected(asOf: string, baseline: boolean) {
  const beforeHire = asOf < "2025-06-15";
  const a = asOf === END ? "REVIEW" : "NONE";
  const b = baseline ? "RECEIVERSHIP" : "REVIEW";
  const levels = { NONE: 0, WATCH: 0, REVIEW: 0, RECEIVERSHIP: 0 };
  levels[a] += 1;
  levels[b] += 1;
  return { asOf, ...levels, insufficientData: beforeHire ? 1 : 0 };
}

describe("backtests", () => {
  it("evaluate the version and the current one at 24 monthly dates and store departments per level", async () => {
    const { db } = test.current;
    const { id } = await requestBacktest(db, admin, { versionId: draftId, endOn: END }, inline);
    expect(queued).toEqual([id]);
    expect(await getBacktest(db, admin, { id })).toMatchObject({ status: "QUEUED", completedSteps: 0, totalSteps: 48, points: [] });
    expect(await runBacktest(db, id)).toBe("ran");
    const result = await getBacktest(db, admin, { id });
    expect(result).toMatchObject({
      status: "SUCCEEDED",
      completedSteps: 48,
      totalSteps: 48,
      endOn: END,
      months: 24,
      baseline: { id: baselineId, version: 1 },
    });
    expect(DATES[0]).toBe("2024-07-31");
    expect(result.points).toEqual(DATES.map((d) => expected(d, false)));
    expect(result.baselinePoints).toEqual(DATES.map((d) => expected(d, true)));
    // Nothing of it is an evaluation run, and a finished backtest is never run again.
    expect(await db.evaluationRun.count()).toBe(0);
    expect(await runBacktest(db, id)).toBe("skipped");
    const actions = await db.auditEvent.findMany({ where: { targetType: "Backtest", targetId: String(id) }, orderBy: { id: "asc" } });
    expect(actions.map((e) => e.action)).toEqual(["ruleSet.backtest.request", "ruleSet.backtest.finish"]);
  });

  it("resume after a crash from the dates already stored, counting progress once", async () => {
    const { db } = test.current;
    const { id } = await requestBacktest(db, admin, { versionId: draftId, endOn: END }, inline);
    // A worker died after storing the first two dates of the version (and claiming the job).
    await db.backtest.update({ where: { id }, data: { status: "RUNNING", completedSteps: 2 } });
    for (const asOf of DATES.slice(0, 2)) {
      const { NONE, REVIEW, RECEIVERSHIP, insufficientData } = expected(asOf, false);
      await db.backtestPoint.create({
        data: {
          backtestId: id,
          baseline: false,
          asOf: new Date(`${asOf}T00:00:00Z`),
          none: NONE,
          watch: 0,
          review: REVIEW,
          receivership: RECEIVERSHIP,
          insufficientData,
        },
      });
    }
    await runBacktest(db, id);
    const result = await getBacktest(db, admin, { id });
    expect(result).toMatchObject({ status: "SUCCEEDED", completedSteps: 48 });
    expect(result.points).toEqual(DATES.map((d) => expected(d, false)));
  });

  it("of the current version itself have one series", async () => {
    const { db } = test.current;
    const { id } = await requestBacktest(db, admin, { versionId: baselineId, endOn: END }, inline);
    await runBacktest(db, id);
    const result = await getBacktest(db, admin, { id });
    expect(result).toMatchObject({ status: "SUCCEEDED", completedSteps: 24, totalSteps: 24, baseline: null, baselinePoints: null });
    expect(result.points).toEqual(DATES.map((d) => expected(d, true)));
  });

  it("run on a pg-boss worker, with progress any process can read", async () => {
    const { db, url } = test.current;
    const worker = await startWorker({ db, url, transport: null });
    try {
      const { id } = await requestBacktest(db, admin, { versionId: draftId, endOn: END }, pgBossBacktestQueue(url));
      const progress = new Set<number>();
      await waitFor(
        async () => {
          const row = await db.backtest.findUniqueOrThrow({ where: { id } });
          progress.add(row.completedSteps);
          return row.status === "SUCCEEDED" || row.status === "FAILED";
        },
        60_000,
        "the backtest to finish",
      );
      const result = await getBacktest(db, admin, { id });
      expect(result.status).toBe("SUCCEEDED");
      expect(result.points).toEqual(DATES.map((d) => expected(d, false)));
      expect(Math.max(...progress)).toBe(48);
    } finally {
      await worker.stop();
    }
  });

  it("that cannot be queued are marked failed rather than left waiting forever", async () => {
    const { db } = test.current;
    const broken: BacktestQueue = { enqueue: async () => Promise.reject(new Error("queue database unreachable")) };
    await expect(requestBacktest(db, admin, { versionId: draftId, endOn: END }, broken)).rejects.toThrow("queue database unreachable");
    const row = await db.backtest.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(row).toMatchObject({ status: "FAILED", error: "Could not queue the backtest: queue database unreachable", completedSteps: 0 });
  });

  it("refuse an impossible end date and unknown versions, storing nothing", async () => {
    const { db } = test.current;
    const before = await db.backtest.count();
    await expect(requestBacktest(db, admin, { versionId: draftId, endOn: "2026-13-01" }, inline)).rejects.toThrow(
      /Invalid evaluation date '2026-13-01'/,
    );
    await expect(requestBacktest(db, admin, { versionId: 999_999 }, inline)).rejects.toThrow(/Rule set version 999999 not found/);
    expect(await db.backtest.count()).toBe(before);
  });
});
