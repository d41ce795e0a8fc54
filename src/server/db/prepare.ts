import { type Db, getDb } from "./client";
import { resolveDatabase } from "./connection";
import { applyMigrations } from "./migrate";

/** Locates (or starts) the database, applies pending migrations, and returns the shared client. */
export async function prepareDatabase(): Promise<Db> {
  const { url } = await resolveDatabase();
  await applyMigrations(url);
  return getDb();
}
