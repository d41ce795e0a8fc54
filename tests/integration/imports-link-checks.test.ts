import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createDb } from "~/server/db/client";
import { applyImport, planImport } from "~/server/imports/plan";
import { validateImport } from "~/server/imports/validate";
import { DEPARTMENTS_CSV, OFFICERS_CSV, importCsv } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();

/** The officers of `prefix`'s file with their open assignments and change images, as stored. */
async function written(prefix: string) {
  const { db } = test.current;
  const officers = await db.officer.findMany({
    where: { id: { startsWith: prefix } },
    orderBy: { id: "asc" },
    include: { assignments: true },
  });
  const changes = await db.importChange.findMany({ where: { key: { startsWith: prefix } }, orderBy: { key: "asc" } });
  return {
    officers: officers.map((o) => [o.id, o.departmentId, o.assignments.map((a) => [a.departmentId, a.endedAt])]),
    images: changes.map((c) => [c.key, c.after]),
  };
}

/** Foreign-key checks the import may skip (link-checks.ts): the result is the same either way. */
describe("change images and first assignments written without redundant checks", () => {
  it("leaves the session's triggers on afterwards", async () => {
    const { db } = test.current;
    await importCsv(db, "departments", DEPARTMENTS_CSV);
    const role = await db.$transaction(async (tx) => {
      const { staged } = await validateImport(db, tx, "officers", Readable.from([Buffer.from(OFFICERS_CSV.replaceAll("OF00", "RR00"))]));
      const counts = await planImport(staged);
      const batch = await tx.importBatch.create({
        data: { kind: "officers", fileName: "x.csv", fileSha256: "0".repeat(64), fileSize: 1, status: "WRITING" },
      });
      await applyImport(staged, batch.id, counts);
      const [row] = await tx.$queryRaw<{ role: string }[]>`select current_setting('session_replication_role') as role`;
      return row!.role;
    });
    expect(role).toBe("origin");
    expect((await written("RR00")).officers).toHaveLength(3);
  });

  it("keeps every trigger firing: with an ordinary trigger on the assignments, the checks run", async () => {
    const { db } = test.current;
    await importCsv(db, "departments", DEPARTMENTS_CSV);
    await db.$executeRawUnsafe(`create table assignment_seen (n bigint not null)`);
    await db.$executeRawUnsafe(
      `create function assignment_seen() returns trigger language plpgsql as $$ begin insert into assignment_seen select count(*) from new_rows; return null; end $$`,
    );
    await db.$executeRawUnsafe(
      `create trigger assignment_seen after insert on "OfficerAssignment" referencing new table as new_rows for each statement execute function assignment_seen()`,
    );
    try {
      expect((await importCsv(db, "officers", OFFICERS_CSV.replaceAll("OF00", "TR00"))).created).toBe(3);
      expect(await db.$queryRaw<{ n: bigint }[]>`select sum(n)::bigint as n from assignment_seen`).toEqual([{ n: 3n }]);
    } finally {
      await db.$executeRawUnsafe(`drop trigger assignment_seen on "OfficerAssignment"`);
    }
  });

  it("keeps every trigger firing: with an ordinary insert trigger on the officers, their checks run", async () => {
    const { db } = test.current;
    await importCsv(db, "departments", DEPARTMENTS_CSV);
    await db.$executeRawUnsafe(`create table officer_seen (n bigint not null)`);
    await db.$executeRawUnsafe(
      `create function officer_seen() returns trigger language plpgsql as $$ begin insert into officer_seen select count(*) from new_rows; return null; end $$`,
    );
    await db.$executeRawUnsafe(
      `create trigger officer_seen after insert on "Officer" referencing new table as new_rows for each statement execute function officer_seen()`,
    );
    try {
      expect((await importCsv(db, "officers", OFFICERS_CSV.replaceAll("OF00", "OT00"))).created).toBe(3);
      expect(await db.$queryRaw<{ n: bigint }[]>`select sum(n)::bigint as n from officer_seen`).toEqual([{ n: 3n }]);
    } finally {
      await db.$executeRawUnsafe(`drop trigger officer_seen on "Officer"`);
    }
  });

  it("holds the new officers' departments until commit, as the per-row checks would", async () => {
    const { db, url } = test.current;
    await importCsv(db, "departments", DEPARTMENTS_CSV.replaceAll("JAL-GDL", "JAL-ZAP"));
    const other = createDb(url, { max: 1 });
    try {
      const attempt = db.$transaction(
        async (tx) => {
          const file = OFFICERS_CSV.replaceAll("OF00", "LK00").replaceAll("JAL-GDL", "JAL-ZAP");
          const { staged } = await validateImport(db, tx, "officers", Readable.from([Buffer.from(file)]));
          const counts = await planImport(staged);
          const batch = await tx.importBatch.create({
            data: { kind: "officers", fileName: "x.csv", fileSha256: "0".repeat(64), fileSize: 1, status: "WRITING" },
          });
          await applyImport(staged, batch.id, counts);
          // Another session may not delete (or re-key) a department the uncommitted officers refer to.
          const removal = other.$transaction(async (otx) => {
            await otx.$executeRawUnsafe("set local lock_timeout = '300ms'");
            await otx.$executeRawUnsafe(`update "Department" set id = id + 100000 where code = 'JAL-ZAP'`);
          });
          await expect(removal).rejects.toThrow(/lock timeout/);
        },
        { timeout: 60_000 },
      );
      await attempt;
      expect(await db.officer.count({ where: { id: { startsWith: "LK00" }, department: { code: "JAL-ZAP" } } })).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });

  it("writes the same records, assignments and images for a role that may not skip them", async () => {
    const { db, url } = test.current;
    await importCsv(db, "departments", DEPARTMENTS_CSV);
    await importCsv(db, "officers", OFFICERS_CSV.replaceAll("OF00", "SU00"));
    // Roles belong to the whole (shared) test server: a name of its own, dropped at the end.
    const name = `vigila_importer_${process.pid}_${Date.now()}`;
    await db.$executeRawUnsafe(`create role ${name} login password 'importer-password'`);
    await db.$executeRawUnsafe(`grant all on all tables in schema public to ${name}`);
    await db.$executeRawUnsafe(`grant all on all sequences in schema public to ${name}`);
    const plain = createDb(url.replace(/\/\/[^@]+@/, `//${name}:importer-password@`), { max: 2 });
    try {
      expect((await importCsv(plain, "officers", OFFICERS_CSV.replaceAll("OF00", "PL00"))).created).toBe(3);
    } finally {
      await plain.$disconnect();
      await db.$executeRawUnsafe(`drop owned by ${name}`);
      await db.$executeRawUnsafe(`drop role ${name}`);
    }
    const [superuser, role] = [await written("SU00"), await written("PL00")];
    const renamed = (w: typeof superuser) => JSON.parse(JSON.stringify(w).replaceAll("SU00", "PL00"));
    expect(role).toEqual(renamed(superuser));
    expect(role.officers).toHaveLength(3);
  });
});
