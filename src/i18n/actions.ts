"use server";

import { cookies, headers } from "next/headers";
import { recordAudit } from "~/server/audit/record";
import { resolveRequestScope } from "~/server/auth/request-scope";
import { auditActor } from "~/server/audit/actor";
import { requestOrigin } from "~/server/auth/client-ip";
import { getDb } from "~/server/db/client";
import { LOCALE_COOKIE, isAppLocale } from "./locales";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The language switcher: remembers the choice in this browser and, when signed in, on the user. */
export async function setLocale(locale: string): Promise<void> {
  if (!isAppLocale(locale)) throw new Error(`Unsupported language "${locale}"; use "es" or "en"`);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: ONE_YEAR_SECONDS, sameSite: "lax", httpOnly: true });
  const requestHeaders = await headers();
  const db = await getDb();
  const scope = await resolveRequestScope(db, requestHeaders);
  if (!scope || scope.userId <= 0) return;
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: scope.userId }, select: { locale: true } });
    if (!before || before.locale === locale) return;
    await tx.user.update({ where: { id: scope.userId }, data: { locale } });
    await recordAudit(tx, {
      actor: auditActor(scope, requestOrigin(requestHeaders)),
      action: "user.locale.update",
      targetType: "User",
      targetId: scope.userId,
      changes: { locale: { before: before.locale, after: locale } },
    });
  });
}
