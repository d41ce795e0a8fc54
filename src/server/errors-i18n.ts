import type { ZodError } from "zod";
import type { AppLocale } from "../i18n/locales";
import { ERROR_MESSAGES_ES } from "./errors-catalogue";
import { ERROR_TERMS_ES } from "./errors-terms";

type Entry = { pattern: RegExp; names: string[]; spanish: string; literalLength: number };

const PLACEHOLDER = /\{(\w+)\}/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Templates become anchored patterns; the most literal text is tried first so "Import batch not found"-like keys win over "{what} not found". */
function compile(table: Record<string, string>): Entry[] {
  return Object.entries(table)
    .map(([english, spanish]) => {
      const names = [...english.matchAll(PLACEHOLDER)].map((m) => m[1]!);
      const literal = english.split(PLACEHOLDER).filter((_, i) => i % 2 === 0);
      return {
        pattern: new RegExp(`^${literal.map(escapeRegExp).join("(.+?)")}$`, "s"),
        names,
        spanish,
        literalLength: literal.join("").length,
      };
    })
    .sort((a, b) => b.literalLength - a.literalLength);
}

const MESSAGES = compile(ERROR_MESSAGES_ES);
const TERMS = compile(ERROR_TERMS_ES);

function translateWith(entries: Entry[], text: string, depth: number): string | null {
  for (const entry of entries) {
    const match = entry.pattern.exec(text);
    if (!match) continue;
    const values = new Map(entry.names.map((name, i) => [name, match[i + 1]!]));
    // Values are translated two levels deep (a status inside an undo reason inside a message); that is
    // every nesting our messages have, and it bounds the work.
    return entry.spanish.replace(PLACEHOLDER, (_, name: string) => {
      const value = values.get(name) ?? "";
      return depth < 2 ? (translateWith(TERMS, value, depth + 1) ?? value) : value;
    });
  }
  return null;
}

/** The Spanish of an English service message, or null when the catalogue does not know it. */
export function spanishErrorMessage(english: string): string | null {
  return translateWith(MESSAGES, english, 0);
}

/** The Spanish of a record or field name put into a message (e.g. notFound's `what`), or null. */
export function spanishErrorTerm(english: string): string | null {
  return translateWith(TERMS, english, 1);
}

export type LocalisedMessage = { message: string; translated: boolean };

/** A service message in the caller's language; English messages are the catalogue's keys, so they stay as they are. */
export function localiseErrorMessage(english: string, locale: AppLocale): LocalisedMessage {
  const spanish = spanishErrorMessage(english);
  if (spanish === null) return { message: english, translated: false };
  return { message: locale === "es" ? spanish : english, translated: true };
}

const INVALID_FIELD: Record<AppLocale, (field: string) => string> = {
  es: (field) => `Valor no válido en ${field}`,
  en: (field) => `Invalid value in ${field}`,
};

/** Input validation errors: one generic sentence per field (the details stay in `data.zodError`). */
export function localiseZodError(error: ZodError, locale: AppLocale): LocalisedMessage {
  const fields = [...new Set(error.issues.map((issue) => (issue.path.length ? issue.path.join(".") : "input")))];
  return { message: fields.map(INVALID_FIELD[locale]).join("; "), translated: true };
}
