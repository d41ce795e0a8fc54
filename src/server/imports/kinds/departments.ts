import type { KindSpec } from "../types";
import { DEPARTMENT_CODE, TEXT, column, enumOf } from "./columns";

export const departments: KindSpec = {
  kind: "departments",
  columns: [
    column("department_code", true, DEPARTMENT_CODE),
    column("name", true, TEXT),
    column("kind", true, enumOf(["MUNICIPAL", "STATE"])),
    column("state_code", true, { kind: "pattern", pattern: /^(0[1-9]|[12]\d|3[0-2])$/, rule: "a two-digit INEGI state code 01–32" }),
    column("municipality_code", false, { kind: "pattern", pattern: /^\d{3}$/, rule: "a three-digit INEGI municipality code" }),
    column("authorized_strength", false, { kind: "integer" }),
  ],
  key: ["department_code"],
  rowRules: (row, fail) => {
    if (row.kind === "MUNICIPAL" && !row.municipality_code) {
      fail("municipality_code", "is required for a MUNICIPAL department");
    }
    if (row.kind === "STATE" && row.municipality_code) {
      fail("municipality_code", "must be empty for a STATE department");
    }
  },
  references: [
    {
      column: "municipality_code",
      sql: `select s.line, format('municipality %s of state %s is not in the INEGI catalogue', s.municipality_code, s.state_code) as message
            from import_stage s where s.municipality_code is not null and s.state_code is not null
            and not exists (select 1 from "Municipality" m where m."stateCode" = s.state_code and m.code = s.municipality_code)`,
    },
  ],
  target: {
    entity: "Department",
    resolved: `select s.line, s.department_code as "code", s.name as "name", s.kind::"DepartmentKind" as "kind",
                 s.state_code as "stateCode", s.municipality_code as "municipalityCode", s.authorized_strength as "authorizedStrength"
               from import_stage s`,
    key: ["code"],
    fields: ["name", "kind", "stateCode", "municipalityCode", "authorizedStrength"],
    hasTimestamps: true,
    // Not municipality_code: the row rules require or forbid it by kind, so absent = empty there.
    keptWhenAbsent: { authorizedStrength: "authorized_strength" },
  },
};
