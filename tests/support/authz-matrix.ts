import type { Role } from "~/generated/prisma/enums";

/**
 * Who may call each tRPC procedure, written out by hand (never computed from ROLE_PERMISSIONS) so
 * that a change to the permission table or to a procedure's permission shows up as a failing
 * test that someone has to agree with. tests/integration/authz-matrix.test.ts calls every
 * procedure as every role and as nobody, and fails for any procedure missing here.
 *
 * - a list of roles: those roles get past authorization; every other role gets FORBIDDEN (and a
 *   DENIED audit event) and an anonymous caller UNAUTHORIZED.
 * - "signedIn": any role, never anonymous.
 * - "public": anyone, signed in or not.
 */
export type AuthzExpectation = readonly Role[] | "signedIn" | "public";

const ALL_ROLES = ["ADMIN", "IA_SUPERVISOR", "IA_ANALYST", "STATE_AG", "AUDITOR"] as const satisfies readonly Role[];
const IA_STAFF_AND_AG = ["IA_SUPERVISOR", "IA_ANALYST", "STATE_AG"] as const satisfies readonly Role[];
const SUPERVISOR_AND_AG = ["IA_SUPERVISOR", "STATE_AG"] as const satisfies readonly Role[];

export const AUTHZ_MATRIX: Record<string, AuthzExpectation> = {
  // Audit trail: auditors only.
  "audit.list": ["AUDITOR"],
  "audit.export": ["AUDITOR"],

  // Read-only views every role has.
  "dashboard.overview": ALL_ROLES,
  "dashboard.trends": ALL_ROLES,
  "departments.list": ALL_ROLES,
  "departments.filterOptions": ALL_ROLES,
  "departments.dossier": ALL_ROLES,
  "officers.get": ALL_ROLES,
  "complaints.get": ALL_ROLES,
  "departments.officers": ALL_ROLES,
  "departments.complaints": ALL_ROLES,
  "reviews.history": ALL_ROLES,
  "recommendations.list": ALL_ROLES,
  "recommendations.get": ALL_ROLES,
  "recommendations.savedFilters": ALL_ROLES,
  "recommendations.saveFilter": ALL_ROLES,
  "recommendations.deleteFilter": ALL_ROLES,
  "reviews.list": ALL_ROLES,
  "reviews.get": ALL_ROLES,
  "receivership.list": ALL_ROLES,
  "receivership.get": ALL_ROLES,
  "comments.list": ALL_ROLES,
  "timeline.department": ALL_ROLES,
  "evaluations.explain": ALL_ROLES,
  "evaluations.latestRun": ALL_ROLES,
  "evaluations.departmentHistory": ALL_ROLES,

  // Decisions on recommendations: IA supervisors and state AGs.
  "recommendations.decide": SUPERVISOR_AND_AG,
  "recommendations.dismissMany": SUPERVISOR_AND_AG,

  // Reviews: opened and conducted by IA staff and state AGs.
  "reviews.open": IA_STAFF_AND_AG,
  "reviews.update": IA_STAFF_AND_AG,
  "reviews.close": IA_STAFF_AND_AG,
  "reviews.addSourceLink": IA_STAFF_AND_AG,
  "reviews.removeSourceLink": IA_STAFF_AND_AG,
  "reviews.reassign": IA_STAFF_AND_AG,
  "reviews.ownerOptions": IA_STAFF_AND_AG,
  "comments.add": IA_STAFF_AND_AG,

  // Receivership: proposed and approved by IA supervisors and state AGs, extended and lifted only by IA supervisors.
  "receivership.defaults": SUPERVISOR_AND_AG,
  "receivership.propose": SUPERVISOR_AND_AG,
  "receivership.edit": SUPERVISOR_AND_AG,
  "receivership.approve": SUPERVISOR_AND_AG,
  "receivership.withdraw": SUPERVISOR_AND_AG,
  "receivership.lift": ["IA_SUPERVISOR"],
  "receivership.extend": ["IA_SUPERVISOR"],
  "receivership.addSourceLink": SUPERVISOR_AND_AG,
  "receivership.removeSourceLink": SUPERVISOR_AND_AG,
  "receivership.addMilestone": SUPERVISOR_AND_AG,
  "receivership.updateMilestone": SUPERVISOR_AND_AG,
  "receivership.removeMilestone": SUPERVISOR_AND_AG,

  // Complaint status changes: IA analysts and supervisors (complaints.manage).
  "complaints.changeStatus": ["IA_SUPERVISOR", "IA_ANALYST"],

  // The caller's own session.
  "session.me": "public",
  "session.reauthenticate": "signedIn",

  // User administration and the mail outbox: administrators only.
  "users.list": ["ADMIN"],
  "users.create": ["ADMIN"],
  "users.setRole": ["ADMIN"],
  "users.setDisabled": ["ADMIN"],
  "users.unlock": ["ADMIN"],
  "outbox.summary": ["ADMIN"],
  "outbox.list": ["ADMIN"],
  "outbox.retry": ["ADMIN"],
  "outbox.devMail.list": ["ADMIN"],
  "outbox.devMail.get": ["ADMIN"],

  // Web imports: IA analysts and supervisors (data.import); undo by IA supervisors only.
  "imports.list": ["IA_SUPERVISOR", "IA_ANALYST"],
  "imports.get": ["IA_SUPERVISOR", "IA_ANALYST"],
  "imports.confirm": ["IA_SUPERVISOR", "IA_ANALYST"],
  "imports.cancel": ["IA_SUPERVISOR", "IA_ANALYST"],
  "imports.retry": ["IA_SUPERVISOR", "IA_ANALYST"],
  "imports.undo": ["IA_SUPERVISOR"],

  // The rule editor (drafts, dry-run, publishing, backtests): administrators only.
  "rules.list": ["ADMIN"],
  "rules.get": ["ADMIN"],
  "rules.createDraft": ["ADMIN"],
  "rules.updateDraft": ["ADMIN"],
  "rules.deleteDraft": ["ADMIN"],
  "rules.publish": ["ADMIN"],
  "rules.dryRun": ["ADMIN"],
  "rules.startBacktest": ["ADMIN"],
  "rules.backtest": ["ADMIN"],
  "rules.backtests": ["ADMIN"],

  // Everyone manages their own alert subscriptions.
  "alerts.settings": ALL_ROLES,
  "alerts.updateSettings": ALL_ROLES,
  "alerts.departmentOptions": ALL_ROLES,
};
