import { createHash } from "node:crypto";
import { type Readable, Transform, pipeline } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { ImportFileError } from "./report";
import type { ColumnSpec, ImportError } from "./types";

export type CsvLimits = { maxBytes: number; maxRows: number };
/** The exchange format's limits (spec: 50 MB and 1,000,000 rows per file). */
export const DEFAULT_LIMITS: CsvLimits = { maxBytes: 50 * 1024 * 1024, maxRows: 1_000_000 };

/** Filled while reading; `absentColumns` = the kind's optional columns missing from the header. */
export type FileStats = { bytes: number; sha256: string; rows: number; absentColumns?: string[] };
/** `cells` is aligned with the kind's columns ("" for an optional column absent from the header). */
export type CsvRecord = { line: number; cells: string[] } | { line: number; cells: null; problem: string };

const fileError = (message: string, line: number | null = null, column: string | null = null) =>
  new ImportFileError([{ line, column, message }]);

export function describeBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes.toLocaleString("en-US")} bytes`;
}

/** Counts and hashes the raw bytes, enforces the size limit and rejects anything that is not UTF-8. */
function byteGuard(limits: CsvLimits, stats: FileStats) {
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const checkUtf8 = (chunk?: Buffer) => {
    try {
      decoder.decode(chunk, { stream: chunk !== undefined });
    } catch {
      throw fileError(`the file is not valid UTF-8 (error near byte ${stats.bytes.toLocaleString("en-US")}); save it as "CSV UTF-8"`);
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        checkUtf8(chunk);
        stats.bytes += chunk.length;
        if (stats.bytes > limits.maxBytes) throw fileError(`the file is larger than the limit of ${describeBytes(limits.maxBytes)}`);
        hash.update(chunk);
        done(null, chunk);
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      try {
        checkUtf8();
        stats.sha256 = hash.digest("hex");
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
}

const CSV_SYNTAX: Record<string, string> = {
  INVALID_OPENING_QUOTE: "a quote appears inside a cell that does not start with a quote",
  CSV_QUOTE_NOT_CLOSED: "a quoted cell is never closed",
  CSV_INVALID_CLOSING_QUOTE: "a closing quote is followed by something other than a comma or a line end",
};

function asFileError(err: unknown): Error {
  if (err instanceof ImportFileError) return err;
  if (err instanceof CsvError) {
    // Never csv-parse's own message: it quotes cell contents, which may be personal data.
    const reason = CSV_SYNTAX[err.code] ?? `the CSV is malformed (${err.code})`;
    return fileError(reason, typeof err.lines === "number" ? err.lines : null);
  }
  return err as Error;
}

/** Maps header cells onto the kind's columns; every header problem is reported at once. */
function mapHeader(header: string[], columns: ColumnSpec[]): number[] {
  const names = header.map((h) => h.trim());
  const errors: ImportError[] = [];
  const expected = columns.map((c) => c.name).join(", ");
  names.forEach((name, i) => {
    if (!columns.some((c) => c.name === name)) errors.push({ line: 1, column: name, message: `unknown column (expected: ${expected})` });
    else if (names.indexOf(name) !== i) errors.push({ line: 1, column: name, message: "column appears twice in the header" });
  });
  for (const c of columns) {
    if (c.required && !names.includes(c.name)) errors.push({ line: 1, column: c.name, message: "required column is missing" });
  }
  if (errors.length > 0) throw new ImportFileError(errors);
  return columns.map((c) => names.indexOf(c.name));
}

const newlines = (cell: string) => {
  let n = 0;
  for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) n++;
  return n;
};

/**
 * Drains whatever the parser has buffered in one go: per-record async iteration costs more than
 * the parsing itself on million-row files.
 */
async function* bufferedRecords(parser: Readable): AsyncGenerator<string[][]> {
  let ended = false;
  let failure = null as Error | null;
  parser.once("end", () => (ended = true));
  parser.once("error", (err) => (failure = err));
  for (;;) {
    const batch: string[][] = [];
    for (let record = parser.read() as string[] | null; record !== null; record = parser.read() as string[] | null) batch.push(record);
    if (failure) throw failure;
    if (batch.length > 0) yield batch;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the parser's end event
    else if (ended) return;
    else {
      await new Promise<void>((resolve) => {
        const wake = () => {
          parser.off("readable", wake).off("end", wake).off("error", wake);
          resolve();
        };
        parser.on("readable", wake).on("end", wake).on("error", wake);
      });
    }
  }
}

/**
 * Streams a CSV file in batches of records (memory does not grow with the file). `line` is the
 * physical line a record starts on, header = 1; blank lines are skipped but counted. Whole-file
 * problems throw `ImportFileError`.
 */
export async function* readCsvRecords(
  input: Readable,
  columns: ColumnSpec[],
  limits: CsvLimits,
  stats: FileStats,
): AsyncGenerator<CsvRecord[]> {
  const parser = parse({ bom: true, relax_column_count: true, record_delimiter: ["\r\n", "\n"] });
  pipeline(input, byteGuard(limits, stats), parser, () => undefined); // errors surface through the parser
  let positions: number[] | null = null;
  let width = 0;
  let nextLine = 1;
  try {
    for await (const batch of bufferedRecords(parser)) {
      const records: CsvRecord[] = [];
      for (const record of batch) {
        const line = nextLine;
        nextLine += 1 + record.reduce((n, cell) => n + newlines(cell), 0);
        if (record.length === 1 && record[0] === "") continue; // blank line
        if (!positions) {
          positions = mapHeader(record, columns);
          stats.absentColumns = columns.filter((_, i) => positions![i] === -1).map((c) => c.name);
          width = record.length;
          continue;
        }
        stats.rows++;
        if (stats.rows > limits.maxRows) {
          throw fileError(`the file has more than ${limits.maxRows.toLocaleString("en-US")} data rows (the limit per file)`, line);
        }
        if (record.length !== width)
          records.push({ line, cells: null, problem: `the row has ${record.length} cells but the header has ${width}` });
        else records.push({ line, cells: positions.map((p) => (p === -1 ? "" : record[p]!)) });
      }
      yield records;
    }
  } catch (err) {
    throw asFileError(err);
  } finally {
    parser.destroy();
    input.destroy();
  }
  if (!positions) throw fileError("the file is empty: the first line must be the header");
}
