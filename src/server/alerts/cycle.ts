import type { Db, Tx } from "../db/client";
import { ensureDefaultSubscriptions } from "./defaults";
import { type DetectionCounts, detectNewEvents } from "./detect";
import { buildDueDigests } from "./digests";
import { dispatchEvents, dispatchImmediateAlerts } from "./dispatch";

export type AlertsCycleResult = {
  defaultsCreated: number;
  detected: DetectionCounts;
  immediate: { events: number; emails: number };
  digests: { built: number; emails: number };
};

// Concurrent cycles take turns at detection: the second finds nothing new instead of waiting on row locks.
const DETECTION_LOCK_KEY = 7_411_007;

/**
 * The time-based run's one transaction: records the events due at `now` (milestones within 7 days,
 * the daily counts; and the net for event-driven triggers) and the immediate subscribers' outbox
 * rows for them. Events and emails commit together or not at all.
 */
export async function detectAndDispatch(tx: Tx, now: Date): Promise<{ detected: DetectionCounts; events: number; emails: number }> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${DETECTION_LOCK_KEY})`;
  const { counts, events } = await detectNewEvents(tx, now);
  return { detected: counts, events: events.length, emails: await dispatchEvents(tx, events, now) };
}

/**
 * One pass of the alert pipeline: record the time-based events and their immediate emails, catch
 * any event left undispatched, build the digests that are due. Safe to run at any time, as often as
 * wanted, from any number of workers at once (every step is idempotent by unique key). Sending is
 * the outbox sender's job.
 */
export async function runAlertsCycle(db: Db, options: { now?: Date; force?: boolean } = {}): Promise<AlertsCycleResult> {
  const now = options.now ?? new Date();
  const defaultsCreated = await ensureDefaultSubscriptions(db);
  const run = await db.$transaction((tx) => detectAndDispatch(tx, now), { timeout: 300_000, maxWait: 60_000 });
  const leftover = await dispatchImmediateAlerts(db, now);
  const digests = await buildDueDigests(db, now, { force: options.force });
  return {
    defaultsCreated,
    detected: run.detected,
    immediate: { events: run.events + leftover.events, emails: run.emails + leftover.emails },
    digests,
  };
}
