import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { recordDeniedRequest } from "../audit/denied";
import { requestOrigin } from "../auth/client-ip";
import { resolveRequestScope } from "../auth/request-scope";
import { type Permission, can } from "../authz/permissions";
import type { Scope } from "../authz/scope";
import { type Db, getDb } from "../db/client";

/** A server page's caller: the database its services read and the signed-in scope (null when signed out). */
export type PageCaller = { db: Db; scope: Scope | null };

/** Who is asking for this page; pages hand `db` and `scope` to services, never query themselves. */
export async function pageCaller(): Promise<PageCaller> {
  const db = await getDb();
  return { db, scope: await resolveRequestScope(db, await headers()) };
}

/**
 * A page that needs `permission`. Anyone else gets the not-found page — the same answer as for a
 * page that does not exist — and the refusal is recorded like a refused procedure (`page:<name>`).
 */
export async function guardPage(permission: Permission, page: string): Promise<PageCaller & { scope: Scope }> {
  const caller = await pageCaller();
  const { scope } = caller;
  if (scope && can(scope.role, permission)) return { ...caller, scope };
  await recordDeniedRequest(caller.db, {
    scope,
    origin: requestOrigin(await headers()),
    procedure: `page:${page}`,
    permission,
    reason: scope ? "FORBIDDEN" : "UNAUTHORIZED",
  });
  notFound();
}
