import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createDb } from "~/server/db/client";
import { applyImport, planImport } from "~/server/imports/plan";
import { validateImport } from "~/server/imports/validate";
import { DEPARTMENTS_CSV, OFFICERS_CSV, dataSnapshot, importCsv } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

describe("an import racing another writer", () => {
  it("rolls back entirely when a planned record's version changed before the write", async () => {
    const { db, url } = test.current;
    await importCsv(db, "departments", DEPARTMENTS_CSV);
    await importCsv(db, "officers", OFFICERS_CSV);
    const other = createDb(url, { max: 1 });
    try {
      const before = await dataSnapshot(db);
      const renamed = OFFICERS_CSV.replace("Ana,López", "Ana María,López");
      const attempt = db.$transaction(
        async (tx) => {
          const { report, staged } = await validateImport(db, tx, "officers", Readable.from([Buffer.from(renamed)]));
          expect(report.errorCount).toBe(0);
          const counts = await planImport(staged);
          expect(counts).toEqual({ created: 0, updated: 1, unchanged: 2 });
          // Someone edits the same officer (through the version column) between plan and write.
          await other.officer.update({ where: { id: "OF001", version: 1 }, data: { rank: "Comandante", version: { increment: 1 } } });
          const batch = await tx.importBatch.create({
            data: { kind: "officers", fileName: "x.csv", fileSha256: "0".repeat(64), fileSize: 1, status: "WRITING" },
          });
          await applyImport(staged, batch.id, counts);
        },
        { timeout: 60_000 },
      );
      await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
      const after = await dataSnapshot(db);
      const ana = after.officers.find((o) => o.id === "OF001")!;
      expect([ana.givenName, ana.rank, ana.version]).toEqual(["Ana", "Comandante", 2]);
      expect(after.officers.filter((o) => o.id !== "OF001")).toEqual(before.officers.filter((o) => o.id !== "OF001"));
      expect(await db.importBatch.count({ where: { status: "WRITING" } })).toBe(0);
    } finally {
      await other.$disconnect();
    }
  });

  it("rolls back entirely when another writer created a planned new record before the write", async () => {
    const { db, url } = test.current;
    await importCsv(db, "departments", DEPARTMENTS_CSV);
    // Officers no earlier test created (the database is shared by this file's tests).
    const file = OFFICERS_CSV.replaceAll("OF00", "NW00");
    const assignments = await db.officerAssignment.count();
    const changes = await db.importChange.count();
    const other = createDb(url, { max: 1 });
    try {
      const attempt = db.$transaction(
        async (tx) => {
          const { staged } = await validateImport(db, tx, "officers", Readable.from([Buffer.from(file)]));
          const counts = await planImport(staged);
          expect(counts).toEqual({ created: 3, updated: 0, unchanged: 0 });
          const department = await other.department.findUniqueOrThrow({ where: { code: "JAL-GDL" } });
          await other.officer.create({
            data: {
              id: "NW003",
              departmentId: department.id,
              givenName: "Otra",
              familyName: "Persona",
              hiredOn: new Date("2020-01-01T00:00:00Z"),
            },
          });
          const batch = await tx.importBatch.create({
            data: { kind: "officers", fileName: "x.csv", fileSha256: "0".repeat(64), fileSize: 1, status: "WRITING" },
          });
          await applyImport(staged, batch.id, counts);
        },
        { timeout: 60_000 },
      );
      await expect(attempt).rejects.toMatchObject({ code: "CONFLICT" });
      const officers = await db.officer.findMany({ where: { id: { startsWith: "NW" } }, select: { id: true, givenName: true } });
      expect(officers).toEqual([{ id: "NW003", givenName: "Otra" }]);
      expect([await db.officerAssignment.count(), await db.importChange.count()]).toEqual([assignments, changes]);
    } finally {
      await other.$disconnect();
    }
  });
});
