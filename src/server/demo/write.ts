import type { Tx } from "../db/client";
import type { Columns, DemoRows } from "./rows";

/**
 * Set-based inserts: each statement sends a chunk of rows as one array per column and lets
 * PostgreSQL unnest them, so a million rows take a few dozen round trips instead of a million.
 */
const CHUNK = 25_000;

async function insertChunks<K extends string>(tx: Tx, table: Columns<K>, sql: string, order: readonly K[]) {
  for (let start = 0; start < table.length; start += CHUNK) {
    const params = order.map((name) => table.columns[name].slice(start, start + CHUNK));
    await tx.$executeRawUnsafe(sql, ...params);
  }
}

export async function writeDemoRows(tx: Tx, rows: DemoRows) {
  const deps = rows.departments;
  await tx.$executeRawUnsafe(
    `insert into "Department" ("code", "name", "kind", "stateCode", "municipalityCode", "authorizedStrength", "updatedAt")
     select u.code, u.name, u.kind::"DepartmentKind", u.state, u.municipality, u.strength, now()
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) as u(code, name, kind, state, municipality, strength)`,
    deps.map((d) => d.code),
    deps.map((d) => d.name),
    deps.map((d) => d.kind),
    deps.map((d) => d.stateCode),
    deps.map((d) => d.municipalityCode),
    deps.map((d) => d.authorizedStrength),
  );
  await insertChunks(
    tx,
    rows.officers,
    `insert into "Officer" ("id", "departmentId", "givenName", "familyName", "rank", "hiredOn", "separatedOn", "updatedAt")
     select u.id, d."id", u.given, u.family, u.rank, u.hired::date, u.separated::date, now()
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       as u(id, department, given, family, rank, hired, separated)
     join "Department" d on d."code" = u.department`,
    ["id", "departmentCode", "givenName", "familyName", "rank", "hiredOn", "separatedOn"],
  );
  // Each officer's current posting, dated from the day they joined.
  await tx.$executeRawUnsafe(
    `insert into "OfficerAssignment" ("officerId", "departmentId", "recordedAt")
     select "id", "departmentId", "hiredOn"::timestamp at time zone 'UTC' from "Officer"`,
  );
  await insertChunks(
    tx,
    rows.training,
    `insert into "TrainingRecord" ("officerId", "courseCode", "completedOn", "hours")
     select u.officer, u.course, u.completed::date, u.hours::numeric
     from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as u(officer, course, completed, hours)`,
    ["officerId", "courseCode", "completedOn", "hours"],
  );
  await insertChunks(
    tx,
    rows.vetting,
    `insert into "VettingEvaluation" ("officerId", "evaluatedOn", "result", "validUntil")
     select u.officer, u.evaluated::date, u.result::"VettingResult", u.valid::date
     from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as u(officer, evaluated, result, valid)`,
    ["officerId", "evaluatedOn", "result", "validUntil"],
  );
  await insertChunks(
    tx,
    rows.complaints,
    `insert into "Complaint" ("ref", "departmentId", "receivedOn", "source", "category", "status", "resolvedOn", "summary", "updatedAt")
     select u.ref, d."id", u.received::date, u.source::"ComplaintSource", u.category::"ComplaintCategory",
            u.status::"ComplaintStatus", u.resolved::date, u.summary, now()
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       as u(ref, department, received, source, category, status, resolved, summary)
     join "Department" d on d."code" = u.department`,
    ["ref", "departmentCode", "receivedOn", "source", "category", "status", "resolvedOn", "summary"],
  );
  await insertChunks(
    tx,
    rows.complaintOfficers,
    `insert into "ComplaintOfficer" ("complaintId", "officerId")
     select c."id", u.officer from unnest($1::text[], $2::text[]) as u(ref, officer) join "Complaint" c on c."ref" = u.ref`,
    ["ref", "officerId"],
  );
}
