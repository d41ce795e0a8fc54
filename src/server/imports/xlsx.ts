import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { ImportFileError } from "./report";

/*
 * XLSX uploads go through the same engine as CSV: the first sheet is streamed (exceljs' streaming
 * reader, never the whole workbook in memory) and re-emitted as CSV text, one spreadsheet row per
 * line. Empty rows become blank lines, so a report's "line N" is the spreadsheet's row N.
 */
type CellValue = ExcelJS.CellValue;

/** A cell as the text the exchange format expects. */
export function xlsxCellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  // exceljs builds dates from the serial number in UTC, so the UTC calendar day is the cell's day.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("result" in value) return xlsxCellText(value.result ?? null);
  if ("formula" in value || "sharedFormula" in value) return "";
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}

/**
 * Spreadsheets do not store trailing empty cells, so rows come shorter than the header: pad them
 * (and drop trailing empties beyond it), leaving real extra cells for the engine to report.
 */
function fitted(values: string[], width: number): string[] {
  const row = [...values];
  while (row.length > width && row.at(-1) === "") row.pop();
  while (row.length < width) row.push("");
  return row;
}

async function* csvLines(input: Readable): AsyncGenerator<string> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles tell dates from numbers.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  });
  let sheets = 0;
  try {
    for await (const sheet of workbook) {
      if (sheets++ > 0) continue; // only the first sheet; the others are drained unread
      let nextRow = 1;
      let width: number | null = null;
      for await (const row of sheet) {
        const blanks = row.number - nextRow;
        if (blanks > 0) yield "\n".repeat(blanks);
        nextRow = row.number + 1;
        const values = Array.from(row.values as CellValue[], xlsxCellText).slice(1);
        width ??= values.length;
        yield stringify([fitted(values, width)], { record_delimiter: "unix" });
      }
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError([
      { line: null, column: null, message: "the file is not a readable XLSX workbook; save it as Excel Workbook (.xlsx) or CSV UTF-8" },
    ]);
  }
  if (sheets === 0) throw new ImportFileError([{ line: null, column: null, message: "the workbook has no sheet" }]);
}

/** The first sheet of an XLSX stream as CSV text in the exchange format. */
export function xlsxAsCsv(input: Readable): Readable {
  return Readable.from(csvLines(input), { objectMode: false });
}
