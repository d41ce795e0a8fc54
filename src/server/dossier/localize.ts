import { createFormatter, createTranslator } from "next-intl";
import en from "../../../messages/en.json";
import es from "../../../messages/es.json";
import { APP_TIME_ZONE, FORMATS } from "~/i18n/formats";
import { type AppLocale, localeTag } from "~/i18n/locales";
import { PDF_STRINGS } from "./strings";

const MESSAGES = { es, en };

/**
 * The PDF's standard fonts (Helvetica, WinAnsi) lack a few symbols the rule conditions use; they are
 * spelled out so no character silently disappears from a filed document.
 */
const UNPRINTABLE: [string, string][] = [
  ["≥", ">="],
  ["≤", "<="],
  ["≠", "!="],
  ["→", "->"],
  ["−", "-"],
];
export const printable = (text: string) => UNPRINTABLE.reduce((s, [from, to]) => s.replaceAll(from, to), text);

/**
 * Formatting and wording for one language, with the app's named formats and messages so numbers,
 * dates, levels and rule names read exactly as on the dossier page.
 */
export function localize(locale: AppLocale) {
  const tag = localeTag(locale);
  const format = createFormatter({ locale: tag, formats: FORMATS, timeZone: APP_TIME_ZONE });
  const translate = createTranslator({ locale: tag, messages: MESSAGES[locale], formats: FORMATS, timeZone: APP_TIME_ZONE });
  const strings = PDF_STRINGS[locale];
  const m = (key: string, values?: Record<string, string | number>) => printable(translate(key as never, values as never));
  const has = (key: string) => translate.has(key as never);
  return {
    locale,
    s: strings,
    /** A PDF-only string with `{name}` placeholders filled in. */
    sf: (key: keyof typeof strings, values: Record<string, string | number>) =>
      Object.entries(values).reduce((text, [name, value]) => text.replaceAll(`{${name}}`, String(value)), strings[key]),
    m,
    level: (level: string | null) => m(level ? `levels.${level}` : "levels.unevaluated"),
    ruleName: (id: string, title?: string) => (has(`rules.names.${id}`) ? m(`rules.names.${id}`) : printable(title ?? id)),
    enumLabel: (group: string, value: string) => (has(`enums.${group}.${value}`) ? m(`enums.${group}.${value}`) : value),
    condition: (condition: string) =>
      printable(condition.replaceAll(" and ", ` ${m("dossier.why.and")} `).replaceAll(" or ", ` ${m("dossier.why.or")} `)),
    /** A rule's value as the page's "why" table shows it. */
    decimal: (value: number | null) => (value === null ? "—" : format.number(value, "decimal")),
    integer: (value: number) => format.number(value, "integer"),
    percent: (value: number | null) => (value === null ? "—" : format.number(value / 100, "percent")),
    /** A calendar date stored as UTC midnight. */
    day: (ymd: string | Date) => format.dateTime(typeof ymd === "string" ? new Date(`${ymd}T00:00:00Z`) : ymd, "day"),
    month: (ymd: string) => format.dateTime(new Date(`${ymd}T00:00:00Z`), "month"),
    instant: (at: Date, timeZone: string) => format.dateTime(at, { ...FORMATS.dateTime.instant, timeZone }),
  };
}

export type Localized = ReturnType<typeof localize>;
