import { addCalendarYears } from "../cells";
import type { KindSpec } from "../types";
import { DATE, OFFICER_ID, column, enumOf, officerExists } from "./columns";

/** A vetting (control de confianza) result is valid for three calendar years unless the file says otherwise. */
export const VETTING_VALIDITY_YEARS = 3;

export const vetting: KindSpec = {
  kind: "vetting",
  columns: [
    column("officer_id", true, OFFICER_ID),
    column("evaluated_on", true, DATE),
    column("result", true, enumOf(["APPROVED", "NOT_APPROVED", "PENDING"])),
    column("valid_until", false, DATE),
  ],
  key: ["officer_id", "evaluated_on"],
  rowRules: (row, fail) => {
    const evaluatedOn = row.evaluated_on;
    if (!evaluatedOn) return;
    if (!row.valid_until) row.valid_until = addCalendarYears(evaluatedOn, VETTING_VALIDITY_YEARS);
    else if (row.valid_until < evaluatedOn) fail("valid_until", `${row.valid_until} is before evaluated_on ${evaluatedOn}`);
  },
  references: [officerExists],
  target: {
    entity: "VettingEvaluation",
    resolved: `select s.line, s.officer_id as "officerId", s.evaluated_on as "evaluatedOn", s.result::"VettingResult" as "result",
                 s.valid_until as "validUntil"
               from import_stage s`,
    key: ["officerId", "evaluatedOn"],
    fields: ["result", "validUntil"],
    hasTimestamps: false,
    // New evaluations still get the default from the row rules.
    keptWhenAbsent: { validUntil: "valid_until" },
  },
};
