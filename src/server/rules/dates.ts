/**
 * Evaluation dates are plain calendar days. They are carried as "YYYY-MM-DD" strings and bound to SQL
 * as `date` parameters, so the server's or the process's time zone can never shift them.
 */
export const EVALUATION_TIME_ZONE = "America/Mexico_City";

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date if `text` is a real YYYY-MM-DD day, otherwise null (2026-02-30 is rejected). */
export function parseCalendarDate(text: string): string | null {
  const match = YMD.exec(text);
  if (!match) return null;
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) return null;
  return Number(match[1]) >= 1900 ? text : null;
}

/** Today's calendar date in `timeZone` (the default evaluation date uses Mexico City's calendar). */
export function todayIn(timeZone: string = EVALUATION_TIME_ZONE, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The `Date` Prisma stores as this calendar day in a `@db.Date` column. */
export const dbDate = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

/** The calendar day of a `@db.Date` value read through Prisma. */
export const ymdOf = (date: Date) => date.toISOString().slice(0, 10);
