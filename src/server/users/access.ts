import { Prisma } from "../../generated/prisma/client";
import { type RequestOrigin, auditActor } from "../audit/actor";
import type { AuditActor } from "../audit/record";
import { can } from "../authz/permissions";
import type { Scope } from "../authz/scope";
import { AppError } from "../errors";

/**
 * Who manages accounts: a signed-in ADMIN (`users.manage`), or the operator at the server's console
 * (`scope` null: the `vigila users:create` command and the demo seeder), who is trusted because
 * they already hold the database credentials.
 */
export function requireUserManager(scope: Scope | null): void {
  if (scope && !can(scope.role, "users.manage")) {
    throw new AppError("FORBIDDEN", "Your role may not do this (users.manage)");
  }
}

/** A manager's scope; from a request it also says where the request came from, for the audit row. */
export type ManagerScope = Scope & { origin?: RequestOrigin | null };

export function managerActor(scope: ManagerScope | null): AuditActor {
  return auditActor(scope, scope?.origin);
}

export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}
