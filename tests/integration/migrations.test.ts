import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, schemaCreationSql } from "~/server/db/migrate";
import { describeStructure } from "~/server/db/structure";
import { createTestDatabase, dropTestDatabase, useTestDatabase } from "../support/database";

const test = useTestDatabase();

describe("migrations", () => {
  it("bring a fresh database exactly to schema.prisma (no drift)", async () => {
    // Build a second database straight from schema.prisma and compare the two structures.
    const fromSchema = await createTestDatabase();
    try {
      const client = new pg.Client({ connectionString: fromSchema.url });
      await client.connect();
      await client.query("drop schema public cascade; create schema public;");
      await client.query(await schemaCreationSql(fromSchema.url));
      await client.end();
      const expected = await describeStructure(fromSchema.url);
      const actual = await describeStructure(test.current.url);
      expect(expected.length).toBeGreaterThan(100);
      expect(actual).toEqual(expected);
    } finally {
      await dropTestDatabase(fromSchema);
    }
  });

  it("are recorded in Prisma's history table and re-applying does nothing", async () => {
    const rows = await test.current.db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      select migration_name, finished_at from _prisma_migrations order by migration_name`;
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(await applyMigrations(test.current.url)).toEqual([]);
  });

  it("load the INEGI reference data into every new database", async () => {
    const { db } = test.current;
    expect(await db.state.count()).toBe(32);
    expect(await db.municipality.count()).toBe(2475);
    const population = await db.state.aggregate({ _sum: { population2020: true } });
    expect(population._sum.population2020).toBe(126_014_024);
    const michoacan = await db.state.findUniqueOrThrow({ where: { code: "16" } });
    expect(michoacan.name).toBe("Michoacán");
    expect(await db.trainingCourse.findUnique({ where: { code: "FORMACION_INICIAL" } })).not.toBeNull();
  });
});
