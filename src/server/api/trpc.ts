import { TRPCError, initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Db } from "../db/client";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import type { Permission } from "../authz/permissions";
import { can } from "../authz/permissions";
import type { Scope } from "../authz/scope";
import { clientIp, userAgent } from "../auth/client-ip";
import { resolveRequestScope } from "../auth/request-scope";
import { recordDeniedRequest } from "../audit/denied";

export type RequestMeta = { ip: string | null; userAgent: string | null };
export type Context = { db: Db; scope: Scope | null; meta: RequestMeta };

export async function createContext(opts: { headers: Headers }): Promise<Context> {
  const db = await getDb();
  // The same address rules as sign-in throttling (see client-ip.ts), so audit rows agree.
  const meta: RequestMeta = { ip: clientIp(opts.headers), userAgent: userAgent(opts.headers) };
  return { db, meta, scope: await resolveRequestScope(db, opts.headers) };
}

/** Each procedure declares the permission it needs in its meta (the authorization matrix reads it). */
export type ProcedureMeta = { permission?: Permission };

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        // Per-field problems a service found (e.g. the rule editor's definition), keyed by field path.
        fieldErrors: error.cause instanceof AppError ? ((error.cause.details?.fieldErrors as Record<string, string[]> | undefined) ?? null) : null,
      },
    };
  },
});

const APP_TO_TRPC = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
} as const;

/** Maps service errors to tRPC codes in one place. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: APP_TO_TRPC[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(appErrors);

/**
 * A procedure open to signed-in users whose role holds `permission`; `ctx.scope` is non-null.
 * Every refusal here is recorded as a DENIED audit event named after the procedure path.
 */
export function procedureWith(permission: Permission) {
  return publicProcedure.meta({ permission }).use(async ({ ctx, next, path }) => {
    if (!ctx.scope) {
      await recordDeniedRequest(ctx.db, { scope: null, origin: ctx.meta, procedure: path, permission, reason: "UNAUTHORIZED" });
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
    }
    if (!can(ctx.scope.role, permission)) {
      await recordDeniedRequest(ctx.db, { scope: ctx.scope, origin: ctx.meta, procedure: path, permission, reason: "FORBIDDEN" });
      throw new TRPCError({ code: "FORBIDDEN", message: `Your role may not do this (${permission})` });
    }
    return next({ ctx: { ...ctx, scope: ctx.scope } });
  });
}
