import type { NextApiRequest } from "next";
import { getToken } from "next-auth/jwt";
import type { Scope } from "../authz/scope";
import type { Db } from "../db/client";
import { type AuthConfig, authConfigFromEnv, cookieNames } from "./config";
import { resolveSession } from "./sessions";

const SESSION_ID = /^[0-9a-f]{64}$/;

function parseCookies(header: string | null): Partial<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] ??= decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // a malformed cookie is ignored like a missing one
    }
  }
  return cookies;
}

/** The session id inside the request's (encrypted, signed) next-auth cookie, if any. */
export async function sessionIdFromHeaders(headers: Headers, config: AuthConfig = authConfigFromEnv()): Promise<string | null> {
  const token = await getToken({
    // Cookie only: headers are left out so a bearer token is never accepted in its place.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- getToken reads only req.cookies and req.headers
    req: { headers: {}, cookies: parseCookies(headers.get("cookie")) } as NextApiRequest,
    secret: config.secret,
    secureCookie: config.secureCookies,
    cookieName: cookieNames(config.secureCookies).session,
  });
  const sid = token?.sid;
  return typeof sid === "string" && SESSION_ID.test(sid) ? sid : null;
}

/**
 * Turns the request's session into the caller's scope, or null when nobody is signed in or the
 * session has expired, ended or been revoked (see `resolveSession`).
 */
export async function resolveRequestScope(db: Db, headers: Headers, now: Date = new Date()): Promise<Scope | null> {
  const sessionId = await sessionIdFromHeaders(headers);
  return sessionId ? resolveSession(db, sessionId, now) : null;
}
