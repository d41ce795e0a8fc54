/**
 * A calendar date ("YYYY-MM-DD", or a `@db.Date` value read as UTC midnight) as the `Date` the
 * "day" format expects: that format renders in UTC, so the day never shifts with the time zone.
 */
export function calendarDay(value: Date | string): Date {
  return typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;
}
