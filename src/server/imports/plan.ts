import { AppError } from "../errors";
import type { Tx } from "../db/client";
import { log } from "../log";
import type { StagedImport } from "./validate";
import { lockBatch, lockPlannedReferences, withoutRowChecks } from "./link-checks";
import type { TargetSpec } from "./types";

/*
 * Turns a validated staging table into changes, all set-based:
 * 1. `import_plan`: each staged row resolved to entity columns, joined to the current record, with
 *    its action (created / updated / unchanged) and the record's before-image;
 * 2. updates guarded by the version read in step 1, inserts guarded by the unique key — if another
 *    writer got in between, the counts differ and the whole import rolls back (optimistic locking);
 * 3. the before/after images of every touched record into `ImportChange`, so a batch can be undone.
 * (Split UPDATE + INSERT rather than INSERT … ON CONFLICT DO UPDATE, so each update can check the
 * version it planned against.)
 */

export type ImportCounts = { created: number; updated: number; unchanged: number };

const quoted = (columns: string[]) => columns.map((c) => `"${c}"`).join(", ");
const unique = (columns: string[]) => [...new Set(columns)];
export const matchOn = (t: TargetSpec, a: string, b: string) => t.key.map((k) => `${a}."${k}" = ${b}."${k}"`).join(" and ");
export const current = (t: TargetSpec) => t.current ?? `"${t.entity}"`;

/**
 * A record's image as stored in ImportChange (also what undo compares against). `derivedAlias`:
 * where the derived columns come from, when not from the record itself.
 */
export function image(t: TargetSpec, alias: string, derivedAlias = alias) {
  const own = unique(["id", ...t.key, ...t.fields, "version"]).map((c) => `'${c}', ${alias}."${c}"`);
  const derived = (t.derived ?? []).map((c) => `'${c}', ${derivedAlias}."${c}"`);
  return `jsonb_build_object(${[...own, ...derived].join(", ")})`;
}

/** jsonb renders dates as YYYY-MM-DD whatever the session's DateStyle. */
const keyText = (t: TargetSpec, alias: string) => `concat_ws('|', ${t.key.map((k) => `to_jsonb(${alias}."${k}") #>> '{}'`).join(", ")})`;

/**
 * The value a record gets for `column`: the file's, or — when the column is fed by an optional CSV
 * column absent from the file — the existing record's (new records keep the file's null/default).
 */
function plannedValue(t: TargetSpec, absentColumns: string[], column: string) {
  const source = t.keptWhenAbsent?.[column];
  return source && absentColumns.includes(source) ? `case when t."id" is null then n."${column}" else t."${column}" end` : `n."${column}"`;
}

/** Classifies every staged row (created / updated / unchanged) into `import_plan`; writes nothing. */
export async function planImport({ spec, tx, absentColumns }: StagedImport): Promise<ImportCounts> {
  const t = spec.target;
  const compared = [...t.fields, ...(t.derived ?? [])];
  const planned = compared.map((c) => plannedValue(t, absentColumns, c));
  const keys = unique(["line", ...t.key]).map((c) => `n."${c}"`);
  const planSql = `create temp table import_plan on commit drop as
     select ${[...keys, ...planned.map((v, i) => `${v} as "${compared[i]}"`)].join(", ")}, t."version" as _version,
       case when t."id" is null then null else ${image(t, "t")} end as _before,
       case when t."id" is null then 'created' when row(${planned.join(", ")}) is distinct from row(${compared.map((c) => `t."${c}"`).join(", ")}) then 'updated' else 'unchanged' end as _action
     from (${t.resolved}) n left join ${current(t)} t on ${matchOn(t, "n", "t")}`;
  await timed("plan", () => tx.$executeRawUnsafe(planSql));
  // Temporary tables get no statistics from autovacuum; the joins below need them at this size.
  await tx.$executeRawUnsafe("analyze import_plan");
  const rows = await tx.$queryRawUnsafe<{ action: keyof ImportCounts; n: number }[]>(
    `select _action as action, count(*)::int as n from import_plan group by _action`,
  );
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const r of rows) counts[r.action] = r.n;
  return counts;
}

/** Runs one step, logging its duration at debug level (large files: where does the time go). */
async function timed<T>(step: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await run();
  log.debug("import step", { step, ms: Date.now() - started });
  return result;
}

const concurrentChange = () =>
  new AppError(
    "CONFLICT",
    "Records in this file were changed by someone else during the import; nothing was written. Run the import again.",
  );

/**
 * A write statement (returning the entity's columns and `_before`) whose rows are kept in
 * `import_written` for `recordChanges`. Returns how many rows it wrote.
 */
async function writeRecords(tx: Tx, t: TargetSpec, step: string, write: string): Promise<number> {
  await tx.$executeRawUnsafe(`create temp table import_written (like "${t.entity}", _before jsonb) on commit drop`);
  return timed(step, () => tx.$executeRawUnsafe(`with written as (${write}) insert into import_written select * from written`));
}

/**
 * The change images of the rows just written, and their dependants (`onInsert`), in one statement
 * over `import_written` (separate, so that its per-row checks can be skipped: link-checks.ts).
 * Derived columns are written afterwards by `afterWrite` exactly as planned, so their after-image
 * is the plan's value.
 */
async function recordChanges(tx: Tx, t: TargetSpec, batchId: number, dependants?: TargetSpec["onInsert"]) {
  const planned = t.derived?.length ? `join import_plan p on ${matchOn(t, "w", "p")}` : "";
  const sql = `with written as (select * from import_written), changes as (
       insert into "ImportChange" ("batchId", "entity", "key", "before", "after")
       select $1, '${t.entity}', ${keyText(t, "w")}, w._before, ${image(t, "w", "p")} from written w ${planned}
     )${dependants ? `, dependants as (${dependants.sql})` : ""} select 1`;
  const tables = ["ImportChange", ...(dependants ? [dependants.table] : [])];
  await timed("changes", () =>
    withoutRowChecks(
      tx,
      tables,
      () => lockBatch(tx, batchId),
      () => tx.$queryRawUnsafe(sql, batchId),
    ),
  );
  await tx.$executeRawUnsafe("drop table import_written");
}

/** A record inserted by someone else since the plan: the unique key refuses ours (all rolls back). */
const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } };
  const cause = e.meta?.driverAdapterError?.cause;
  return e.code === "P2002" || e.meta?.code === "23505" || cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation";
};

/** Writes a planned import (see `planImport`) and records its changes under `batchId`. */
export async function applyImport({ spec, tx }: StagedImport, batchId: number, planned: ImportCounts) {
  const t = spec.target;
  const stamp = t.hasTimestamps ? `, "updatedAt" = now()` : "";
  const update = `update "${t.entity}" t set ${t.fields.map((f) => `"${f}" = p."${f}"`).join(", ")}, "version" = t."version" + 1${stamp}
     from import_plan p where p._action = 'updated' and ${matchOn(t, "p", "t")} and t."version" = p._version returning t.*, p._before`;
  if ((await writeRecords(tx, t, "update", update)) !== planned.updated) throw concurrentChange();
  await recordChanges(tx, t, batchId);

  const columns = quoted(unique([...t.key, ...t.fields]));
  // No ON CONFLICT: a key inserted by another writer since the plan fails the statement (cheaper
  // than speculative insertion for every row, and the outcome is the same: nothing is written).
  const insert = `insert into "${t.entity}" (${columns}${t.hasTimestamps ? `, "updatedAt"` : ""})
     select ${columns}${t.hasTimestamps ? ", now()" : ""} from import_plan where _action = 'created' returning *, null::jsonb`;
  const references = t.insertReferences;
  const writeInserts = () => writeRecords(tx, t, "insert", insert);
  const inserting = references
    ? withoutRowChecks(tx, [t.entity], () => lockPlannedReferences(tx, t.entity, references), writeInserts)
    : writeInserts();
  const inserted = await inserting.catch((err: unknown) => {
    throw isUniqueViolation(err) ? concurrentChange() : err;
  });
  if (inserted !== planned.created) throw concurrentChange();
  await recordChanges(tx, t, batchId, t.onInsert);

  await timed("after write", async () => t.afterWrite?.(tx, batchId));
}
