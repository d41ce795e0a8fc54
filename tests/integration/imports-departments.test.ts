import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { DEPARTMENTS_CSV, dataSnapshot, errorLines, importCsv } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

describe("departments import", () => {
  it("creates departments, then a second identical import leaves everything unchanged", async () => {
    const { db } = test.current;
    const first = await importCsv(db, "departments", DEPARTMENTS_CSV);
    expect(errorLines(first)).toEqual([]);
    expect(first).toMatchObject({ status: "COMPLETED", rowsTotal: 3, created: 3, updated: 0, unchanged: 0 });
    const morelia = await db.department.findUniqueOrThrow({ where: { code: "MICH-MORELIA" } });
    expect(morelia).toMatchObject({ kind: "MUNICIPAL", stateCode: "16", municipalityCode: "053", authorizedStrength: 1200, version: 1 });
    const ssp = await db.department.findUniqueOrThrow({ where: { code: "MICH-SSP" } });
    expect(ssp).toMatchObject({ kind: "STATE", municipalityCode: null, authorizedStrength: null });

    const before = await dataSnapshot(db);
    const second = await importCsv(db, "departments", DEPARTMENTS_CSV);
    expect(second).toMatchObject({ status: "COMPLETED", created: 0, updated: 0, unchanged: 3 });
    expect(await dataSnapshot(db)).toEqual(before);
  });

  it("reads a UTF-8 file with BOM, CRLF line ends, quoted commas and quotes, a blank line and padded cells", async () => {
    const { db } = test.current;
    const file = await readFile(new URL("../fixtures/imports/departments-bom-crlf.csv", import.meta.url));
    const result = await importCsv(db, "departments", file);
    expect(errorLines(result)).toEqual([]);
    expect(result).toMatchObject({ status: "COMPLETED", rowsTotal: 3, created: 3 });
    const rows = await db.department.findMany({ where: { stateCode: { in: ["20", "22"] } }, orderBy: { code: "asc" } });
    expect(rows.map((d) => [d.code, d.name, d.kind, d.municipalityCode, d.authorizedStrength])).toEqual([
      ["OAX-OAX", "Policía Municipal de Oaxaca de Juárez", "MUNICIPAL", "067", 400],
      ["QRO-QRO", "Secretaría de Seguridad Ciudadana de Querétaro, municipio", "MUNICIPAL", "014", 850],
      ["QRO-SSC", 'Policía Estatal "Querétaro"', "STATE", null, null],
    ]);
  });
});
