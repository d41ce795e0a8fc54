import { recordEvaluationFailed } from "../alerts/record";
import { FEDERAL_TIME_ZONE, localDayAndHour } from "../alerts/periods";
import type { Db } from "../db/client";
import { log } from "../log";
import { type ScheduledRunOutcome, runScheduledOnce } from "./scheduled-runs";

/** The daily evaluation runs at 02:00 federal (Mexico City) time, for that calendar day. */
export const DAILY_EVALUATION_HOUR = 2;
export const DAILY_EVALUATION_JOB = "daily-evaluation";

/** Persists one evaluation run for `asOf` (YYYY-MM-DD) with trigger SCHEDULE; returns its id. */
export type RunEvaluation = (db: Db, asOf: string) => Promise<{ runId: number }>;

const RUN_OPTIONS = { leaseMs: 30 * 60_000, maxAttempts: 3, retryAfterMs: 15 * 60_000 };

/** True when `day`'s evaluation needs no more work: it succeeded, or failed as often as it may. */
export async function evaluationSettled(db: Db, day: string): Promise<boolean> {
  const run = await db.scheduledJobRun.findUnique({ where: { name_periodKey: { name: DAILY_EVALUATION_JOB, periodKey: day } } });
  return run?.status === "SUCCEEDED" || (run?.status === "FAILED" && run.attempts >= RUN_OPTIONS.maxAttempts);
}

/** The federal day whose evaluation is due at `now`, or null before 02:00. */
export function dueEvaluationDay(now: Date): string | null {
  const { day, hour } = localDayAndHour(now, FEDERAL_TIME_ZONE);
  return hour >= DAILY_EVALUATION_HOUR ? day : null;
}

/**
 * Runs the scheduled evaluation for `day` once in effect. A crash after the evaluation committed
 * but before the job was marked done must not evaluate twice, hence the look for an existing
 * scheduled run first. A failure is alerted (EVALUATION_FAILED, event and immediate emails in the
 * transaction that records the failure) and retried by later ticks.
 */
export async function runDailyEvaluation(
  db: Db,
  day: string,
  evaluate: RunEvaluation,
  now = new Date(),
): Promise<ScheduledRunOutcome<{ runId: number }>> {
  const outcome = await runScheduledOnce(
    db,
    DAILY_EVALUATION_JOB,
    day,
    RUN_OPTIONS,
    async () => {
      const done = await db.evaluationRun.findFirst({
        where: { trigger: "SCHEDULE", status: "SUCCEEDED", asOf: new Date(`${day}T00:00:00Z`) },
        select: { id: true },
      });
      return done ? { runId: done.id } : evaluate(db, day);
    },
    (tx) => recordEvaluationFailed(tx, day, now),
  );
  if (outcome.status === "failed")
    log.error(`Scheduled evaluation for ${day} failed (attempt ${outcome.attempt})`, { error: outcome.error.message });
  return outcome;
}
