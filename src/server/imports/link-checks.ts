import type { Tx } from "../db/client";

/*
 * The rows an import writes beside its records — change images (→ their batch) and a new officer's
 * first assignment (→ that officer, and the department the officer's own insert just checked and
 * locked) — refer only to rows this transaction wrote or holds locked, so they cannot break a foreign
 * key. PostgreSQL still checks each one with a per-row query: for a million new officers that is three
 * million checks, about a third of the import's database time. A superuser session skips them, for
 * that one statement only, with `session_replication_role = replica`, which also skips ordinary
 * triggers: so only while the tables have none. Otherwise (or for any other role) the checks run.
 */

/** Runs `write` (inserts into `tables` only) without foreign-key checks when that is safe and allowed. */
export async function withoutRedundantChecks<T>(tx: Tx, batchId: number, tables: string[], write: () => Promise<T>): Promise<T> {
  const [row] = await tx.$queryRawUnsafe<{ allowed: boolean }[]>(
    `select coalesce((select rolsuper from pg_roles where rolname = current_user), false)
       and not exists (select 1 from pg_trigger where tgrelid = any($1::text[]::regclass[]) and not tgisinternal and tgenabled = 'O') as allowed`,
    tables.map((t) => `"${t}"`),
  );
  if (!row?.allowed) return write();
  // The batch row is the one referenced row the statement does not write: hold it as the check would.
  const batch = await tx.$queryRaw<{ id: number }[]>`select id from "ImportBatch" where id = ${batchId} for key share`;
  if (batch.length !== 1) return write();
  await tx.$executeRawUnsafe("set local session_replication_role = replica");
  const result = await write();
  await tx.$executeRawUnsafe("set local session_replication_role = origin");
  return result;
}
