import { todayIn } from "../rules/dates";

/** The dashboard's "now": today's calendar date in Mexico City, whatever the server's time zone. */
export function dashboardToday(now: Date = new Date()): string {
  return todayIn(undefined, now);
}

/**
 * The 24 points of a monthly trend ending at `asOf`: the last day of each of the 23 months before
 * `asOf`'s month, then `asOf` itself. Pure calendar arithmetic on UTC dates, so no time zone shifts it.
 */
export function trendPoints(asOf: string, months = 24): string[] {
  const [year, month] = asOf.split("-").map(Number) as [number, number];
  const points: string[] = [];
  for (let back = months - 1; back >= 1; back--) {
    // Day 0 of the following month is the last day of this one.
    const end = new Date(Date.UTC(year, month - 1 - back + 1, 0));
    points.push(end.toISOString().slice(0, 10));
  }
  points.push(asOf);
  return points;
}
