import { getRequestConfig } from "next-intl/server";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import { APP_TIME_ZONE, FORMATS } from "./formats";
import { localeTag } from "./locales";
import { resolveLocale } from "./resolve-locale";

const MESSAGES = { es, en };

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale: localeTag(locale), messages: MESSAGES[locale], timeZone: APP_TIME_ZONE, formats: FORMATS };
});
