import { cookieLocale } from "../../i18n/header-locale";
import { DEFAULT_LOCALE } from "../../i18n/locales";
import type { AuditActor } from "../audit/record";
import { localiseErrorMessage } from "../errors-i18n";
import { resolveRequestScope } from "../auth/request-scope";
import { clientIp, userAgent } from "../auth/client-ip";
import { type Permission, can } from "../authz/permissions";
import type { Scope } from "../authz/scope";
import { type Db, getDb } from "../db/client";

/**
 * Plain-text answers of the import and export routes, never cached, in the language of the request's
 * language cookie (Spanish by default): the upload form shows them as they come. `message` is an
 * English template of the error catalogue (src/server/errors-catalogue.ts).
 */
export function plainResponse(request: Request, status: number, message: string, headers: Record<string, string> = {}) {
  const { message: shown } = localiseErrorMessage(message, cookieLocale(request.headers) ?? DEFAULT_LOCALE);
  return new Response(`${shown}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export type RouteAccess = { db: Db; scope: Scope; actor: AuditActor & { userId: number } };

/**
 * The signed-in caller of a file route and their audit identity, or the refusal to send: the same
 * permission table as tRPC procedures (these routes stream files, which tRPC does not).
 */
export async function routeAccess(request: Request, permission: Permission): Promise<RouteAccess | Response> {
  const db = await getDb();
  const scope = await resolveRequestScope(db, request.headers);
  if (!scope) return plainResponse(request, 401, "Sign in first");
  if (!can(scope.role, permission)) return plainResponse(request, 403, `Your role may not do this (${permission})`);
  const actor = {
    userId: scope.userId,
    role: scope.role,
    sessionId: scope.sessionId ?? null,
    ip: clientIp(request.headers),
    userAgent: userAgent(request.headers),
  };
  return { db, scope, actor };
}

/** `attachment; filename=…` with a plain fallback and the exact name in UTF-8 (RFC 6266). */
export function attachment(fileName: string) {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
