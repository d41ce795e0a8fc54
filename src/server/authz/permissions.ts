import type { Level, Role } from "../../generated/prisma/enums";

/**
 * The one role → permission table. Every tRPC procedure and every service names the permission it
 * needs; nothing else decides what a role may do. What a role may *see* (which states) is decided
 * by the scope helpers in `./scope.ts`.
 */
export const PERMISSIONS = [
  "departments.read",
  "officers.read",
  "complaints.read",
  "complaints.readPersonalData",
  "complaints.manage",
  "data.import",
  "data.export",
  "evaluations.read",
  "evaluations.run",
  "recommendations.decide",
  "reviews.open",
  "reviews.conduct",
  "comments.write",
  "receivership.propose",
  "receivership.approve",
  "receivership.impose",
  "receivership.extend",
  "receivership.lift",
  "imports.undo",
  "rules.manage",
  "trainingCatalogue.manage",
  "users.manage",
  "audit.read",
  "audit.export",
  "alerts.manageOwn",
  "outbox.admin",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = ["departments.read", "officers.read", "complaints.read", "evaluations.read"];
const ANALYST: Permission[] = [
  ...READ_ALL,
  "complaints.readPersonalData",
  "complaints.manage",
  "data.import",
  "data.export",
  "evaluations.run",
  "reviews.open",
  "reviews.conduct",
  "comments.write",
  "alerts.manageOwn",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: [...READ_ALL, "data.export", "rules.manage", "trainingCatalogue.manage", "users.manage", "outbox.admin", "alerts.manageOwn"],
  IA_SUPERVISOR: [
    ...ANALYST,
    "recommendations.decide",
    "receivership.propose",
    "receivership.approve",
    "receivership.impose",
    "receivership.extend",
    "receivership.lift",
    "imports.undo",
  ],
  IA_ANALYST: ANALYST,
  // A state attorney general acts only inside their own state (enforced by the scope helpers).
  STATE_AG: [
    ...READ_ALL,
    "complaints.readPersonalData",
    "data.export",
    "recommendations.decide",
    "reviews.open",
    "reviews.conduct",
    "comments.write",
    "receivership.propose",
    "receivership.approve",
    "alerts.manageOwn",
  ],
  AUDITOR: [...READ_ALL, "data.export", "audit.read", "audit.export", "alerts.manageOwn"],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * Whether a role decides recommendations of a level: a state attorney general decides REVIEW-level ones of
 * their own state (the scope helpers keep them there); WATCH and RECEIVERSHIP levels stay federal decisions.
 * The queue's rows, the decision service and the "pending your decision" alerts all ask this.
 */
export function decidesLevel(role: Role, level: Level): boolean {
  if (!can(role, "recommendations.decide")) return false;
  return role === "STATE_AG" ? level === "REVIEW" : true;
}
