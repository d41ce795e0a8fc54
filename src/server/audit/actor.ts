import type { Scope } from "../authz/scope";
import type { AuditActor } from "./record";

/** Where a request came from, as the tRPC context carries it (`ctx.meta`). */
export type RequestOrigin = { ip: string | null; userAgent: string | null };

/** The audit actor for a request: the signed-in user (or nobody) plus the request's origin. */
export function auditActor(scope: Scope | null, origin?: RequestOrigin | null): AuditActor {
  return {
    userId: scope?.userId ?? null,
    role: scope?.role ?? null,
    sessionId: scope?.sessionId ?? null,
    ip: origin?.ip ?? null,
    userAgent: origin?.userAgent ?? null,
  };
}
