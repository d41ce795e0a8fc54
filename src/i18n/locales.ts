/**
 * The app's languages. The short code ("es"/"en") is what the cookie and `User.locale` store; the
 * tag is what Intl formats with — es-MX, not plain "es", so numbers group as 1,234.5 like in Mexico.
 */
export const LOCALES = ["es", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "es";
export const LOCALE_COOKIE = "vigila-locale";

const TAGS: Record<AppLocale, string> = { es: "es-MX", en: "en-US" };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function localeTag(locale: AppLocale): string {
  return TAGS[locale];
}

export function appLocaleFromTag(tag: string): AppLocale {
  return (Object.entries(TAGS).find(([, t]) => t === tag)?.[0] as AppLocale | undefined) ?? DEFAULT_LOCALE;
}
