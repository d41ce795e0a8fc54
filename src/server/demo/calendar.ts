/**
 * Calendar days as integers (days since 1970-01-01) so date arithmetic in the generator is exact
 * and independent of the machine's time zone; converted to `YYYY-MM-DD` only when written.
 */
import { EVALUATION_TIME_ZONE, parseCalendarDate, todayIn } from "../rules/dates";

/**
 * The as-of date at which docs/demo-data.md states the demo's figures, and which the tests seed at
 * (`vigila seed --demo --as-of 2026-11-28`). A real demo is generated as of the day it is first
 * seeded (today in Mexico City): every date is relative to the as-of date, so the same shapes hold
 * at any date.
 */
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

/**
 * The as-of date of a new demo: `text` (YYYY-MM-DD) or, without it, today in Mexico City. A date after
 * today is refused: the worker evaluates "today", which would not see data dated in its future.
 */
export function demoAsOf(text: string | undefined, now: Date = new Date()): string {
  const today = todayIn(EVALUATION_TIME_ZONE, now);
  if (text === undefined) return today;
  const asOf = parseCalendarDate(text);
  if (asOf === null) throw new Error(`Invalid demo as-of date '${text}': expected a real calendar date YYYY-MM-DD (from 1900)`);
  if (asOf > today) throw new Error(`The demo as-of date ${asOf} is after today in Mexico City (${today})`);
  return asOf;
}
