import type { Tx } from "../db/client";

/*
 * Foreign-key checks PostgreSQL runs row by row, replaced where the import can do them set-based:
 * - the change images (→ their batch) and each new officer's first assignment (→ that officer and its
 *   department) refer only to rows the transaction just wrote or holds locked;
 * - new records (e.g. officers → department) refer to rows one set-based query checks and locks
 *   `FOR KEY SHARE`, exactly what each per-row check would lock.
 * For a million new officers that is four million per-row queries, about half of the database's work.
 * A superuser session skips them for one statement with `session_replication_role = replica`, which
 * also skips ordinary triggers: so only while no ordinary INSERT trigger is on the tables (triggers
 * that must fire anyway are `ENABLE ALWAYS`; see the migration import_triggers_fire_always).
 * Otherwise, or for any other role, the statement runs with its checks as usual.
 */

const INSERT_TRIGGER = 4; // pg_trigger.tgtype bit TRIGGER_TYPE_INSERT

/**
 * Runs `write` (inserting into `tables`) without per-row foreign-key checks when that is allowed
 * and `lockReferences` — which must lock every row those checks would have locked — finds them all.
 */
export async function withoutRowChecks<T>(
  tx: Tx,
  tables: string[],
  lockReferences: () => Promise<boolean>,
  write: () => Promise<T>,
): Promise<T> {
  const [row] = await tx.$queryRawUnsafe<{ allowed: boolean }[]>(
    `select coalesce((select rolsuper from pg_roles where rolname = current_user), false)
       and not exists (select 1 from pg_trigger where tgrelid = any($1::text[]::regclass[]) and not tgisinternal
                         and tgenabled = 'O' and tgtype & ${INSERT_TRIGGER} <> 0) as allowed`,
    tables.map((t) => `"${t}"`),
  );
  if (!row?.allowed || !(await lockReferences())) return write();
  await tx.$executeRawUnsafe("set local session_replication_role = replica");
  const result = await write();
  await tx.$executeRawUnsafe("set local session_replication_role = origin");
  return result;
}

/** The batch row, held as the change images' checks would hold it. */
export async function lockBatch(tx: Tx, batchId: number): Promise<boolean> {
  const batch = await tx.$queryRaw<{ id: number }[]>`select id from "ImportBatch" where id = ${batchId} for key share`;
  return batch.length === 1;
}

/**
 * The rows the planned new records refer to, each locked `FOR KEY SHARE`; false when one is missing
 * or `references` does not name every foreign key of `entity`, each to an `id` (then the per-row
 * checks must run).
 */
export async function lockPlannedReferences(tx: Tx, entity: string, references: { column: string; table: string }[]): Promise<boolean> {
  const declared = await tx.$queryRawUnsafe<{ column: string; table: string }[]>(
    `select a.attname as column, c.confrelid::regclass::text as table from pg_constraint c
     join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     join pg_attribute r on r.attrelid = c.confrelid and r.attnum = c.confkey[1]
     where c.conrelid = $1::regclass and c.contype = 'f' and cardinality(c.conkey) = 1 and r.attname = 'id'`,
    `"${entity}"`,
  );
  const [all] = await tx.$queryRawUnsafe<{ n: number }[]>(
    `select count(*)::int as n from pg_constraint where conrelid = $1::regclass and contype = 'f'`,
    `"${entity}"`,
  );
  const named = (r: { column: string; table: string }) => `${r.column}→${r.table.replaceAll('"', "")}`;
  if (all?.n !== references.length || declared.map(named).sort().join() !== references.map(named).sort().join()) return false;
  for (const { column, table } of references) {
    const planned = `select distinct "${column}" from import_plan where _action = 'created' and "${column}" is not null`;
    const [wanted] = await tx.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from (${planned}) x`);
    const locked = await tx.$queryRawUnsafe<unknown[]>(`select 1 from "${table}" r where r.id in (${planned}) for key share of r`);
    if (locked.length !== wanted?.n) return false;
  }
  return true;
}
