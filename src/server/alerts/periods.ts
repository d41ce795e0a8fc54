/**
 * Calendar and time-zone arithmetic for alert delivery, with `Intl` only: the process's own time
 * zone never matters (workers may run anywhere, tests run under several TZ values).
 * Calendar days are `YYYY-MM-DD` strings; instants are `Date`s.
 */

/** Mexico's federal calendar: daily snapshots and the daily evaluation use this zone's date. */
export const FEDERAL_TIME_ZONE = "America/Mexico_City";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function pad(n: number, width = 2) {
  return String(n).padStart(width, "0");
}

/** The calendar day and hour an instant falls on in `timeZone`. */
export function localDayAndHour(instant: Date, timeZone: string): { day: string; hour: number } {
  const w = wallClock(instant, timeZone);
  return { day: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, hour: w.hour };
}

export function localDay(instant: Date, timeZone: string): string {
  return localDayAndHour(instant, timeZone).day;
}

/** UTC offset of `timeZone` at `instant`, in milliseconds (local = UTC + offset). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant the wall clock in `timeZone` shows `day` at `hour`:00. When that wall time occurs
 * twice (clocks going back) the first one; when it does not exist (clocks going forward) the
 * instant the clocks jump to, so a delivery hour is never skipped.
 */
export function zonedInstant(day: string, hour: number, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour);
  const candidates = [offsetAt(wall - 86_400_000, timeZone), offsetAt(wall + 86_400_000, timeZone), offsetAt(wall, timeZone)].map(
    (offset) => wall - offset,
  );
  const exact = candidates.filter((t) => {
    const w = wallClock(new Date(t), timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) === wall;
  });
  return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(...candidates));
}

export function addDays(day: string, days: number): string {
  const t = new Date(`${day}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow === 0 ? 7 : dow;
}

export type DigestFrequency = "DAILY" | "WEEKLY";

/**
 * A digest period, named by the local day it is delivered on (weekly digests go out on Mondays).
 * `end` is the delivery instant; `start` the previous delivery instant.
 */
export type DigestPeriod = { key: string; start: Date; end: Date };

function periodEndingOn(frequency: DigestFrequency, day: string, hour: number, timeZone: string): DigestPeriod {
  const step = frequency === "DAILY" ? 1 : 7;
  return { key: day, start: zonedInstant(addDays(day, -step), hour, timeZone), end: zonedInstant(day, hour, timeZone) };
}

/** The most recent period whose delivery instant is at or before `now`. */
export function latestDuePeriod(frequency: DigestFrequency, now: Date, timeZone: string, hour: number): DigestPeriod {
  const today = localDay(now, timeZone);
  const step = frequency === "DAILY" ? 1 : 7;
  const anchor = frequency === "DAILY" ? today : addDays(today, -(isoWeekday(today) - 1));
  const current = periodEndingOn(frequency, anchor, hour, timeZone);
  return current.end.getTime() <= now.getTime() ? current : periodEndingOn(frequency, addDays(anchor, -step), hour, timeZone);
}

/** The next period to be delivered after `now` (what `alerts:run --now` sends early). */
export function upcomingPeriod(frequency: DigestFrequency, now: Date, timeZone: string, hour: number): DigestPeriod {
  const due = latestDuePeriod(frequency, now, timeZone, hour);
  return periodEndingOn(frequency, addDays(due.key, frequency === "DAILY" ? 1 : 7), hour, timeZone);
}
