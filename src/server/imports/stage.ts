import type { Tx } from "../db/client";
import type { ImportError, KindSpec, ReferenceCheck, RowValues } from "./types";

/**
 * The staging table: every row of the file, typed, in a temporary table private to the import's
 * transaction (dropped at commit or rollback). Rows go in with one multi-row INSERT per batch
 * (arrays + unnest), never one round trip per row.
 */
export const STAGE_BATCH_ROWS = 5_000;

export async function createStage(tx: Tx, spec: KindSpec) {
  const columns = spec.columns.map((c) => `${c.name} ${c.sqlType}`).join(", ");
  await tx.$executeRawUnsafe(`create temp table import_stage (line integer not null, ${columns}) on commit drop`);
}

export class StageWriter {
  private lines: number[] = [];
  private values: (string | null)[][];

  constructor(
    private readonly tx: Tx,
    private readonly spec: KindSpec,
  ) {
    this.values = spec.columns.map(() => []);
  }

  async add(line: number, row: RowValues) {
    this.lines.push(line);
    this.spec.columns.forEach((c, i) => this.values[i]!.push(row[c.name] ?? null));
    if (this.lines.length >= STAGE_BATCH_ROWS) await this.flush();
  }

  async flush() {
    if (this.lines.length === 0) return;
    const { columns } = this.spec;
    // idList cells travel as "A;B" text and become text[] here (unnest cannot take ragged arrays).
    const arrayType = (t: string) => (t === "text[]" ? "text" : t);
    const params = columns.map((c, i) => `$${i + 2}::${arrayType(c.sqlType)}[]`).join(", ");
    const selected = columns.map((c, i) => (c.sqlType === "text[]" ? `string_to_array(u.c${i}, ';')` : `u.c${i}`)).join(", ");
    const aliases = columns.map((_, i) => `c${i}`).join(", ");
    await this.tx.$executeRawUnsafe(
      `insert into import_stage select u.line, ${selected} from unnest($1::int[], ${params}) as u(line, ${aliases})`,
      this.lines,
      ...this.values,
    );
    this.lines = [];
    this.values = columns.map(() => []);
  }
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
