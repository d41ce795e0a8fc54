import { Prisma } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/enums";
import { type Permission, can } from "./permissions";

/** Who is asking: every service takes this and builds it into its queries' `where`. */
export type Scope = {
  userId: number;
  role: Role;
  /** Set for STATE_AG: the only state whose records they may see. */
  stateCode: string | null;
  sessionId?: string | null;
};

/** A scope restricted to one state, or null for nationwide roles. */
export function visibleStateCode(scope: Scope): string | null {
  if (scope.role === "STATE_AG") {
    // A state AG without a state sees nothing, never everything.
    return scope.stateCode ?? "--";
  }
  return null;
}

export function departmentWhere(scope: Scope): Prisma.DepartmentWhereInput {
  const state = visibleStateCode(scope);
  return state ? { stateCode: state } : {};
}

export function officerWhere(scope: Scope): Prisma.OfficerWhereInput {
  const state = visibleStateCode(scope);
  return state ? { department: { stateCode: state } } : {};
}

export function complaintWhere(scope: Scope): Prisma.ComplaintWhereInput {
  const state = visibleStateCode(scope);
  return state ? { department: { stateCode: state } } : {};
}

export function evaluationResultWhere(scope: Scope): Prisma.EvaluationResultWhereInput {
  const state = visibleStateCode(scope);
  return state ? { department: { stateCode: state } } : {};
}

export function recommendationWhere(scope: Scope): Prisma.RecommendationWhereInput {
  const state = visibleStateCode(scope);
  return state ? { department: { stateCode: state } } : {};
}

export function reviewWhere(scope: Scope): Prisma.ReviewWhereInput {
  const state = visibleStateCode(scope);
  return state ? { department: { stateCode: state } } : {};
}

export function receivershipWhere(scope: Scope): Prisma.ReceivershipCaseWhereInput {
  const state = visibleStateCode(scope);
  return state ? { department: { stateCode: state } } : {};
}

/** The same restriction for raw, set-based SQL over a `"Department"` row aliased `alias`. */
export function departmentSqlFilter(scope: Scope, alias = "d"): Prisma.Sql {
  const state = visibleStateCode(scope);
  return state ? Prisma.sql`${Prisma.raw(`"${alias}"."stateCode"`)} = ${state}` : Prisma.sql`true`;
}

/** Complainant personal data (complaint summary) is for IA staff and the AG of that state only. */
export function mayReadComplainantData(scope: Scope): boolean {
  return can(scope.role, "complaints.readPersonalData");
}

export function hasPermission(scope: Scope, permission: Permission): boolean {
  return can(scope.role, permission);
}
