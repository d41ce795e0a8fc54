import { readFile } from "node:fs/promises";
import pg from "pg";
import { log } from "../log";
import { NO_FILTERS, SCHEMA_PATH, readMigrationsList, withSchemaEngine } from "./schema-engine";

// Any fixed number works; it only has to be the same in every process migrating this database.
const MIGRATION_LOCK_KEY = 7_411_002;

/**
 * Applies pending migrations from `prisma/migrations` (Prisma's folder format and history table).
 * Processes starting together serialise on an advisory lock, so only one of them migrates.
 */
export async function applyMigrations(url: string): Promise<string[]> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const schemaText = await readFile(SCHEMA_PATH, "utf8");
    const migrationsList = await readMigrationsList();
    const applied = await withSchemaEngine(url, schemaText, async (engine) => {
      const output = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      return output.appliedMigrationNames;
    });
    if (applied.length > 0) log.info(`Applied ${applied.length} migration(s)`, { applied });
    return applied;
  } finally {
    await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/** The SQL that creates `schema.prisma` from nothing (what the migrations must add up to). */
export async function schemaCreationSql(url: string): Promise<string> {
  const schemaText = await readFile(SCHEMA_PATH, "utf8");
  return withSchemaEngine(url, schemaText, async (engine) => {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  });
}
