import PgBoss from "pg-boss";
import { resolveDatabase } from "../db/connection";
import type { BacktestQueue } from "../rule-sets/backtest";
import { withQueueSetupLock } from "./queue-lock";

/** Backtests run on the background workers (`vigila worker`, `npm run demo`), several at once if asked. */
export const BACKTEST_JOB = "rule-backtest";
export const BACKTEST_QUEUE_OPTIONS = {
  name: BACKTEST_JOB,
  policy: "standard",
  retryLimit: 3,
  retryDelay: 30,
  expireInSeconds: 3600,
} as const;

export type BacktestJob = { backtestId: number };

/** Creates the queue unless it exists (workers call this at start too). */
export async function ensureBacktestQueue(boss: PgBoss, url: string) {
  await withQueueSetupLock(url, async () => {
    if (!(await boss.getQueue(BACKTEST_JOB))) await boss.createQueue(BACKTEST_JOB, BACKTEST_QUEUE_OPTIONS);
  });
}

const senders = new Map<string, Promise<PgBoss>>();

/** A send-only pg-boss client (no maintenance, no schedules) per database, started on first use. */
function sender(url: string): Promise<PgBoss> {
  let boss = senders.get(url);
  if (!boss) {
    boss = (async () => {
      const client = new PgBoss({
        connectionString: url,
        max: 2,
        supervise: false,
        schedule: false,
        application_name: "vigila-backtest-sender",
      });
      client.on("error", () => undefined);
      await client.start();
      return client;
    })();
    senders.set(url, boss);
    boss.catch(() => senders.delete(url));
  }
  return boss;
}

/**
 * The queue the app hands backtests to. The job only carries the backtest's id: its progress and
 * results live in PostgreSQL, so any app instance shows them and a retried job resumes.
 */
export function pgBossBacktestQueue(url?: string): BacktestQueue {
  return {
    async enqueue(backtestId) {
      const resolvedUrl = url ?? (await resolveDatabase()).url;
      const boss = await sender(resolvedUrl);
      // Until a worker has started, nobody has created the queue; the job then waits there for one.
      if (!(await boss.getQueue(BACKTEST_JOB))) await ensureBacktestQueue(boss, resolvedUrl);
      const id = await boss.send(BACKTEST_JOB, { backtestId } satisfies BacktestJob);
      if (!id) throw new Error(`The background queue refused backtest ${backtestId}`);
    },
  };
}

/** Stops the send-only clients (tests and CLI commands that enqueued). */
export async function stopBacktestSenders() {
  const all = [...senders.values()];
  senders.clear();
  await Promise.all(all.map(async (boss) => (await boss.catch(() => null))?.stop({ graceful: false, wait: true })));
}
