/**
 * Cell parsers for the CSV exchange format (docs: /work/shared/spec/import-format.md). Each returns
 * the canonical text staged in PostgreSQL, or a reason. Dates stay `YYYY-MM-DD` strings end to end
 * (cast with `::date` in SQL), so no JavaScript `Date` and no time zone ever touches them.
 */
export type CellType =
  | { kind: "text" }
  | { kind: "pattern"; pattern: RegExp; rule: string }
  | { kind: "date" }
  | { kind: "hours" }
  | { kind: "integer" }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "idList"; pattern: RegExp; rule: string };

export type Parsed = { ok: true; value: string } | { ok: false; reason: string };

const ok = (value: string): Parsed => ({ ok: true, value });
const fail = (reason: string): Parsed => ({ ok: false, reason });

/** Quotes a value for an error message; free text is never echoed (it may hold personal data). */
export function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function parseDate(raw: string): Parsed {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!match) return fail(`${shown(raw)} is not a date in the form YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail(`${shown(raw)} is not a real calendar date`);
  }
  return ok(raw);
}

/** Same month and day `years` later; 29 February becomes 28 February in a non-leap year. */
export function addCalendarYears(ymd: string, years: number): string {
  const [year, month, day] = ymd.split("-").map(Number) as [number, number, number];
  const target = year + years;
  const clampedDay = Math.min(day, daysInMonth(target, month));
  return `${String(target).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(clampedDay).padStart(2, "0")}`;
}

const MAX_HOURS_CENTS = 2000_00;

/** Training hours: exact decimal text (never a float), > 0, ≤ 2000, at most 2 decimals. */
export function parseHours(raw: string): Parsed {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(raw);
  if (!match) return fail(`${shown(raw)} is not a number with at most 2 decimals`);
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (cents <= 0) return fail(`${shown(raw)} must be greater than 0`);
  if (cents > MAX_HOURS_CENTS) return fail(`${shown(raw)} must be at most 2000`);
  return ok(raw);
}

const MAX_INT4 = 2_147_483_647;

export function parseInteger(raw: string): Parsed {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > MAX_INT4) return fail(`${shown(raw)} is not a whole number ≥ 0`);
  return ok(String(Number(raw)));
}

export function parseCell(type: CellType, raw: string): Parsed {
  switch (type.kind) {
    case "text":
      return ok(raw);
    case "pattern":
      return type.pattern.test(raw) ? ok(raw) : fail(`${shown(raw)} must be ${type.rule}`);
    case "date":
      return parseDate(raw);
    case "hours":
      return parseHours(raw);
    case "integer":
      return parseInteger(raw);
    case "enum":
      return type.values.includes(raw) ? ok(raw) : fail(`${shown(raw)} must be one of ${type.values.join(", ")}`);
    case "idList":
      return parseIdList(type, raw);
  }
}

function parseIdList(type: Extract<CellType, { kind: "idList" }>, raw: string): Parsed {
  const ids = raw.split(";").map((id) => id.trim());
  const seen = new Set<string>();
  for (const id of ids) {
    if (!type.pattern.test(id)) return fail(`${shown(id)} must be ${type.rule}`);
    if (seen.has(id)) return fail(`${shown(id)} is listed twice`);
    seen.add(id);
  }
  return ok(ids.join(";"));
}
