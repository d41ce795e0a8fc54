import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAlertsCycle } from "~/server/alerts/cycle";
import { type Db, createDb } from "~/server/db/client";
import { dueEvaluationDay, evaluationSettled, runDailyEvaluation } from "~/server/jobs/daily-evaluation";
import { scheduledEvaluation } from "~/server/jobs/evaluation";
import { runScheduledOnce } from "~/server/jobs/scheduled-runs";
import { ALERTS_CYCLE_JOB, startWorker } from "~/server/jobs/worker";
import { alertDepartment, alertUser } from "../support/alerts-fixtures";
import { useTestDatabase } from "../support/database";
import { waitFor } from "../support/worker-process";

const test = useTestDatabase();
const quick = { leaseMs: 60_000, maxAttempts: 3, retryAfterMs: 0 };

describe("scheduled jobs run once in effect", () => {
  const others: Db[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 3; i++) others.push(createDb(test.current.url, { max: 2 }));
    await alertDepartment(test.current.db, "16");
  });
  afterAll(async () => {
    await Promise.all(others.map((db) => db.$disconnect()));
  });

  it("lets exactly one of many concurrent workers claim a period", async () => {
    let runs = 0;
    const outcomes = await Promise.all(
      [test.current.db, ...others].map((db) =>
        runScheduledOnce(db, "probe", "2026-06-30", quick, async () => {
          runs++;
          await new Promise((r) => setTimeout(r, 200));
          return "done";
        }),
      ),
    );
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o.status === "ran")).toHaveLength(1);
    expect(await runScheduledOnce(test.current.db, "probe", "2026-06-30", quick, async () => runs++)).toEqual({ status: "skipped" });
    expect(runs).toBe(1);
  });

  it("retries a failed run until its attempts are used up, and takes over an expired claim", async () => {
    const fail = async () => {
      throw new Error("database went away");
    };
    for (const attempt of [1, 2, 3]) {
      expect(await runScheduledOnce(test.current.db, "flaky", "p", quick, fail)).toMatchObject({ status: "failed", attempt });
    }
    expect(await runScheduledOnce(test.current.db, "flaky", "p", quick, async () => 1)).toEqual({ status: "skipped" });
    const row = await test.current.db.scheduledJobRun.findUniqueOrThrow({ where: { name_periodKey: { name: "flaky", periodKey: "p" } } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 3, error: "database went away" });

    // A claimant that died holds its lease until it expires; then the next worker takes over.
    await test.current.db.scheduledJobRun.create({
      data: { name: "crashed", periodKey: "p", status: "RUNNING", leaseUntil: new Date(Date.now() + 60_000) },
    });
    expect(await runScheduledOnce(test.current.db, "crashed", "p", quick, async () => 1)).toEqual({ status: "skipped" });
    await test.current.db.scheduledJobRun.update({
      where: { name_periodKey: { name: "crashed", periodKey: "p" } },
      data: { leaseUntil: new Date(Date.now() - 1) },
    });
    expect(await runScheduledOnce(test.current.db, "crashed", "p", quick, async () => 7)).toEqual({ status: "ran", attempt: 2, value: 7 });
  });

  it("is due from 02:00 Mexico City time, whatever the process's time zone", () => {
    expect(dueEvaluationDay(new Date("2026-06-30T07:59:59Z"))).toBeNull();
    expect(dueEvaluationDay(new Date("2026-06-30T08:00:00Z"))).toBe("2026-06-30");
    expect(dueEvaluationDay(new Date("2026-07-01T05:59:59Z"))).toBe("2026-06-30");
  });

  it("persists one scheduled evaluation per day however many workers run it, even after a crash", async () => {
    const day = "2026-06-30";
    await Promise.all([test.current.db, ...others].map((db) => runDailyEvaluation(db, day, scheduledEvaluation)));
    const runs = await test.current.db.evaluationRun.findMany({ where: { trigger: "SCHEDULE", asOf: new Date(`${day}T00:00:00Z`) } });
    expect(runs.map((r) => r.status)).toEqual(["SUCCEEDED"]);
    // Crash after the evaluation committed but before the job was marked done: the takeover re-uses it.
    await test.current.db.scheduledJobRun.update({
      where: { name_periodKey: { name: "daily-evaluation", periodKey: day } },
      data: { status: "RUNNING", leaseUntil: new Date(Date.now() - 1) },
    });
    expect(await runDailyEvaluation(test.current.db, day, scheduledEvaluation)).toEqual({
      status: "ran",
      attempt: 2,
      value: { runId: runs[0]!.id },
    });
    expect(await test.current.db.evaluationRun.count({ where: { trigger: "SCHEDULE" } })).toBe(1);
    // Nothing left for the catch-up ticks to do that day.
    expect(await evaluationSettled(test.current.db, day)).toBe(true);
  });

  it("alerts administrators when the daily evaluation fails", async () => {
    const admin = await alertUser(test.current.db, "ADMIN", { locale: "en" });
    const outcome = await runDailyEvaluation(
      test.current.db,
      "2026-07-01",
      async () => {
        throw new Error("rule set missing");
      },
      new Date("2026-07-01T08:00:00Z"),
    );
    expect(outcome).toMatchObject({ status: "failed", attempt: 1 });
    // Two more attempts remain for the catch-up ticks.
    expect(await evaluationSettled(test.current.db, "2026-07-01")).toBe(false);
    await runAlertsCycle(test.current.db, { now: new Date("2026-07-01T08:01:00Z") });
    const [email] = await test.current.db.outboxEmail.findMany({ where: { userId: admin.id } });
    expect(email?.subject).toBe("Vigila: The daily evaluation failed to run");
    expect(email?.text).toContain("The scheduled evaluation for 2026-07-01 failed.");
  });

  it("runs pg-boss queues and schedules in every worker; a cycle job does the alerts work", async () => {
    const workers = await Promise.all([0, 1].map(() => startWorker({ db: test.current.db, url: test.current.url, transport: null })));
    try {
      const boss = new PgBoss({ connectionString: test.current.url, max: 1 });
      boss.on("error", () => undefined);
      await boss.start();
      try {
        const schedules = await boss.getSchedules();
        expect(schedules.map((s) => [s.name, s.cron, (s as { timezone?: string }).timezone]).sort()).toEqual([
          [ALERTS_CYCLE_JOB, "* * * * *", "UTC"],
          ["daily-evaluation", "0 2 * * *", "America/Mexico_City"],
        ]);
        const completed = async (id: string | null) => {
          await waitFor(
            async () => (await boss.getJobById(ALERTS_CYCLE_JOB, id!, { includeArchive: true }))?.state === "completed",
            30_000,
            "the cycle job",
            200,
          );
        };
        await test.current.db.alertEvent.deleteMany({ where: { trigger: "VETTING_EXPIRING" } });
        await completed(await boss.send(ALERTS_CYCLE_JOB, {}));
        // Today's vetting snapshot was recorded by whichever worker took the job …
        expect(await test.current.db.alertEvent.count({ where: { trigger: "VETTING_EXPIRING" } })).toBe(1);
        const after = await test.current.db.alertEvent.count();
        // … and running the job again records nothing twice.
        await completed(await boss.send(ALERTS_CYCLE_JOB, {}));
        expect(await test.current.db.alertEvent.count()).toBe(after);
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  });
});
