import { beforeAll, describe, expect, it } from "vitest";
import { DEPARTMENTS_CSV, OFFICERS_CSV, errorLines, importCsv, tableCounts } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

beforeAll(async () => {
  const { db } = test.current;
  expect((await importCsv(db, "departments", DEPARTMENTS_CSV)).status).toBe("COMPLETED");
  expect((await importCsv(db, "officers", OFFICERS_CSV)).status).toBe("COMPLETED");
});

/** Imports a bad file and proves it was rejected with exactly `expected` and nothing changed. */
async function expectRejected(kind: Parameters<typeof importCsv>[1], csv: string, expected: string[]) {
  const { db } = test.current;
  const before = await tableCounts(db);
  const batchesBefore = await db.importBatch.count();
  const result = await importCsv(db, kind, csv);
  expect(errorLines(result)).toEqual(expected);
  expect(result).toMatchObject({ status: "REJECTED", errorCount: expected.length, created: 0, updated: 0, unchanged: 0 });
  expect(await tableCounts(db)).toEqual(before);
  const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId! } });
  expect(batch).toMatchObject({ status: "REJECTED", kind, errorCount: expected.length, created: 0 });
  expect(await db.importBatch.count()).toBe(batchesBefore + 1);
  const audit = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
  expect(audit).toMatchObject({ action: "import.rejected", targetType: "ImportBatch", targetId: String(result.batchId), actorId: null });
  expect(audit.metadata).toMatchObject({ kind, errorCount: expected.length });
}

describe("rejected files", () => {
  it("report every invalid department row with line and column", async () => {
    await expectRejected(
      "departments",
      [
        "department_code,name,kind,state_code,municipality_code,authorized_strength",
        "ok-lower,Nombre,MUNICIPAL,16,053,10",
        "D2,,COUNTY,33,53,-1",
        "D3,Estatal,STATE,16,053,",
        "D4,Municipal sin municipio,MUNICIPAL,16,,",
        "D5,Municipio inexistente,MUNICIPAL,16,999,",
        "D6,Par inexistente,MUNICIPAL,01,053,",
        "D7,Válido,MUNICIPAL,16,053,5",
        "D7,Repetido,MUNICIPAL,16,053,5",
        "D8,Celdas de más,STATE,16,,,extra",
      ].join("\n"),
      [
        'line 2, column department_code: "ok-lower" must be 1–40 characters A–Z, 0–9, -',
        "line 3, column name: is required",
        'line 3, column kind: "COUNTY" must be one of MUNICIPAL, STATE',
        'line 3, column state_code: "33" must be a two-digit INEGI state code 01–32',
        'line 3, column municipality_code: "53" must be a three-digit INEGI municipality code',
        'line 3, column authorized_strength: "-1" is not a whole number ≥ 0',
        "line 4, column municipality_code: must be empty for a STATE department",
        "line 5, column municipality_code: is required for a MUNICIPAL department",
        "line 6, column municipality_code: municipality 999 of state 16 is not in the INEGI catalogue",
        "line 7, column municipality_code: municipality 053 of state 01 is not in the INEGI catalogue",
        "line 9, column department_code: duplicate of line 8 (same department_code)",
        "line 10: the row has 7 cells but the header has 6",
      ],
    );
  });

  it("report officer errors: dates, unresolved departments, separation before hiring", async () => {
    await expectRejected(
      "officers",
      [
        "officer_id,department_code,given_name,family_name,rank,hired_on,separated_on",
        "OF100,MICH-MORELIA,Ana,López,,2026-02-30,",
        "OF101,NO-EXISTE,Ana,López,,2026-01-01,",
        "OF102,MICH-MORELIA,Ana,López,,2026-01-10,2026-01-09",
        "of103,MICH-MORELIA,Ana,López,,01/02/2026,",
        "OF104,MICH-MORELIA,Ana,López,,2026-01-10,2026-01-10",
      ].join("\r\n"),
      [
        'line 2, column hired_on: "2026-02-30" is not a real calendar date',
        "line 3, column department_code: department NO-EXISTE does not exist",
        "line 4, column separated_on: 2026-01-09 is before hired_on 2026-01-10",
        'line 5, column officer_id: "of103" must be 1–30 characters A–Z, 0–9',
        'line 5, column hired_on: "01/02/2026" is not a date in the form YYYY-MM-DD',
      ],
    );
  });

  it("report training errors: hours, unknown course and officer, duplicate key", async () => {
    await expectRejected(
      "training",
      [
        "officer_id,course_code,completed_on,hours",
        "OF001,FORMACION_INICIAL,2025-01-10,0",
        "OF001,FORMACION_INICIAL,2025-01-11,2000.01",
        "OF001,FORMACION_INICIAL,2025-01-12,8.555",
        "OF001,CURSO_FALSO,2025-01-13,8",
        "OF999,FORMACION_INICIAL,2025-01-14,8",
        "OF001,FORMACION_INICIAL,2025-01-15,8",
        "OF001,FORMACION_INICIAL,2025-01-15,9",
      ].join("\n"),
      [
        'line 2, column hours: "0" must be greater than 0',
        'line 3, column hours: "2000.01" must be at most 2000',
        'line 4, column hours: "8.555" is not a number with at most 2 decimals',
        "line 5, column course_code: course CURSO_FALSO is not in the training catalogue",
        "line 6, column officer_id: officer OF999 does not exist",
        "line 8, column officer_id: duplicate of line 7 (same officer_id, course_code, completed_on)",
      ],
    );
  });

  it("report vetting errors: result values and validity before evaluation", async () => {
    await expectRejected(
      "vetting",
      [
        "officer_id,evaluated_on,result,valid_until",
        "OF001,2025-03-01,APROBADO,",
        "OF001,2025-04-01,APPROVED,2025-03-31",
        "OF002,,PENDING,",
      ].join("\n"),
      [
        'line 2, column result: "APROBADO" must be one of APPROVED, NOT_APPROVED, PENDING',
        "line 3, column valid_until: 2025-03-31 is before evaluated_on 2025-04-01",
        "line 4, column evaluated_on: is required",
      ],
    );
  });

  it("report complaint errors: resolution rules and unknown officers", async () => {
    const header = "complaint_ref,department_code,received_on,source,category,status,resolved_on,officer_ids,summary";
    await expectRejected(
      "complaints",
      [
        header,
        "Q-1,MICH-MORELIA,2025-05-01,CITIZEN,TORTURE,SUSTAINED,,OF001,texto",
        "Q-2,MICH-MORELIA,2025-05-01,CITIZEN,TORTURE,RECEIVED,2025-06-01,,",
        "Q-3,MICH-MORELIA,2025-05-01,CNDH,EXTORTION,UNFOUNDED,2025-04-30,,",
        "Q-4,MICH-MORELIA,2025-05-01,CNDH,EXTORTION,INVESTIGATING,,OF001;OF404;OF405,",
        "Q-5,MICH-MORELIA,2025-05-01,PRENSA,ROBO,INVESTIGATING,,OF001;OF001,",
        `${"R".repeat(41)},MICH-MORELIA,2025-05-01,MEDIA,OTHER,WITHDRAWN,,,`,
      ].join("\n"),
      [
        "line 2, column resolved_on: is required when status is SUSTAINED",
        "line 3, column resolved_on: must be empty when status is RECEIVED",
        "line 4, column resolved_on: 2025-04-30 is before received_on 2025-05-01",
        "line 5, column officer_ids: officer OF404 does not exist",
        "line 5, column officer_ids: officer OF405 does not exist",
        'line 6, column source: "PRENSA" must be one of CITIZEN, CNDH, STATE_COMMISSION, INTERNAL, MEDIA, OTHER',
        'line 6, column category: "ROBO" must be one of TORTURE, FORCED_DISAPPEARANCE, EXTRAJUDICIAL_KILLING, SEXUAL_ABUSE, EXCESSIVE_FORCE, ARBITRARY_DETENTION, EXTORTION, CORRUPTION, COLLUSION, OTHER',
        'line 6, column officer_ids: "OF001" is listed twice',
        `line 7, column complaint_ref: "${"R".repeat(40)}…" must be 1–40 characters on one line`,
      ],
    );
  });

  it("reject unknown and missing columns, naming them", async () => {
    await expectRejected("officers", "officer_id,department_code,given_name,family_name,hired_on,badge\nOF9,MICH-SSP,A,B,2020-01-01,7\n", [
      "line 1, column badge: unknown column (expected: officer_id, department_code, given_name, family_name, rank, hired_on, separated_on)",
    ]);
    await expectRejected("officers", "officer_id,department_code,given_name,hired_on\nOF9,MICH-SSP,A,2020-01-01\n", [
      "line 1, column family_name: required column is missing",
    ]);
  });

  it("reject a file over the size limit, and cap the listed errors while counting all", async () => {
    const { db } = test.current;
    const before = await tableCounts(db);
    const big = await importCsv(db, "departments", DEPARTMENTS_CSV, { limits: { maxBytes: 100 } });
    expect(errorLines(big)).toEqual(["the file is larger than the limit of 100 bytes"]);
    const rows = Array.from({ length: 30 }, (_, i) => `OF${i},NOPE,A,B,,2020-01-01,`);
    const many = await importCsv(db, "officers", [OFFICERS_CSV.split("\n")[0], ...rows].join("\n"), { maxErrors: 5 });
    expect(many.errorCount).toBe(30);
    expect(errorLines(many)).toEqual(
      rows.slice(0, 5).map((_, i) => `line ${i + 2}, column department_code: department NOPE does not exist`),
    );
    expect(await tableCounts(db)).toEqual(before);
  });

  it("dry runs write nothing at all, not even a batch or audit row", async () => {
    const { db } = test.current;
    const counts = async () => ({ ...(await tableCounts(db)), batches: await db.importBatch.count(), audit: await db.auditEvent.count() });
    const before = await counts();
    const bad = await importCsv(db, "officers", "officer_id,department_code,given_name,family_name,hired_on\nOF9,NOPE,A,B,2020-01-01\n", {
      dryRun: true,
    });
    expect(bad).toMatchObject({ status: "REJECTED", dryRun: true, batchId: null, errorCount: 1 });
    const good = await importCsv(db, "officers", `${OFFICERS_CSV}\nOF004,MICH-SSP,Eva,Ruiz,,2021-05-05,`, { dryRun: true });
    expect(good).toMatchObject({ status: "COMPLETED", dryRun: true, batchId: null, created: 1, updated: 0, unchanged: 3 });
    expect(await counts()).toEqual(before);
  });
});
