import type { AlertTrigger, Level } from "../../generated/prisma/enums";

/**
 * What an alert event says, per department. Only structured figures and identifiers: never free
 * text typed by people (complaint summaries, review scopes, milestone titles), so no email can
 * carry complainant personal data.
 */
export type AlertItem =
  | { kind: "levelRose"; departmentId: number; from: Level; to: Level; runId: number; asOf: string }
  | { kind: "recommendation"; departmentId: number; recommendationId: number; level: Level; previousLevel: Level }
  | { kind: "vettingExpiring"; departmentId: number; within30: number; within60: number; within90: number }
  | { kind: "failedVettingOnDuty"; departmentId: number; officers: number; oldestFailure: string }
  | { kind: "seriousAbuse"; departmentId: number; complaintRef: string; category: string; resolvedOn: string | null }
  | { kind: "complaintSpike"; departmentId: number; last30: number; last365: number }
  | { kind: "milestoneDue"; departmentId: number; subject: "receivership" | "review"; recordId: number; dueOn: string };

/** `onset`: a daily count's department newly meeting the condition (for immediate subscribers). */
export type AlertPayload = { asOf?: string; onset?: boolean; items: AlertItem[] };

/**
 * Which events of a daily count go where: immediate subscribers hear of onsets, digests show the
 * day's snapshot. Other triggers' events go everywhere.
 */
export const isOnset = (event: AlertEventRow) => event.payload.onset === true;

export type AlertEventRow = {
  id: bigint;
  key: string;
  trigger: AlertTrigger;
  payload: AlertPayload;
  occurredAt: Date;
};
