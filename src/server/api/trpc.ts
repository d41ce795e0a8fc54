import { TRPCError, initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Db } from "../db/client";
import { getDb } from "../db/client";
import { AppError } from "../errors";
import { localiseErrorMessage, localiseZodError } from "../errors-i18n";
import { type AppLocale, DEFAULT_LOCALE } from "../../i18n/locales";
import { cookieLocale, requestLocale } from "../../i18n/header-locale";
import type { Permission } from "../authz/permissions";
import { can } from "../authz/permissions";
import type { Scope } from "../authz/scope";
import { clientIp, userAgent } from "../auth/client-ip";
import { resolveRequestScope } from "../auth/request-scope";
import { recordDeniedRequest } from "../audit/denied";

export type RequestMeta = { ip: string | null; userAgent: string | null };
/** `locale`: the language cookie's value; without it errors speak the user's saved language, else Spanish. */
export type Context = { db: Db; scope: Scope | null; meta: RequestMeta; locale?: AppLocale | null };

export async function createContext(opts: { headers: Headers }): Promise<Context> {
  const db = await getDb();
  // The same address rules as sign-in throttling (see client-ip.ts), so audit rows agree.
  const meta: RequestMeta = { ip: clientIp(opts.headers), userAgent: userAgent(opts.headers) };
  return { db, meta, locale: cookieLocale(opts.headers), scope: await resolveRequestScope(db, opts.headers) };
}

/** Looked up only when a request fails, so successful requests pay no extra query. */
function callerLocale(ctx: Context): Promise<AppLocale> {
  return requestLocale(ctx.locale, async () => {
    if (!ctx.scope || ctx.scope.userId <= 0) return null;
    const user = await ctx.db.user.findUnique({ where: { id: ctx.scope.userId }, select: { locale: true } }).catch(() => null);
    return user?.locale;
  });
}

/** The language each failed request's error is shown in; set by the `appErrors` middleware, read by the formatter. */
const errorLocales = new WeakMap<TRPCError, AppLocale>();

/** Each procedure declares the permission it needs in its meta (the authorization matrix reads it). */
export type ProcedureMeta = { permission?: Permission };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      // Services and the CLI speak English; only what reaches a person through the API is translated.
      const locale = errorLocales.get(error) ?? ctx?.locale ?? DEFAULT_LOCALE;
      const localised =
        error.cause instanceof ZodError ? localiseZodError(error.cause, locale) : localiseErrorMessage(error.message, locale);
      return {
        ...shape,
        message: localised.message,
        data: {
          ...shape.data,
          englishMessage: error.message,
          translated: localised.translated,
          zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
          // Per-field problems a service found (e.g. the rule editor's definition), keyed by field path.
          fieldErrors:
            error.cause instanceof AppError ? ((error.cause.details?.fieldErrors as Record<string, string[]> | undefined) ?? null) : null,
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

/** Maps service errors to tRPC codes in one place, and notes the language to report any failure in. */
const appErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  const error = cause instanceof AppError ? new TRPCError({ code: APP_TO_TRPC[cause.code], message: cause.message, cause }) : result.error;
  errorLocales.set(error, await callerLocale(ctx));
  throw error;
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
