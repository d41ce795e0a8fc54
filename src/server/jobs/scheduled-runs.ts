import type { Db, Tx } from "../db/client";

export type ScheduledRunOptions = {
  /** How long a claim holds before another worker may assume the claimant died. */
  leaseMs: number;
  /** A failed run is retried (by later ticks) until it has been attempted this many times … */
  maxAttempts: number;
  /** … waiting at least this long after each failure. */
  retryAfterMs: number;
};

export type ScheduledRunOutcome<T> =
  { status: "ran"; attempt: number; value: T } | { status: "failed"; attempt: number; error: Error } | { status: "skipped" };

/**
 * Runs `work` for (name, period) once in effect, however many workers (and pg-boss retries) fire it:
 * a single UPSERT claims the period; it only succeeds for a new period, an expired lease (the
 * claimant died) or a failed run still due for a retry. `work` itself must tolerate being re-run
 * after a crash between its commit and the SUCCEEDED mark (check its own results first).
 * `onFailure` runs in the transaction that records the failure (e.g. to raise its alert with it).
 */
export async function runScheduledOnce<T>(
  db: Db,
  name: string,
  periodKey: string,
  options: ScheduledRunOptions,
  work: (attempt: number) => Promise<T>,
  onFailure?: (tx: Tx, error: Error) => Promise<unknown>,
): Promise<ScheduledRunOutcome<T>> {
  const claimed = await db.$queryRaw<{ attempts: number }[]>`
    insert into "ScheduledJobRun" ("name", "periodKey", "status", "leaseUntil")
    values (${name}, ${periodKey}, 'RUNNING', now() + ${options.leaseMs} * interval '1 millisecond')
    on conflict ("name", "periodKey") do update
      set status = 'RUNNING', attempts = "ScheduledJobRun".attempts + 1, "startedAt" = now(), "finishedAt" = null,
          error = null, "leaseUntil" = now() + ${options.leaseMs} * interval '1 millisecond'
      where ("ScheduledJobRun".status = 'RUNNING' and "ScheduledJobRun"."leaseUntil" < now())
         or ("ScheduledJobRun".status = 'FAILED' and "ScheduledJobRun".attempts < ${options.maxAttempts}
             and "ScheduledJobRun"."finishedAt" < now() - ${options.retryAfterMs} * interval '1 millisecond')
    returning attempts`;
  const attempt = claimed[0]?.attempts;
  if (attempt === undefined) return { status: "skipped" };
  try {
    const value = await work(attempt);
    await db.$executeRaw`
      update "ScheduledJobRun" set status = 'SUCCEEDED', "finishedAt" = now()
      where "name" = ${name} and "periodKey" = ${periodKey} and attempts = ${attempt}`;
    return { status: "ran", attempt, value };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    await db.$transaction(async (tx) => {
      const marked = await tx.$executeRaw`
        update "ScheduledJobRun" set status = 'FAILED', "finishedAt" = now(), error = ${error.message.slice(0, 2000)}
        where "name" = ${name} and "periodKey" = ${periodKey} and attempts = ${attempt}`;
      if (marked > 0) await onFailure?.(tx, error);
    });
    return { status: "failed", attempt, error };
  }
}
