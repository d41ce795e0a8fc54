import type { Db } from "../db/client";
import { ensureDefaultSubscriptions } from "./defaults";
import { type DetectionCounts, detectAlertEvents } from "./detect";
import { buildDueDigests } from "./digests";
import { dispatchImmediateAlerts } from "./dispatch";

export type AlertsCycleResult = {
  defaultsCreated: number;
  detected: DetectionCounts;
  immediate: { events: number; emails: number };
  digests: { built: number; emails: number };
};

/**
 * One pass of the alert pipeline: record new events from committed data, write immediate alerts,
 * build the digests that are due. Safe to run at any time, as often as wanted, from any number of
 * workers at once (every step is idempotent by unique key). Sending is the outbox sender's job.
 */
export async function runAlertsCycle(db: Db, options: { now?: Date; force?: boolean } = {}): Promise<AlertsCycleResult> {
  const now = options.now ?? new Date();
  const defaultsCreated = await ensureDefaultSubscriptions(db);
  const detected = await detectAlertEvents(db, now);
  const immediate = await dispatchImmediateAlerts(db, now);
  const digests = await buildDueDigests(db, now, { force: options.force });
  return { defaultsCreated, detected, immediate, digests };
}
