import type { CellType } from "../cells";
import type { ColumnSpec } from "../types";

/** Column builders shared by the five file kinds, so each rule is written once. */
const sqlTypeOf = (type: CellType): ColumnSpec["sqlType"] =>
  type.kind === "date"
    ? "date"
    : type.kind === "hours"
      ? "numeric"
      : type.kind === "integer"
        ? "integer"
        : type.kind === "idList"
          ? "text[]"
          : "text";

export const column = (name: string, required: boolean, type: CellType): ColumnSpec => ({ name, required, type, sqlType: sqlTypeOf(type) });

export const TEXT: CellType = { kind: "text" };
export const DATE: CellType = { kind: "date" };
const OFFICER_ID_PATTERN = /^[A-Z0-9]{1,30}$/;
const OFFICER_ID_RULE = "1–30 characters A–Z, 0–9";
export const OFFICER_ID: CellType = { kind: "pattern", pattern: OFFICER_ID_PATTERN, rule: OFFICER_ID_RULE };
export const OFFICER_ID_LIST: CellType = { kind: "idList", pattern: OFFICER_ID_PATTERN, rule: OFFICER_ID_RULE };
export const DEPARTMENT_CODE: CellType = { kind: "pattern", pattern: /^[A-Z0-9-]{1,40}$/, rule: "1–40 characters A–Z, 0–9, -" };
export const enumOf = (values: readonly string[]): CellType => ({ kind: "enum", values });

/** Staged rows whose officer_id does not name an existing officer. */
export const officerExists = {
  column: "officer_id",
  sql: `select s.line, format('officer %s does not exist', s.officer_id) as message from import_stage s
        where s.officer_id is not null and not exists (select 1 from "Officer" o where o.id = s.officer_id)`,
};

export const departmentExists = {
  column: "department_code",
  sql: `select s.line, format('department %s does not exist', s.department_code) as message from import_stage s
        where s.department_code is not null and not exists (select 1 from "Department" d where d.code = s.department_code)`,
};
