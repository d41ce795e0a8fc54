import { describe, expect, it } from "vitest";
import { DEPARTMENTS_CSV, OFFICERS_CSV, dataSnapshot, errorLines, importCsv } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();
const ymd = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

async function importOk(...args: Parameters<typeof importCsv>) {
  const result = await importCsv(...args);
  expect(errorLines(result)).toEqual([]);
  expect(result.status).toBe("COMPLETED");
  return result;
}

describe("valid files of every kind", () => {
  it("officers: created with exact dates, an open assignment each, change images and one audit event", async () => {
    const { db } = test.current;
    await importOk(db, "departments", DEPARTMENTS_CSV);
    const result = await importOk(db, "officers", OFFICERS_CSV);
    expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0, rowsTotal: 3 });
    const luis = await db.officer.findUniqueOrThrow({ where: { id: "OF002" } });
    expect([ymd(luis.hiredOn), ymd(luis.separatedOn), luis.rank]).toEqual(["2024-02-29", "2026-12-31", null]);
    expect(ymd((await db.officer.findUniqueOrThrow({ where: { id: "OF003" } })).hiredOn)).toBe("2027-01-01");
    const assignments = await db.officerAssignment.findMany({ orderBy: { officerId: "asc" }, include: { department: true } });
    expect(assignments.map((a) => [a.officerId, a.department.code, a.endedAt, a.importBatchId])).toEqual([
      ["OF001", "MICH-MORELIA", null, result.batchId],
      ["OF002", "MICH-MORELIA", null, result.batchId],
      ["OF003", "JAL-GDL", null, result.batchId],
    ]);
    const change = await db.importChange.findFirstOrThrow({ where: { batchId: result.batchId!, key: "OF002" } });
    expect(change).toMatchObject({ entity: "Officer", before: null });
    expect(change.after).toMatchObject({ id: "OF002", givenName: "Luis", hiredOn: "2024-02-29", separatedOn: "2026-12-31", version: 1 });
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId! } });
    expect(batch).toMatchObject({
      status: "COMPLETED",
      kind: "officers",
      fileName: "officers.csv",
      rowsTotal: 3,
      rowsDone: 3,
      created: 3,
      errorCount: 0,
    });
    expect(batch.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const audits = await db.auditEvent.findMany({ where: { targetType: "ImportBatch", targetId: String(result.batchId) } });
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([["import.completed", null]]);
    expect(audits[0]!.metadata).toMatchObject({ kind: "officers", created: 3, updated: 0, unchanged: 0 });
  });

  it("officers: a transfer closes the old assignment and opens a new one; other edits do not", async () => {
    const { db } = test.current;
    const moved = OFFICERS_CSV.replace("OF001,MICH-MORELIA,Ana,López,Policía", "OF001,MICH-SSP,Ana,López,Policía Segundo").replace(
      "OF003,JAL-GDL,María,García,Suboficial",
      "OF003,JAL-GDL,María,García,Oficial",
    );
    const result = await importOk(db, "officers", moved);
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    const ana = await db.officerAssignment.findMany({
      where: { officerId: "OF001" },
      orderBy: { id: "asc" },
      include: { department: true },
    });
    expect(ana.map((a) => [a.department.code, a.endedAt === null])).toEqual([
      ["MICH-MORELIA", false],
      ["MICH-SSP", true],
    ]);
    expect(await db.officerAssignment.count({ where: { officerId: "OF003" } })).toBe(1);
    const officer = await db.officer.findUniqueOrThrow({ where: { id: "OF001" } });
    expect([officer.rank, officer.version]).toEqual(["Policía Segundo", 2]);
    const change = await db.importChange.findFirstOrThrow({ where: { batchId: result.batchId!, key: "OF001" } });
    expect(change.before).toMatchObject({ rank: "Policía", version: 1 });
    expect(change.after).toMatchObject({ rank: "Policía Segundo", version: 2 });
    expect(await db.importChange.count({ where: { batchId: result.batchId! } })).toBe(2);
  });

  it("training: exact decimal hours; 8.5 and 8.50 are the same value", async () => {
    const { db } = test.current;
    const csv =
      "officer_id,course_code,completed_on,hours\nOF001,FORMACION_INICIAL,2024-02-29,960.5\nOF002,FORMACION_INICIAL,2027-01-01,0.01\n";
    expect(await importOk(db, "training", csv)).toMatchObject({ created: 2 });
    const record = await db.trainingRecord.findFirstOrThrow({ where: { officerId: "OF001" } });
    expect([record.hours.toString(), ymd(record.completedOn)]).toEqual(["960.5", "2024-02-29"]);
    const again = await importOk(db, "training", csv.replace("960.5", "960.50"));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it("vetting: valid_until defaults to evaluated_on + 3 calendar years (29 Feb → 28 Feb)", async () => {
    const { db } = test.current;
    const csv = "officer_id,evaluated_on,result\nOF001,2024-02-29,APPROVED\nOF002,2026-12-31,NOT_APPROVED\nOF003,2027-01-01,PENDING\n";
    expect(await importOk(db, "vetting", csv)).toMatchObject({ created: 3 });
    const rows = await db.vettingEvaluation.findMany({ orderBy: { officerId: "asc" } });
    expect(rows.map((r) => [r.officerId, ymd(r.evaluatedOn), r.result, ymd(r.validUntil)])).toEqual([
      ["OF001", "2024-02-29", "APPROVED", "2027-02-28"],
      ["OF002", "2026-12-31", "NOT_APPROVED", "2029-12-31"],
      ["OF003", "2027-01-01", "PENDING", "2030-01-01"],
    ]);
    const explicit = "officer_id,evaluated_on,result,valid_until\nOF001,2024-02-29,APPROVED,2024-02-29\n";
    expect(await importOk(db, "vetting", explicit)).toMatchObject({ updated: 1 });
    expect(ymd((await db.vettingEvaluation.findFirstOrThrow({ where: { officerId: "OF001" } })).validUntil)).toBe("2024-02-29");
  });

  it("complaints: officer_ids replaces the links; quoted summaries keep commas, quotes and newlines", async () => {
    const { db } = test.current;
    const header = "summary,officer_ids,complaint_ref,department_code,received_on,source,category,status,resolved_on";
    const first = `${header}\n"Golpes, ""amenazas""\ny detención",OF001;OF002,Q-1,MICH-MORELIA,2025-05-01,CNDH,TORTURE,SUSTAINED,2025-09-30\n,,Q-2,JAL-GDL,2025-06-01,CITIZEN,EXTORTION,RECEIVED,\n`;
    expect(await importOk(db, "complaints", first)).toMatchObject({ created: 2 });
    const q1 = await db.complaint.findUniqueOrThrow({ where: { ref: "Q-1" }, include: { officers: true } });
    expect(q1.summary).toBe('Golpes, "amenazas"\ny detención');
    expect([ymd(q1.receivedOn), ymd(q1.resolvedOn)]).toEqual(["2025-05-01", "2025-09-30"]);
    expect(q1.officers.map((o) => o.officerId).sort()).toEqual(["OF001", "OF002"]);

    const relinked = first.replace("OF001;OF002,Q-1", "OF003;OF002,Q-1");
    const result = await importOk(db, "complaints", relinked);
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const links = await db.complaintOfficer.findMany({ where: { complaint: { ref: "Q-1" } }, orderBy: { officerId: "asc" } });
    expect(links.map((l) => l.officerId)).toEqual(["OF002", "OF003"]);
    const change = await db.importChange.findFirstOrThrow({ where: { batchId: result.batchId!, key: "Q-1" } });
    expect([(change.before as { officerIds: string[] }).officerIds, (change.after as { officerIds: string[] }).officerIds]).toEqual([
      ["OF001", "OF002"],
      ["OF002", "OF003"],
    ]);
  });

  it("re-importing every file leaves the database exactly as it was", async () => {
    const { db } = test.current;
    const before = await dataSnapshot(db);
    for (const [kind, csv] of [
      ["departments", DEPARTMENTS_CSV],
      ["officers", OFFICERS_CSV],
    ] as const) {
      // OFFICERS_CSV differs from the last officers import (the transfer test), so import it twice.
      await importOk(db, kind, csv);
      const before2 = await dataSnapshot(db);
      expect(await importOk(db, kind, csv)).toMatchObject({ created: 0, updated: 0 });
      expect(await dataSnapshot(db)).toEqual(before2);
    }
    expect((await dataSnapshot(db)).complaints).toEqual(before.complaints);
  });
});
