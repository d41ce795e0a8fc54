import type { Formats } from "next-intl";

/** The business time zone: instants (audit times, decisions) are shown in it unless the user chose another. */
export const APP_TIME_ZONE = "America/Mexico_City";

/**
 * Named formats used everywhere. Calendar dates are stored as UTC midnight (see docs/architecture.md), so
 * `day` formats them in UTC: any other zone would shift them by a day west of Greenwich.
 */
export const FORMATS = {
  dateTime: {
    day: { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" },
    month: { month: "short", year: "numeric", timeZone: "UTC" },
    instant: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
    decimal: { maximumFractionDigits: 2 },
    percent: { style: "percent", maximumFractionDigits: 1 },
  },
} satisfies Formats;
