import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { log } from "../log";
import { NO_FILTERS, SCHEMA_PATH, readMigrationsList, withSchemaEngine } from "./schema-engine";

type MigrationList = Awaited<ReturnType<typeof readMigrationsList>>;

/**
 * Every migration folder is recorded as applied, with the checksum Prisma stores (sha256 of
 * migration.sql), and none is half-applied: then the WASM schema engine (≈ 130 MB and a second or
 * two to start) has nothing to do and is not loaded. Anything else goes to the engine.
 */
async function nothingPending(client: pg.Client, list: MigrationList): Promise<boolean> {
  const table = await client.query<{ present: boolean }>("select to_regclass('_prisma_migrations') is not null as present");
  if (!table.rows[0]?.present) return false;
  const { rows } = await client.query<{ name: string; checksum: string; finished: boolean }>(
    "select migration_name as name, checksum, finished_at is not null as finished from _prisma_migrations where rolled_back_at is null",
  );
  if (rows.some((r) => !r.finished)) return false;
  const applied = new Map(rows.map((r) => [r.name, r.checksum]));
  return list.migrationDirectories.every(({ path, migrationFile: file }) => {
    return file.content.tag === "ok" && applied.get(path) === createHash("sha256").update(file.content.value).digest("hex");
  });
}

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
    if (await nothingPending(lock, migrationsList)) return [];
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
