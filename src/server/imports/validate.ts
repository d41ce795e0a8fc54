import type { Readable } from "node:stream";
import type { Db, Tx } from "../db/client";
import { parseCell } from "./cells";
import { reverseNeutralised } from "./csv-safety";
import { KIND_SPECS } from "./kinds";
import { type CsvLimits, DEFAULT_LIMITS, type FileStats, readCsvRecords } from "./read-csv";
import { DEFAULT_MAX_ERRORS, ErrorCollector, ImportFileError, mergeErrors } from "./report";
import { StageWriter, checkStage, createStage } from "./stage";
import type { ImportError, ImportKind, KindSpec, RowValues } from "./types";

export type ImportProgress = { phase: "reading" | "checking" | "writing"; rowsRead: number };

export type ValidateOptions = {
  limits?: Partial<CsvLimits>;
  maxErrors?: number;
  onProgress?: (progress: ImportProgress) => void;
};

export type ImportReport = {
  kind: ImportKind;
  rowsTotal: number;
  fileSize: number;
  /** Empty when the file was rejected before it was read to the end. */
  fileSha256: string;
  /** Exact number of errors; `errors` holds the first `maxErrors` of them in line order. */
  errorCount: number;
  errors: ImportError[];
};

/**
 * Valid only inside the transaction that staged it (the staging table is temporary).
 * `absentColumns`: optional columns the file's header lacks (see TargetSpec.keptWhenAbsent).
 */
export type StagedImport = { spec: KindSpec; tx: Tx; absentColumns: string[] };

const PROGRESS_EVERY_ROWS = 10_000;

/** Trims, reverses export neutralisation (text columns only), parses, then applies the row rules. */
function parseRow(spec: KindSpec, line: number, cells: string[], errors: ErrorCollector): RowValues {
  const row: RowValues = {};
  let valid = true;
  const fail = (column: string, message: string) => {
    valid = false;
    errors.add({ line, column, message });
  };
  spec.columns.forEach((column, i) => {
    const trimmed = cells[i]!.trim();
    const raw = column.type.kind === "text" || column.type.kind === "pattern" ? reverseNeutralised(trimmed) : trimmed;
    row[column.name] = null;
    if (raw === "") {
      if (column.required) fail(column.name, "is required");
      return;
    }
    const parsed = parseCell(column.type, raw);
    if (parsed.ok) row[column.name] = parsed.value;
    else fail(column.name, parsed.reason);
  });
  // Rules across cells only make sense once each cell is valid on its own.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- fail() clears it from the callbacks above
  if (valid) spec.rowRules?.(row, fail);
  return row;
}

/**
 * Reads the whole file into the transaction's staging table and reports every problem: cell and
 * row rules while streaming, then duplicate keys and unresolved references with set-based SQL.
 */
export async function validateImport(
  db: Db,
  tx: Tx,
  kind: ImportKind,
  input: Readable,
  options: ValidateOptions = {},
): Promise<{ report: ImportReport; staged: StagedImport }> {
  const spec = KIND_SPECS[kind];
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const cap = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const stats: FileStats = { bytes: 0, sha256: "", rows: 0 };
  const report = (errorCount: number, errors: ImportError[]): ImportReport => ({
    kind,
    rowsTotal: stats.rows,
    fileSize: stats.bytes,
    fileSha256: stats.sha256,
    errorCount,
    errors,
  });
  await createStage(tx, spec);
  const writer = await StageWriter.open(db, tx, spec);
  const rowErrors = new ErrorCollector(cap);
  let fileError: ImportFileError | null = null;
  try {
    let reported = 0;
    for await (const records of readCsvRecords(input, spec.columns, limits, stats)) {
      for (const record of records) {
        if (record.cells === null) rowErrors.add({ line: record.line, column: null, message: record.problem });
        else await writer.add(record.line, parseRow(spec, record.line, record.cells, rowErrors));
      }
      if (stats.rows - reported >= PROGRESS_EVERY_ROWS) {
        reported = stats.rows;
        options.onProgress?.({ phase: "reading", rowsRead: stats.rows });
      }
    }
  } catch (err) {
    // The COPY must end either way: the transaction's next statement waits behind it.
    if (!(err instanceof ImportFileError)) {
      await writer.abort();
      throw err;
    }
    fileError = err;
  }
  // A rejected file's rows stay staged (harmless, dropped with the transaction), which keeps the
  // transaction usable for recording the rejection.
  await writer.finish();
  if (fileError) return { report: report(fileError.errors.length, fileError.errors), staged: { spec, tx, absentColumns: [] } };
  options.onProgress?.({ phase: "checking", rowsRead: stats.rows });
  const stageErrors = await checkStage(tx, spec, cap);
  const columnOrder = spec.columns.map((c) => c.name);
  const errors = mergeErrors(rowErrors.kept, stageErrors.errors, columnOrder, cap);
  const staged = { spec, tx, absentColumns: stats.absentColumns ?? [] };
  return { report: report(rowErrors.total + stageErrors.total, errors), staged };
}
