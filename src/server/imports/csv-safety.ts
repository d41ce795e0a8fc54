/**
 * Protection against CSV/formula injection, shared by export (neutralise) and import (reverse) so
 * the two can never disagree. A spreadsheet treats a cell starting with = + - @ (or tab / CR) as a
 * formula; a leading apostrophe makes it plain text.
 *
 * Quotes that are already there are escaped too ("'=x" is exported as "''=x"), so that
 * export → import gives back exactly the stored text.
 */
const FORMULA_TRIGGER = /^'*[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/** Applies to text columns only: a neutralised cell loses the one apostrophe export added. */
export function reverseNeutralised(value: string): string {
  return value.startsWith("'") && FORMULA_TRIGGER.test(value.slice(1)) ? value.slice(1) : value;
}
