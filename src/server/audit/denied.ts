import type { Permission } from "../authz/permissions";
import type { Scope } from "../authz/scope";
import type { Db } from "../db/client";
import { type RequestOrigin, auditActor } from "./actor";
import { recordAuditNow } from "./record";

export type DeniedRequest = {
  scope: Scope | null;
  origin: RequestOrigin;
  /** The tRPC procedure path, e.g. `audit.list`: the event's action. */
  procedure: string;
  permission: Permission;
  reason: "UNAUTHORIZED" | "FORBIDDEN";
};

/**
 * Records a request refused at the procedure layer, in its own transaction (the request itself
 * changes nothing). The actor's own state goes in metadata: the event has no target record.
 */
export async function recordDeniedRequest(db: Db, denied: DeniedRequest): Promise<void> {
  await recordAuditNow(db, {
    actor: auditActor(denied.scope, denied.origin),
    action: { deniedProcedure: denied.procedure },
    outcome: "DENIED",
    metadata: {
      reason: denied.reason,
      permission: denied.permission,
      ...(denied.scope?.stateCode ? { actorStateCode: denied.scope.stateCode } : {}),
    },
  });
}
