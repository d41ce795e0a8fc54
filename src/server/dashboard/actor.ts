import type { AuditActor } from "../audit/record";
import type { Scope } from "../authz/scope";

export type RequestMeta = { ip: string | null; userAgent: string | null };

/** The client's address and agent as the audit log records them. */
export function requestMeta(headers: Headers): RequestMeta {
  return { ip: headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? headers.get("x-real-ip"), userAgent: headers.get("user-agent") };
}

/** Who the audit log names for a request made with `scope`. */
export function actorFrom(scope: Scope, meta: RequestMeta): AuditActor {
  return { userId: scope.userId, role: scope.role, sessionId: scope.sessionId ?? null, ip: meta.ip, userAgent: meta.userAgent };
}
