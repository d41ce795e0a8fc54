/**
 * Calendar days as integers (days since 1970-01-01) so date arithmetic in the generator is exact
 * and independent of the machine's time zone; converted to `YYYY-MM-DD` only when written.
 */

/** The demo's "today": every generated date is relative to it, so the demo looks the same every run. */
export const DEMO_REFERENCE_DATE = "2026-11-28";

const MS_PER_DAY = 86_400_000;

export function toDay(ymd: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: ${ymd}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

// The generator formats about a million dates but only a few thousand distinct days.
const ymdCache = new Map<number, string>();

export function toYmd(day: number): string {
  let ymd = ymdCache.get(day);
  if (ymd === undefined) {
    ymd = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    ymdCache.set(day, ymd);
  }
  return ymd;
}

/** Same month and day `years` later; 29 February becomes 28 February (the vetting validity rule). */
export function addCalendarYears(day: number, years: number): number {
  const date = new Date(day * MS_PER_DAY);
  const y = date.getUTCFullYear() + years;
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d, lastDay)) / MS_PER_DAY;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
