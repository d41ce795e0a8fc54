import { createCaller } from "~/server/api/root";
import type { Context, RequestMeta } from "~/server/api/trpc";
import type { Scope } from "~/server/authz/scope";
import type { Db } from "~/server/db/client";

export const TEST_ORIGIN: RequestMeta = { ip: "203.0.113.7", userAgent: "vitest-agent/1.0" };

/** A tRPC context built directly (no cookies): `scope` null is an anonymous request. */
export function contextFor(db: Db, scope: Scope | null, meta: RequestMeta = TEST_ORIGIN): Context {
  return { db, scope, meta };
}

export function callerFor(db: Db, scope: Scope | null, meta?: RequestMeta) {
  return createCaller(contextFor(db, scope, meta));
}
