import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Scope } from "~/server/authz/scope";
import { exportCsv } from "~/server/exports/export-csv";
import { undoImport } from "~/server/imports/undo";
import { DEPARTMENTS_CSV, OFFICERS_CSV, dataSnapshot, errorLines, importCsv } from "../fixtures/imports/support";
import { createUser } from "../support/workflow-fixtures";
import { useTestDatabase } from "../support/database";

/*
 * An optional column absent from the header keeps existing records' values (a re-imported export
 * made for a role without personal-data access must not wipe complaint summaries); a present
 * column with an empty cell clears the value. New records get no value or the spec's default.
 */

const test = useTestDatabase();
const ymd = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

async function importOk(...args: Parameters<typeof importCsv>) {
  const result = await importCsv(...args);
  expect(errorLines(result)).toEqual([]);
  expect(result.status).toBe("COMPLETED");
  return result;
}

const changesOf = (batchId: number | null) =>
  test.current.db.importChange.findMany({ where: { batchId: batchId! }, orderBy: { key: "asc" } });

describe("departments: authorized_strength", () => {
  it("absent keeps the headcount (unchanged, no change image); empty clears it", async () => {
    const { db } = test.current;
    await importOk(db, "departments", DEPARTMENTS_CSV);
    const absent = await importOk(db, "departments", DEPARTMENTS_CSV.replace(/,(?:authorized_strength|1200|3000|)$/gm, ""));
    expect(absent).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await changesOf(absent.batchId)).toEqual([]);
    const strength = async () => (await db.department.findMany({ orderBy: { code: "asc" } })).map((d) => [d.code, d.authorizedStrength]);
    expect(await strength()).toEqual([
      ["JAL-GDL", 3000],
      ["MICH-MORELIA", 1200],
      ["MICH-SSP", null],
    ]);

    const renamed =
      "department_code,name,kind,state_code,municipality_code\nJAL-GDL,Comisaría de Seguridad de Guadalajara,MUNICIPAL,14,039\n";
    const update = await importOk(db, "departments", renamed);
    expect(update).toMatchObject({ updated: 1 });
    const [change] = await changesOf(update.batchId);
    expect(change!.after).toMatchObject({ name: "Comisaría de Seguridad de Guadalajara", authorizedStrength: 3000, version: 2 });

    const cleared = await importOk(db, "departments", DEPARTMENTS_CSV.replace(",1200", ","));
    expect(cleared).toMatchObject({ updated: 2, unchanged: 1 }); // Morelia cleared, Guadalajara renamed back
    expect(await strength()).toEqual([
      ["JAL-GDL", 3000],
      ["MICH-MORELIA", null],
      ["MICH-SSP", null],
    ]);
  });
});

describe("officers: rank and separated_on", () => {
  const withoutOptional = [
    "officer_id,department_code,given_name,family_name,hired_on",
    "OF001,MICH-MORELIA,Ana,López,2019-03-01",
    "OF002,MICH-MORELIA,Luis,Pérez,2024-02-29",
    "OF003,JAL-GDL,María,García,2027-01-01",
    "OF004,JAL-GDL,Pedro,Ruiz,2020-05-05",
  ].join("\n");
  const officer = async (id: string) => {
    const o = await test.current.db.officer.findUniqueOrThrow({ where: { id } });
    return [o.givenName, o.rank, ymd(o.separatedOn), o.version];
  };

  it("absent keeps them (unchanged, no assignment churn); new officers get no value", async () => {
    const { db } = test.current;
    await importOk(db, "officers", OFFICERS_CSV);
    const assignments = await db.officerAssignment.count();
    const result = await importOk(db, "officers", withoutOptional);
    expect(result).toMatchObject({ created: 1, updated: 0, unchanged: 3 });
    expect((await changesOf(result.batchId)).map((c) => c.key)).toEqual(["OF004"]);
    expect(await officer("OF001")).toEqual(["Ana", "Policía", null, 1]);
    expect(await officer("OF002")).toEqual(["Luis", null, "2026-12-31", 1]);
    expect(await officer("OF003")).toEqual(["María", "Suboficial", null, 1]);
    expect(await officer("OF004")).toEqual(["Pedro", null, null, 1]);
    expect(await db.officerAssignment.count()).toBe(assignments + 1);
  });

  it("an update of another field keeps them, in the record, its change images and through undo", async () => {
    const { db } = test.current;
    const result = await importOk(db, "officers", withoutOptional.replace("Luis,Pérez", "Luis Alberto,Pérez"));
    expect(result).toMatchObject({ updated: 1, unchanged: 3 });
    expect(await officer("OF002")).toEqual(["Luis Alberto", null, "2026-12-31", 2]);
    const [change] = await changesOf(result.batchId);
    expect(change!.before).toMatchObject({ givenName: "Luis", separatedOn: "2026-12-31", version: 1 });
    expect(change!.after).toMatchObject({ givenName: "Luis Alberto", separatedOn: "2026-12-31", version: 2 });
    const supervisor = await createUser(db, "IA_SUPERVISOR");
    await undoImport(db, { userId: supervisor.userId }, result.batchId!);
    expect(await officer("OF002")).toEqual(["Luis", null, "2026-12-31", 3]);
  });

  it("present but empty clears them", async () => {
    const { db } = test.current;
    const emptied = OFFICERS_CSV.replace("Policía,2019-03-01", ",2019-03-01").replace("2024-02-29,2026-12-31", "2024-02-29,");
    expect(await importOk(db, "officers", emptied)).toMatchObject({ updated: 2, unchanged: 1 });
    expect(await officer("OF001")).toEqual(["Ana", null, null, 2]);
    expect(await officer("OF002")).toEqual(["Luis", null, null, 4]);
  });
});

describe("vetting: valid_until", () => {
  it("absent keeps an explicit date and defaults only new evaluations; empty means the default", async () => {
    const { db } = test.current;
    await importOk(db, "vetting", "officer_id,evaluated_on,result,valid_until\nOF001,2024-02-29,APPROVED,2025-01-31\n");
    const absent = await importOk(db, "vetting", "officer_id,evaluated_on,result\nOF001,2024-02-29,APPROVED\nOF002,2024-02-29,PENDING\n");
    expect(absent).toMatchObject({ created: 1, updated: 0, unchanged: 1 });
    const validUntil = async () =>
      (await db.vettingEvaluation.findMany({ orderBy: { officerId: "asc" } })).map((v) => [v.officerId, ymd(v.validUntil)]);
    expect(await validUntil()).toEqual([
      ["OF001", "2025-01-31"],
      ["OF002", "2027-02-28"],
    ]);
    const empty = await importOk(db, "vetting", "officer_id,evaluated_on,result,valid_until\nOF001,2024-02-29,APPROVED,\n");
    expect(empty).toMatchObject({ updated: 1 });
    expect(await validUntil()).toEqual([
      ["OF001", "2027-02-28"],
      ["OF002", "2027-02-28"],
    ]);
  });
});

describe("complaints: summary and officer_ids", () => {
  const HEADER = "complaint_ref,department_code,received_on,source,category,status,resolved_on,officer_ids,summary";
  const FULL = `${HEADER}\nQ-1,MICH-MORELIA,2025-05-01,CNDH,TORTURE,SUSTAINED,2025-09-30,OF001;OF002,Golpes y amenazas a Juan (tel. 1234)\nQ-2,JAL-GDL,2025-06-01,CITIZEN,EXTORTION,RECEIVED,,OF003,Cobro de cuota\n`;
  const state = async () =>
    (await test.current.db.complaint.findMany({ orderBy: { ref: "asc" }, include: { officers: { orderBy: { officerId: "asc" } } } })).map(
      (c) => [c.ref, c.status, c.summary, c.officers.map((o) => o.officerId), c.version],
    );

  it("an export for a role without personal-data access, re-imported by an analyst, keeps every summary", async () => {
    const { db } = test.current;
    await importOk(db, "complaints", FULL);
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    const auditor: Scope = { userId: 8, role: "AUDITOR", stateCode: null };
    await exportCsv(db, auditor, "complaints", {}, sink);
    const exported = Buffer.concat(chunks).toString("utf8");
    expect(exported.split("\n")[0]).toBe("complaint_ref,department_code,received_on,source,category,status,resolved_on,officer_ids");
    const before = await dataSnapshot(db);
    const result = await importOk(db, "complaints", exported, { fileName: "complaints-export.csv" });
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await dataSnapshot(db)).toEqual(before);
  });

  it("absent officer_ids keeps the links while other fields change; change images carry the kept values", async () => {
    const { db } = test.current;
    const csv =
      "complaint_ref,department_code,received_on,source,category,status,resolved_on\nQ-2,JAL-GDL,2025-06-01,CITIZEN,EXTORTION,INVESTIGATING,\n";
    const result = await importOk(db, "complaints", csv);
    expect(result).toMatchObject({ updated: 1 });
    expect(await state()).toEqual([
      ["Q-1", "SUSTAINED", "Golpes y amenazas a Juan (tel. 1234)", ["OF001", "OF002"], 1],
      ["Q-2", "INVESTIGATING", "Cobro de cuota", ["OF003"], 2],
    ]);
    const [change] = await changesOf(result.batchId);
    expect(change!.after).toMatchObject({ status: "INVESTIGATING", summary: "Cobro de cuota", officerIds: ["OF003"], version: 2 });
  });

  it("present but empty clears the summary and the links", async () => {
    const { db } = test.current;
    const emptied = FULL.replace("OF001;OF002,Golpes y amenazas a Juan (tel. 1234)", ",").replace(
      "RECEIVED,,OF003,Cobro de cuota",
      "INVESTIGATING,,,",
    );
    expect(await importOk(db, "complaints", emptied)).toMatchObject({ updated: 2 });
    expect(await state()).toEqual([
      ["Q-1", "SUSTAINED", null, [], 2],
      ["Q-2", "INVESTIGATING", null, [], 3],
    ]);
  });
});
