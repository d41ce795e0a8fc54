import { describe, expect, it } from "vitest";
import { undoImport } from "~/server/imports/undo";
import { DEPARTMENTS_CSV, OFFICERS_CSV, dataSnapshot, importCsv } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";
import { callerFor } from "../support/trpc-context";
import { createUser } from "../support/workflow-fixtures";

const test = useTestDatabase();

const batchIdOf = (result: { batchId: number | null }) => {
  if (result.batchId === null) throw new Error("the import wrote no batch");
  return result.batchId;
};
const withoutVersions = <T extends { version: number }>(rows: T[]) => rows.map(({ version: _v, ...rest }) => rest);
const comparable = (s: Awaited<ReturnType<typeof dataSnapshot>>) => ({
  departments: withoutVersions(s.departments).map(({ updatedAt: _u, ...d }) => d),
  officers: withoutVersions(s.officers).map(({ updatedAt: _u, ...o }) => o),
  assignments: s.assignments.map(({ id, officerId, departmentId, endedAt }) => ({ id, officerId, departmentId, open: endedAt === null })),
  complaints: withoutVersions(s.complaints).map(({ updatedAt: _u, ...c }) => c),
  complaintOfficers: s.complaintOfficers,
});

describe("undo of an import batch (IA supervisors)", () => {
  it("removes created records, restores updated ones and their assignments; audited", async () => {
    const { db } = test.current;
    const supervisor = await createUser(db, "IA_SUPERVISOR");
    await importCsv(db, "departments", DEPARTMENTS_CSV);
    await importCsv(db, "officers", OFFICERS_CSV);
    const before = await dataSnapshot(db);
    // Moves OF001 to another department, renames OF002, adds OF004.
    const second = await importCsv(
      db,
      "officers",
      OFFICERS_CSV.replace("OF001,MICH-MORELIA", "OF001,MICH-SSP").replace("Luis,Pérez", "Luis Alberto,Pérez") +
        "\nOF004,JAL-GDL,Rosa,Díaz,,2021-05-05,",
    );
    expect([second.created, second.updated, second.unchanged]).toEqual([1, 2, 1]);

    const result = await callerFor(db, supervisor).imports.undo({ id: batchIdOf(second) });
    expect(result).toEqual({ batchId: second.batchId, removed: 1, restored: 2 });
    const after = await dataSnapshot(db);
    expect(comparable(after)).toEqual(comparable(before));
    // Restored records get a new version, so an editor holding the import's version conflicts.
    expect(after.officers.find((o) => o.id === "OF002")!.version).toBe(before.officers.find((o) => o.id === "OF002")!.version + 2);
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: batchIdOf(second) } });
    expect([batch.status, batch.undoneById]).toEqual(["UNDONE", supervisor.userId]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "import.undone", targetId: String(second.batchId) } });
    expect([audit.actorId, audit.metadata]).toEqual([supervisor.userId, { kind: "officers", removed: 1, restored: 2 }]);
    await expect(undoImport(db, { userId: supervisor.userId }, batchIdOf(second))).rejects.toThrow(
      /only a completed import can be undone, and this one is UNDONE/,
    );
  });

  it("is refused, changing nothing, when a record was changed after the import", async () => {
    const { db } = test.current;
    const supervisor = await createUser(db, "IA_SUPERVISOR");
    const renamed = await importCsv(db, "departments", DEPARTMENTS_CSV.replace("Comisaría de Guadalajara", "Comisaría GDL"));
    await db.department.update({ where: { code: "JAL-GDL" }, data: { authorizedStrength: 3100, version: { increment: 1 } } });
    const before = await dataSnapshot(db);
    await expect(undoImport(db, { userId: supervisor.userId }, batchIdOf(renamed))).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Import batch ${renamed.batchId} cannot be undone: 1 record(s) were changed after this import (for example JAL-GDL). Nothing was changed.`,
    });
    expect(await dataSnapshot(db)).toEqual(before);
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: batchIdOf(renamed) } })).status).toBe("COMPLETED");
  });

  it("is refused when later records depend on records it created", async () => {
    const { db } = test.current;
    const supervisor = await createUser(db, "IA_SUPERVISOR");
    const added = await importCsv(
      db,
      "officers",
      "officer_id,department_code,given_name,family_name,hired_on\nOF900,MICH-SSP,Eva,Ruiz,2022-02-02",
    );
    await importCsv(db, "vetting", "officer_id,evaluated_on,result\nOF900,2024-02-29,APPROVED");
    const before = await dataSnapshot(db);
    await expect(undoImport(db, { userId: supervisor.userId }, batchIdOf(added))).rejects.toThrow(
      `Import batch ${added.batchId} cannot be undone: 1 later vetting evaluations refer to records it created; undo or remove those first. Nothing was changed.`,
    );
    expect(await dataSnapshot(db)).toEqual(before);
    const newDepartments = await importCsv(
      db,
      "departments",
      "department_code,name,kind,state_code,municipality_code\nNEW-DEPT,Nueva,STATE,09,",
    );
    await importCsv(db, "officers", "officer_id,department_code,given_name,family_name,hired_on\nOF901,NEW-DEPT,Eva,Ruiz,2022-02-02");
    await expect(undoImport(db, { userId: supervisor.userId }, batchIdOf(newDepartments))).rejects.toThrow(
      /later records .* refer to records it created/,
    );
    expect(await db.department.count({ where: { code: "NEW-DEPT" } })).toBe(1);
  });

  it("complaints: officer links come back with the complaint's previous values", async () => {
    const { db } = test.current;
    const supervisor = await createUser(db, "IA_SUPERVISOR");
    const header = "complaint_ref,department_code,received_on,source,category,status,resolved_on,officer_ids,summary";
    await importCsv(db, "complaints", `${header}\nQ-1,MICH-MORELIA,2025-01-10,CITIZEN,EXTORTION,RECEIVED,,OF001;OF002,"Queja, con coma"`);
    const before = await dataSnapshot(db);
    const changed = await importCsv(
      db,
      "complaints",
      `${header}\nQ-1,MICH-MORELIA,2025-01-10,CITIZEN,EXTORTION,SUSTAINED,2025-03-01,OF003,otra\nQ-2,JAL-GDL,2025-02-02,CNDH,TORTURE,RECEIVED,,OF003,`,
    );
    expect([changed.created, changed.updated]).toEqual([1, 1]);
    await undoImport(db, { userId: supervisor.userId }, batchIdOf(changed));
    expect(comparable(await dataSnapshot(db))).toEqual(comparable(before));
  });
});
