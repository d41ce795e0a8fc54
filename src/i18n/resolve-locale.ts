import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { resolveRequestScope } from "~/server/auth/request-scope";
import { getDb } from "~/server/db/client";
import { type AppLocale, DEFAULT_LOCALE, LOCALE_COOKIE, isAppLocale } from "./locales";

/**
 * The request's language: the cookie set by the switcher wins (it is also written on every switch),
 * then the signed-in user's saved preference (a new browser), then Spanish.
 */
export const resolveLocale = cache(async (): Promise<AppLocale> => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isAppLocale(fromCookie)) return fromCookie;
  const db = await getDb();
  const scope = await resolveRequestScope(db, await headers());
  if (scope && scope.userId > 0) {
    const user = await db.user.findUnique({ where: { id: scope.userId }, select: { locale: true } });
    if (isAppLocale(user?.locale)) return user.locale;
  }
  return DEFAULT_LOCALE;
});
