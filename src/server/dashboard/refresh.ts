import type { Db } from "../db/client";
import { log } from "../log";
import { dashboardToday, trendPoints } from "./as-of";
import { type RefreshOutcome, refreshFigures } from "./figure-cache";

/**
 * Brings the precomputed dashboard figures up to date for the current trend (the 23 month-ends before
 * `today` and `today` itself) and forgets other dates, so readers rarely pay for a refresh. The worker
 * calls it every minute with the alerts cycle: that picks up imports and their undo, UI edits and raw
 * SQL within a minute and rolls the date over just after midnight, without making the writer wait (a
 * million-officer import would otherwise wait for a national recompute). A persisted evaluation and
 * the demo seed call it as they end. Never throws: the figures stay marked and the next reader
 * refreshes them, so a failure here costs time, not correctness.
 */
export async function refreshDashboardFigures(db: Db, today: string = dashboardToday()): Promise<RefreshOutcome | null> {
  const started = Date.now();
  try {
    const outcome = await refreshFigures(db, trendPoints(today), { keepOnly: true });
    if (outcome.departments > 0 || outcome.dates.length > 0) {
      log.info("dashboard figures refreshed", { ...outcome, dates: outcome.dates.length, ms: Date.now() - started });
    }
    return outcome;
  } catch (err) {
    log.warn("dashboard figures: background refresh failed; readers will refresh", {
      error: err instanceof Error ? err.message : String(err),
    });
    return null;
  }
}
