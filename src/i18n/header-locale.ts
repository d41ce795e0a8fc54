import { type AppLocale, DEFAULT_LOCALE, LOCALE_COOKIE, isAppLocale } from "./locales";

/** The language the switcher stored in the request's cookie, if any (outside React, e.g. the tRPC context). */
export function cookieLocale(headers: Headers): AppLocale | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [name, value] = part.split("=", 2).map((s) => s.trim());
    if (name === LOCALE_COOKIE && isAppLocale(value)) return value;
  }
  return null;
}

/**
 * The same order as resolve-locale.ts: the cookie, then the signed-in user's saved language, then Spanish.
 * `savedLocale` is only called when there is no cookie.
 */
export async function requestLocale(
  fromCookie: AppLocale | null | undefined,
  savedLocale: () => Promise<string | null | undefined>,
): Promise<AppLocale> {
  if (fromCookie) return fromCookie;
  const saved = await savedLocale();
  return isAppLocale(saved) ? saved : DEFAULT_LOCALE;
}
