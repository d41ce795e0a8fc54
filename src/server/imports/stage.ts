import { type Db, type Tx, connectionOf } from "../db/client";
import { type CopyIn, copyIn } from "./copy-in";
import type { ImportError, KindSpec, ReferenceCheck, RowValues } from "./types";

/**
 * The staging table: every row of the file, typed, in a temporary table private to the import's
 * transaction (dropped at commit or rollback; never WAL-logged). Rows stream in through one
 * `COPY … FROM STDIN` on the transaction's own connection, never one round trip per row.
 */
export async function createStage(tx: Tx, spec: KindSpec) {
  const columns = spec.columns.map((c) => `${c.name} ${c.sqlType}`).join(", ");
  await tx.$executeRawUnsafe(`create temp table import_stage (line integer not null, ${columns}) on commit drop`);
}

/** An idList cell ("A;B", ids already checked) as an array literal; quoted, so any character is safe. */
const arrayLiteral = (list: string) =>
  `{${list
    .split(";")
    .map((id) => `"${id.replace(/["\\]/g, "\\$&")}"`)
    .join(",")}}`;

export class StageWriter {
  private readonly arrays: boolean[];

  private constructor(
    private readonly copy: CopyIn,
    private readonly spec: KindSpec,
  ) {
    this.arrays = spec.columns.map((c) => c.sqlType === "text[]");
  }

  static async open(db: Db, tx: Tx, spec: KindSpec) {
    const client = await connectionOf(db, tx);
    const columns = ["line", ...spec.columns.map((c) => c.name)].join(", ");
    return new StageWriter(await copyIn(client, `copy import_stage (${columns}) from stdin`), spec);
  }

  /** Resolves when it is fine to go on (the connection is not backed up); usually synchronous. */
  add(line: number, row: RowValues): Promise<void> | undefined {
    const fields: (string | null)[] = [String(line)];
    this.spec.columns.forEach((c, i) => {
      const value = row[c.name] ?? null;
      fields.push(value !== null && this.arrays[i] ? arrayLiteral(value) : value);
    });
    return this.copy.row(fields);
  }

  finish = () => this.copy.end();
  abort = () => this.copy.abort("import stopped");
}

/** A natural key seen twice in one file is an error on the later line (hash aggregate, no sort of the file). */
function duplicateKeyCheck(spec: KindSpec): ReferenceCheck {
  const key = spec.key.join(", ");
  return {
    column: spec.key[0]!,
    sql: `select s.line, format('duplicate of line %s (same ${key})', d.first_line) as message from import_stage s
          join (select ${key}, min(line) as first_line from import_stage group by ${key} having count(*) > 1) d
            on ${spec.key.map((k) => `d.${k} = s.${k}`).join(" and ")}
          where s.line > d.first_line`,
  };
}

/**
 * Runs the set-based checks (duplicates within the file, references to the database) and returns
 * the first `cap` failures in line order plus the exact total.
 */
export async function checkStage(tx: Tx, spec: KindSpec, cap: number): Promise<{ errors: ImportError[]; total: number }> {
  // Temporary tables get no statistics from autovacuum; the checks' joins need them at this size.
  await tx.$executeRawUnsafe("analyze import_stage");
  const checks = [duplicateKeyCheck(spec), ...spec.references];
  const position = (column: string) => spec.columns.findIndex((c) => c.name === column);
  const union = checks
    .map((c) => `select line, message, '${c.column}'::text as col, ${position(c.column)} as pos from (${c.sql}) as q`)
    .join(" union all ");
  const rows = await tx.$queryRawUnsafe<{ line: number; message: string; col: string; total: bigint }[]>(
    `select line, message, col, count(*) over () as total from (${union}) e order by line, pos limit $1`,
    cap,
  );
  return {
    errors: rows.map((r) => ({ line: r.line, column: r.col, message: r.message })),
    total: rows.length === 0 ? 0 : Number(rows[0]!.total),
  };
}
