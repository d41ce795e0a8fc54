import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { confirmImport } from "~/server/imports/batch-actions";
import { writeBatch } from "~/server/imports/batch-steps";
import { DEPARTMENTS_CSV, importCsv } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";
import { createUser } from "../support/workflow-fixtures";
import { uploadAndValidate } from "./imports-web-support";

const test = useTestDatabase();
const HEADER = "officer_id,department_code,given_name,family_name,rank,hired_on,separated_on";
const officers = (name: string, n: number) =>
  [HEADER, ...Array.from({ length: n }, (_, i) => `C${i},MICH-MORELIA,${name},Ruiz,,2020-01-01,`)].join("\n");

describe("two web imports of the same records at once", () => {
  it("are written one after the other, never interleaved", async () => {
    const { db } = test.current;
    const analyst = await createUser(db, "IA_ANALYST");
    await importCsv(db, "departments", DEPARTMENTS_CSV);
    const a = await uploadAndValidate(db, analyst, "officers", "a.csv", officers("Alfa", 20_000));
    const b = await uploadAndValidate(db, analyst, "officers", "b.csv", officers("Beta", 20_000));
    // Both were validated against the same empty table: each plans to create all 20,000.
    const planned = await db.importBatch.findMany({ where: { id: { in: [a.batchId, b.batchId] } }, select: { created: true } });
    expect(planned.map((p) => p.created)).toEqual([20_000, 20_000]);
    await confirmImport(db, { userId: analyst.userId }, a.batchId);
    await confirmImport(db, { userId: analyst.userId }, b.batchId);
    await Promise.all([writeBatch(db, { userId: analyst.userId }, a.batchId), writeBatch(db, { userId: analyst.userId }, b.batchId)]);

    const batches = await db.importBatch.findMany({
      where: { id: { in: [a.batchId, b.batchId] } },
      orderBy: { finishedAt: "asc" },
      select: { id: true, status: true, created: true, updated: true },
    });
    // Serialised: the first creates everything, the second (re-planned under the lock) updates it all.
    expect(batches.map((x) => [x.status, x.created, x.updated])).toEqual([
      ["COMPLETED", 20_000, 0],
      ["COMPLETED", 0, 20_000],
    ]);
    const names = await db.officer.groupBy({ by: ["givenName"], _count: true });
    expect(names).toEqual([{ givenName: batches[1]!.id === a.batchId ? "Alfa" : "Beta", _count: 20_000 }]);
    expect(await db.officerAssignment.count()).toBe(20_000);
    expect(await db.importChange.count({ where: { batchId: batches[1]!.id } })).toBe(20_000);
  });
});

describe("XLSX upload (first sheet, same columns)", () => {
  it("reads dates, numbers and short rows; reports spreadsheet row numbers", async () => {
    const { db } = test.current;
    const analyst = await createUser(db, "IA_ANALYST");
    await importCsv(db, "departments", DEPARTMENTS_CSV);
    await importCsv(db, "officers", officers("Xlsx", 4));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("vetting");
    sheet.addRow(["officer_id", "evaluated_on", "result", "valid_until"]);
    sheet.addRow(["C1", new Date("2024-02-29T00:00:00Z"), "APPROVED"]); // trailing cell left empty
    sheet.addRow(["C2", "2023-05-01", "PENDING", new Date("2026-05-01T00:00:00Z")]);
    sheet.getRow(5).values = ["C3", "2023-13-01", "APPROVED"]; // row 4 left blank
    workbook.addWorksheet("ignored").addRow(["anything"]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const rejected = await uploadAndValidate(db, analyst, "vetting", "vetting.xlsx", file);
    const report = await db.importBatch.findUniqueOrThrow({ where: { id: rejected.batchId } });
    expect([report.status, report.errors]).toEqual([
      "REJECTED",
      [{ line: 5, column: "evaluated_on", message: '"2023-13-01" is not a real calendar date' }],
    ]);

    sheet.spliceRows(5, 1);
    const fixed = Buffer.from(await workbook.xlsx.writeBuffer());
    const ok = await uploadAndValidate(db, analyst, "vetting", "vetting.xlsx", fixed);
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: ok.batchId } })).toMatchObject({
      status: "VALIDATED",
      rowsTotal: 2,
      created: 2,
    });
    await confirmImport(db, { userId: analyst.userId }, ok.batchId);
    await writeBatch(db, { userId: analyst.userId }, ok.batchId);
    const rows = await db.vettingEvaluation.findMany({ orderBy: { officerId: "asc" } });
    expect(
      rows.map((r) => [r.officerId, r.evaluatedOn.toISOString().slice(0, 10), r.result, r.validUntil.toISOString().slice(0, 10)]),
    ).toEqual([
      ["C1", "2024-02-29", "APPROVED", "2027-02-28"],
      ["C2", "2023-05-01", "PENDING", "2026-05-01"],
    ]);
  });
});
