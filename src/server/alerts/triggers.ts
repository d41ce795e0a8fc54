import type { AlertFrequency, AlertTrigger, Role } from "../../generated/prisma/enums";
import type { Permission } from "../authz/permissions";
import { type Scope, hasPermission } from "../authz/scope";

export const ALERT_TRIGGERS = [
  "LEVEL_ROSE",
  "RECOMMENDATION_AWAITING",
  "VETTING_EXPIRING",
  "FAILED_VETTING_ON_DUTY",
  "SERIOUS_ABUSE_SUSTAINED",
  "COMPLAINT_SPIKE",
  "MILESTONE_DUE",
  "EVALUATION_FAILED",
] as const satisfies readonly AlertTrigger[];

export const ALERT_FREQUENCIES = ["IMMEDIATE", "DAILY", "WEEKLY"] as const satisfies readonly AlertFrequency[];

type TriggerSpec = {
  /** The caller needs any one of these to receive the trigger (checked with their current role). */
  anyOf: Permission[];
  /**
   * `snapshot`: one event per federal day listing every department concerned (a digest keeps the
   * latest one only); `event`: one event per occurrence; `global`: not tied to a department.
   */
  shape: "event" | "snapshot" | "global";
};

export const TRIGGER_SPECS: Record<AlertTrigger, TriggerSpec> = {
  LEVEL_ROSE: { anyOf: ["evaluations.read"], shape: "event" },
  RECOMMENDATION_AWAITING: { anyOf: ["recommendations.decide"], shape: "event" },
  VETTING_EXPIRING: { anyOf: ["officers.read"], shape: "snapshot" },
  FAILED_VETTING_ON_DUTY: { anyOf: ["officers.read"], shape: "snapshot" },
  SERIOUS_ABUSE_SUSTAINED: { anyOf: ["complaints.read"], shape: "event" },
  COMPLAINT_SPIKE: { anyOf: ["complaints.read"], shape: "snapshot" },
  MILESTONE_DUE: { anyOf: ["reviews.conduct", "receivership.approve"], shape: "event" },
  EVALUATION_FAILED: { anyOf: ["evaluations.run", "rules.manage"], shape: "global" },
};

export function mayReceive(scope: Scope, trigger: AlertTrigger): boolean {
  return TRIGGER_SPECS[trigger].anyOf.some((p) => hasPermission(scope, p));
}

export function triggersForRole(role: Role): AlertTrigger[] {
  return ALERT_TRIGGERS.filter((t) => mayReceive({ userId: 0, role, stateCode: null }, t));
}

/**
 * What a user receives before they ever open the alert settings page. Decision-makers hear about
 * what needs them at once; slower-moving counts arrive in digests.
 */
export const ROLE_DEFAULTS: Record<Role, Partial<Record<AlertTrigger, AlertFrequency>>> = {
  ADMIN: { EVALUATION_FAILED: "IMMEDIATE" },
  IA_SUPERVISOR: {
    LEVEL_ROSE: "IMMEDIATE",
    RECOMMENDATION_AWAITING: "IMMEDIATE",
    SERIOUS_ABUSE_SUSTAINED: "IMMEDIATE",
    EVALUATION_FAILED: "IMMEDIATE",
    COMPLAINT_SPIKE: "DAILY",
    MILESTONE_DUE: "DAILY",
    VETTING_EXPIRING: "WEEKLY",
    FAILED_VETTING_ON_DUTY: "WEEKLY",
  },
  IA_ANALYST: {
    EVALUATION_FAILED: "IMMEDIATE",
    LEVEL_ROSE: "DAILY",
    SERIOUS_ABUSE_SUSTAINED: "DAILY",
    COMPLAINT_SPIKE: "DAILY",
    MILESTONE_DUE: "DAILY",
    VETTING_EXPIRING: "WEEKLY",
    FAILED_VETTING_ON_DUTY: "WEEKLY",
  },
  STATE_AG: {
    LEVEL_ROSE: "IMMEDIATE",
    RECOMMENDATION_AWAITING: "IMMEDIATE",
    SERIOUS_ABUSE_SUSTAINED: "IMMEDIATE",
    COMPLAINT_SPIKE: "DAILY",
    MILESTONE_DUE: "DAILY",
    VETTING_EXPIRING: "WEEKLY",
    FAILED_VETTING_ON_DUTY: "WEEKLY",
  },
  AUDITOR: { LEVEL_ROSE: "WEEKLY" },
};

/** Complaint categories the federal baseline treats as serious abuse (rule `serious-abuse`). */
export const SERIOUS_ABUSE_CATEGORIES = ["TORTURE", "FORCED_DISAPPEARANCE", "EXTRAJUDICIAL_KILLING", "SEXUAL_ABUSE"] as const;
