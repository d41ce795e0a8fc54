import type { Tx } from "../../db/client";
import type { KindSpec } from "../types";
import { DATE, DEPARTMENT_CODE, OFFICER_ID, TEXT, column, departmentExists } from "./columns";

/**
 * Keeps the assignment history. A created officer's open assignment is written with the change
 * images (`onInsert`); an updated officer whose department changed gets a new open assignment
 * here, and the previous one is closed.
 */
async function recordMoves(tx: Tx, batchId: number) {
  await tx.$executeRawUnsafe(
    `with moved as (
       select p."id", p."departmentId" from import_plan p
       where p._action = 'updated' and (p._before->>'departmentId')::int <> p."departmentId"
     ), closed as (
       update "OfficerAssignment" a set "endedAt" = now() from moved m where a."officerId" = m."id" and a."endedAt" is null
     )
     insert into "OfficerAssignment" ("officerId", "departmentId", "importBatchId") select "id", "departmentId", $1 from moved`,
    batchId,
  );
}

export const officers: KindSpec = {
  kind: "officers",
  columns: [
    column("officer_id", true, OFFICER_ID),
    column("department_code", true, DEPARTMENT_CODE),
    column("given_name", true, TEXT),
    column("family_name", true, TEXT),
    column("rank", false, TEXT),
    column("hired_on", true, DATE),
    column("separated_on", false, DATE),
  ],
  key: ["officer_id"],
  rowRules: (row, fail) => {
    if (row.separated_on && row.hired_on && row.separated_on < row.hired_on) {
      fail("separated_on", `${row.separated_on} is before hired_on ${row.hired_on}`);
    }
  },
  references: [departmentExists],
  target: {
    entity: "Officer",
    resolved: `select s.line, s.officer_id as "id", d.id as "departmentId", s.given_name as "givenName",
                 s.family_name as "familyName", s.rank as "rank", s.hired_on as "hiredOn", s.separated_on as "separatedOn"
               from import_stage s join "Department" d on d.code = s.department_code`,
    key: ["id"],
    fields: ["departmentId", "givenName", "familyName", "rank", "hiredOn", "separatedOn"],
    hasTimestamps: true,
    keptWhenAbsent: { rank: "rank", separatedOn: "separated_on" },
    onInsert: {
      table: "OfficerAssignment",
      sql: `insert into "OfficerAssignment" ("officerId", "departmentId", "importBatchId") select w."id", w."departmentId", $1 from written w`,
    },
    insertReferences: [{ column: "departmentId", table: "Department" }],
    afterWrite: recordMoves,
  },
};
