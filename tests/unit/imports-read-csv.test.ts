import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { KIND_SPECS } from "~/server/imports/kinds";
import { type CsvLimits, type CsvRecord, DEFAULT_LIMITS, type FileStats, readCsvRecords } from "~/server/imports/read-csv";
import { ImportFileError, formatImportError } from "~/server/imports/report";

const columns = KIND_SPECS.training.columns;
const HEADER = "officer_id,course_code,completed_on,hours";

async function read(source: Readable | string | Buffer, limits: Partial<CsvLimits> = {}) {
  const input = typeof source === "string" || Buffer.isBuffer(source) ? Readable.from([Buffer.from(source)]) : source;
  const stats: FileStats = { bytes: 0, sha256: "", rows: 0 };
  const records: CsvRecord[] = [];
  try {
    for await (const batch of readCsvRecords(input, columns, { ...DEFAULT_LIMITS, ...limits }, stats)) records.push(...batch);
    return { records, stats, errors: [] as string[] };
  } catch (err) {
    if (err instanceof ImportFileError) return { records, stats, errors: err.errors.map(formatImportError) };
    throw err;
  }
}

/** A generated CSV stream of `rows` data rows, never held in memory or on disk. */
function generated(rows: number, padding = "") {
  let i = 0;
  return new Readable({
    read() {
      if (i === 0) this.push(`${HEADER}\n`);
      const chunk: string[] = [];
      for (let k = 0; k < 10_000 && i < rows; k++, i++) chunk.push(`OF${i},FORMACION_INICIAL${padding},2024-01-01,8\n`);
      if (chunk.length) this.push(chunk.join(""));
      if (i >= rows) this.push(null);
    },
  });
}

describe("CSV reading", () => {
  it("maps columns in any order, fills absent optional columns, numbers lines from the header", async () => {
    const { records, errors, stats } = await read(
      "hours,completed_on,officer_id,course_code\n8,2024-01-01,OF1,X\r\n9.5,2024-01-02,OF2,Y\n",
    );
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 2, cells: ["OF1", "X", "2024-01-01", "8"] },
      { line: 3, cells: ["OF2", "Y", "2024-01-02", "9.5"] },
    ]);
    expect(stats.rows).toBe(2);
    expect(stats.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores a UTF-8 BOM and handles RFC 4180 quoting with commas, quotes and newlines", async () => {
    const csv = `\uFEFF${HEADER}\n"OF1","A, ""B""\nC",2024-01-01,8\nOF2,Z,2024-01-01,8\n\nOF3,Z,2024-01-01,8\n`;
    const { records, errors } = await read(csv);
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 2, cells: ["OF1", 'A, "B"\nC', "2024-01-01", "8"] },
      { line: 4, cells: ["OF2", "Z", "2024-01-01", "8"] },
      { line: 6, cells: ["OF3", "Z", "2024-01-01", "8"] },
    ]);
  });

  it("reports rows with the wrong number of cells without stopping", async () => {
    const { records } = await read(`${HEADER}\nOF1,X,2024-01-01\nOF2,X,2024-01-01,8\n`);
    expect(records[0]).toEqual({ line: 2, cells: null, problem: "the row has 3 cells but the header has 4" });
    expect(records[1]).toEqual({ line: 3, cells: ["OF2", "X", "2024-01-01", "8"] });
  });

  it("rejects unknown, duplicated and missing columns, naming each", async () => {
    const { errors } = await read("officer_id,Course_Code,hours,hours,grade\nOF1,X,8,8,1\n");
    expect(errors).toEqual([
      "line 1, column Course_Code: unknown column (expected: officer_id, course_code, completed_on, hours)",
      "line 1, column hours: column appears twice in the header",
      "line 1, column grade: unknown column (expected: officer_id, course_code, completed_on, hours)",
      "line 1, column course_code: required column is missing",
      "line 1, column completed_on: required column is missing",
    ]);
  });

  it("rejects an empty file, invalid UTF-8 and malformed quoting", async () => {
    expect((await read("")).errors).toEqual(["the file is empty: the first line must be the header"]);
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nOF1,`), Buffer.from([0x43, 0xe1, 0x46]), Buffer.from(",2024-01-01,8\n")]);
    expect((await read(latin1)).errors[0]).toMatch(/^the file is not valid UTF-8/);
    expect((await read(`${HEADER}\nOF1,"unterminated,2024-01-01,8\n`)).errors).toEqual(["line 2: a quoted cell is never closed"]);
    expect((await read(`${HEADER}\nOF1,ab"c,2024-01-01,8\n`)).errors).toEqual([
      "line 2: a quote appears inside a cell that does not start with a quote",
    ]);
  });

  it("enforces a size limit (injected small limit)", async () => {
    const { errors } = await read(generated(100), { maxBytes: 1000 });
    expect(errors).toEqual(["the file is larger than the limit of 1,000 bytes"]);
  });

  it("enforces the real 50 MB limit on a generated stream", async () => {
    // ~52 MB of valid rows; rejected as soon as byte 52,428,801 arrives.
    const { errors, stats } = await read(generated(600_000, "_".repeat(50)));
    expect(errors).toEqual(["the file is larger than the limit of 50 MB"]);
    expect(stats.bytes).toBeGreaterThan(50 * 1024 * 1024);
  }, 60_000);

  it("enforces the real 1,000,000-row limit and accepts exactly 1,000,000 rows", async () => {
    const over = await read(generated(1_000_001));
    expect(over.errors).toEqual(["line 1000002: the file has more than 1,000,000 data rows (the limit per file)"]);
    const exact = await read(generated(1_000_000));
    expect(exact.errors).toEqual([]);
    expect(exact.stats.rows).toBe(1_000_000);
  }, 120_000);
});
