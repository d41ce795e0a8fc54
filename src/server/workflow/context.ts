import type { Permission } from "../authz/permissions";
import { can } from "../authz/permissions";
import type { Scope } from "../authz/scope";
import { auditActor, type RequestOrigin } from "../audit/actor";
import { diffForAudit } from "../audit/diff";
import type { AuditActor } from "../audit/record";
import { AppError } from "../errors";

/**
 * Shared helpers of the oversight workflow (recommendation decisions, reviews, receivership,
 * comments).
 *
 * The workflow services take the caller's scope plus, when called from a request, where the request
 * came from, so their audit rows carry IP and user agent. Routers build it with `workflowScope(ctx)`.
 */
export type WorkflowScope = Scope & { origin?: RequestOrigin | null };

export function workflowScope(ctx: { scope: Scope; meta: RequestOrigin }): WorkflowScope {
  return { ...ctx.scope, origin: ctx.meta };
}

export function actorFromScope(scope: WorkflowScope): AuditActor {
  return auditActor(scope, scope.origin);
}

/** Services repeat the router's permission check: jobs and tests call them without a router in front. */
export function requirePermission(scope: Scope, permission: Permission): void {
  if (!can(scope.role, permission)) {
    throw new AppError("FORBIDDEN", `Your role may not do this (${permission})`);
  }
}

/** Free text a person must write (justifications, reasons): trimmed, and long enough to mean something. */
export function requireText(value: string | undefined | null, field: string, minLength: number): string {
  const text = (value ?? "").trim();
  if (text.length < minLength) {
    throw new AppError("BAD_REQUEST", `${field} must be at least ${minLength} characters`, { field });
  }
  return text;
}

/** Before/after of the fields an update writes (`next`) that differ from the stored record. */
export function changedFields(current: Record<string, unknown>, next: Record<string, unknown>) {
  const before = Object.fromEntries(Object.keys(next).map((key) => [key, current[key]]));
  return diffForAudit(before, next);
}
