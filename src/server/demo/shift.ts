import { DEMO_REFERENCE_DATE, toDay, toYmd, yearOf } from "./calendar";
import type { Columns, DemoRows } from "./rows";

/**
 * Moves the whole generated demo by `days` calendar days, so a demo seeded as of any date has exactly
 * the shape of the documented one: the rules of federal-baseline measure every window in days
 * (`D − 365`, `D − 90`, …) and compare stored dates (`valid_until ≥ D`), so every department keeps its
 * figures and level, and every boundary case stays on its boundary. Generating afresh at another date
 * would not: a three-year validity spans 1,095 or 1,096 days depending on 29 February, which changes how
 * many renewals an officer draws and so every random draw after it.
 *
 * The dates written inside identifiers move too: the birth date in an officer's CUIP-like id and the
 * year in a complaint's reference (the serial numbers, which make them unique, stay).
 */
export function shiftDemoRows(rows: DemoRows, days: number): void {
  if (days === 0) return;
  const dates = new Map<string, string>();
  const shift = (ymd: string) => {
    let moved = dates.get(ymd);
    if (moved === undefined) {
      moved = toYmd(toDay(ymd) + days);
      dates.set(ymd, moved);
    }
    return moved;
  };
  const officerIds = new Map<string, string>();
  const officerId = (id: string) => officerIds.get(id) ?? id;
  const refs = new Map<string, string>();
  const complaintRef = (ref: string) => refs.get(ref) ?? ref;

  rows.officers.columns.id.forEach((id) => officerIds.set(String(id), shiftedOfficerId(String(id), shift)));
  mapColumn(rows.officers, "id", officerId);
  const c = rows.complaints.columns;
  c.ref.forEach((ref, i) => refs.set(String(ref), shiftedRef(String(ref), shift(String(c.receivedOn[i])))));
  mapColumn(rows.complaints, "ref", complaintRef);

  mapColumn(rows.officers, "hiredOn", shift);
  mapColumn(rows.officers, "separatedOn", shift);
  mapColumn(rows.training, "officerId", officerId);
  mapColumn(rows.training, "completedOn", shift);
  mapColumn(rows.vetting, "officerId", officerId);
  mapColumn(rows.vetting, "evaluatedOn", shift);
  mapColumn(rows.vetting, "validUntil", shift);
  mapColumn(rows.complaints, "receivedOn", shift);
  mapColumn(rows.complaints, "resolvedOn", shift);
  mapColumn(rows.complaintOfficers, "ref", complaintRef);
  mapColumn(rows.complaintOfficers, "officerId", officerId);
}

/** Replaces every non-null cell of one column. */
function mapColumn<K extends string>(table: Columns<K>, name: K, map: (value: string) => string) {
  const column = table.columns[name];
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (value !== null && value !== undefined) column[i] = map(String(value));
  }
}

// `cuipFor`: four letters, birth date YYMMDD, sex, state, six-digit serial. The generator's officers
// are born 19 to 63 years before the reference date, so a two-digit year above its year's is of the 1900s.
const CENTURY_PIVOT = yearOf(toDay(DEMO_REFERENCE_DATE)) % 100;
const OFFICER_ID = /^([A-Z]{4})(\d{2})(\d{2})(\d{2})(.*)$/;

function shiftedOfficerId(id: string, shift: (ymd: string) => string): string {
  const match = OFFICER_ID.exec(id);
  if (!match) return id;
  const [, letters, yy, mm, dd, rest] = match;
  const century = Number(yy) > CENTURY_PIVOT ? "19" : "20";
  const birth = shift(`${century}${yy}-${mm}-${dd}`);
  return `${letters}${birth.slice(2).replaceAll("-", "")}${rest}`;
}

/** `Q-<state>-<year received>-<serial>`. */
function shiftedRef(ref: string, receivedOn: string): string {
  return ref.replace(/^(Q-\d{2}-)\d{4}(-\d+)$/, `$1${receivedOn.slice(0, 4)}$2`);
}
