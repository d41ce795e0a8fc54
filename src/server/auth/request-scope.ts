import type { Db } from "../db/client";
import type { Scope } from "../authz/scope";

/**
 * Turns the request's session into the caller's scope, or null when nobody is signed in.
 * TEMPORARY (foundation slice): sign-in is not built yet, so every request is treated as a
 * read-only nationwide analyst view. The security issue replaces this with next-auth sessions.
 */
export async function resolveRequestScope(_db: Db, _headers: Headers): Promise<Scope | null> {
  return { userId: 0, role: "IA_ANALYST", stateCode: null, sessionId: null };
}
