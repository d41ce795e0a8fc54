import { AppError } from "../errors";
import { FEDERAL_TIME_ZONE, addDays, zonedInstant } from "../alerts/periods";

/** Audit searches take calendar days as the federal government's offices read them. */
export const AUDIT_CALENDAR_TIME_ZONE = FEDERAL_TIME_ZONE;

export type InstantRange = { gte?: Date; lt?: Date };

/**
 * The UTC instants covering calendar days `from` to `to` inclusive (`YYYY-MM-DD`) in Mexico
 * City: from the first day's local midnight up to, not including, the local midnight after `to`.
 * The offset comes from the zone's rules on each date, so days from the DST years (before
 * November 2022) get their historical offset.
 */
export function auditDayRange(from: string | undefined, to: string | undefined): InstantRange {
  if (from && to && from > to) {
    throw new AppError("BAD_REQUEST", `The start date ${from} is after the end date ${to}`);
  }
  return {
    ...(from ? { gte: zonedInstant(from, 0, AUDIT_CALENDAR_TIME_ZONE) } : {}),
    ...(to ? { lt: zonedInstant(addDays(to, 1), 0, AUDIT_CALENDAR_TIME_ZONE) } : {}),
  };
}
