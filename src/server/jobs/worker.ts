import pg from "pg";
import PgBoss from "pg-boss";
import { runAlertsCycle } from "../alerts/cycle";
import { FEDERAL_TIME_ZONE } from "../alerts/periods";
import { refreshDashboardFigures } from "../dashboard/refresh";
import { type Db, getDb } from "../db/client";
import { resolveDatabase } from "../db/connection";
import { OutboxSender, SenderLiveness } from "../email/sender";
import { type MailTransport, configuredTransport } from "../email/transport";
import { log } from "../log";
import {
  DAILY_EVALUATION_HOUR,
  DAILY_EVALUATION_JOB,
  type RunEvaluation,
  dueEvaluationDay,
  evaluationSettled,
  runDailyEvaluation,
} from "./daily-evaluation";
import { BACKTEST_JOB, type BacktestJob, ensureBacktestQueue } from "./backtest-queue";
import { QUEUE_SETUP_LOCK_KEY } from "./queue-lock";

export const ALERTS_CYCLE_JOB = "alerts-cycle";

export type WorkerOptions = {
  db?: Db;
  url?: string;
  /** false: only drain the outbox (no pg-boss queues or schedules). */
  schedules?: boolean;
  /** Defaults to SMTP_URL, or the demo catcher in demo mode. */
  transport?: MailTransport | null;
  evaluate?: RunEvaluation;
  /** How often an idle sender looks for new emails. */
  pollMs?: number;
};

export type WorkerHandle = { stop(): Promise<void> };

function interruptibleSleep(ms: number, stopped: { value: boolean; wake?: () => void }) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    stopped.wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
}

/** Sends until stopped, backing off while the SMTP server or the database is unreachable. */
async function senderLoop(sender: OutboxSender, pollMs: number, stopped: { value: boolean; wake?: () => void }) {
  let pause = 0;
  while (!stopped.value) {
    try {
      const result = await sender.drain(500);
      const busy = result.sent + result.failed + result.cancelled + result.retrying > 0;
      pause = result.transportDown ? Math.min(Math.max(pause * 2, 2_000), 60_000) : busy ? 0 : pollMs;
    } catch (err) {
      log.warn("Outbox sender could not reach the database; retrying", { error: (err as Error).message });
      pause = Math.min(Math.max(pause * 2, 1_000), 10_000);
    }
    if (pause > 0 && !stopped.value) await interruptibleSleep(pause, stopped);
  }
}

/** Creating pg-boss queues concurrently deadlocks (it creates tables): workers starting together take turns. */
async function setUpQueues(boss: PgBoss, url: string) {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [QUEUE_SETUP_LOCK_KEY]);
    // singleton: at most one active job per queue across all workers; the work is idempotent anyway.
    for (const [name, expireInSeconds] of [
      [ALERTS_CYCLE_JOB, 600],
      [DAILY_EVALUATION_JOB, 3600],
    ] as const) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: "singleton", retryLimit: 2, expireInSeconds });
    }
    await boss.schedule(ALERTS_CYCLE_JOB, "* * * * *");
    await boss.schedule(DAILY_EVALUATION_JOB, `0 ${DAILY_EVALUATION_HOUR} * * *`, {}, { tz: FEDERAL_TIME_ZONE });
  } finally {
    await lock.end();
  }
}

async function startQueues(boss: PgBoss, url: string, db: Db, evaluate: RunEvaluation) {
  await setUpQueues(boss, url);
  await ensureBacktestQueue(boss, url);
  const { runBacktest } = await import("../rule-sets/backtest");
  await boss.work<BacktestJob>(BACKTEST_JOB, async ([job]) => {
    if (job) await runBacktest(db, job.data.backtestId);
  });
  await boss.work<{ day?: string }>(DAILY_EVALUATION_JOB, async ([job]) => {
    const day = job?.data?.day ?? dueEvaluationDay(new Date());
    if (day) await runDailyEvaluation(db, day, evaluate);
  });
  await boss.work(ALERTS_CYCLE_JOB, async () => {
    // A worker that was down at 02:00 catches the evaluation up on its next tick.
    const day = dueEvaluationDay(new Date());
    if (day && !(await evaluationSettled(db, day))) await boss.send(DAILY_EVALUATION_JOB, { day }, { singletonKey: day });
    const result = await runAlertsCycle(db);
    log.debug("Alerts cycle", result);
    await refreshDashboardFigures(db);
  });
}

/**
 * The background worker: pg-boss queues and schedules (alerts cycle every minute, daily evaluation
 * at 02:00 Mexico City) and the outbox sender. Any number may run at once. `npm run demo` and
 * `vigila worker` both start one.
 */
export async function startWorker(options: WorkerOptions = {}): Promise<WorkerHandle> {
  const url = options.url ?? (await resolveDatabase()).url;
  const db = options.db ?? (await getDb());
  const transport = options.transport === undefined ? await configuredTransport() : options.transport;
  const stopped: { value: boolean; wake?: () => void } = { value: false };
  let boss: PgBoss | null = null;
  if (options.schedules !== false) {
    boss = new PgBoss({ connectionString: url, max: 3, application_name: "vigila-worker" });
    boss.on("error", (err) => log.warn("Job queue error", { error: err.message }));
    await boss.start();
    // Loaded only by workers that run schedules: a sender-only worker needs none of the rules code.
    await startQueues(boss, url, db, options.evaluate ?? (await import("./evaluation")).scheduledEvaluation);
  }
  const liveness = new SenderLiveness(url);
  const sending = transport ? senderLoop(new OutboxSender(db, transport, liveness), options.pollMs ?? 2_000, stopped) : Promise.resolve();
  log.info("Worker started", { transport: transport?.description ?? "none", schedules: boss !== null });
  return {
    async stop() {
      stopped.value = true;
      stopped.wake?.();
      await sending;
      await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
      await liveness.close();
      transport?.close();
      await (transport as { stopCatcher?: () => Promise<void> } | null)?.stopCatcher?.();
    },
  };
}
