import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import { prepareDatabase } from "../../server/db/prepare";
import { IMPORT_KINDS, isImportKind } from "../../server/imports/kinds";
import { formatImportError } from "../../server/imports/report";
import { type ImportResult, runImport } from "../../server/imports/run-import";
import { log } from "../../server/log";
import { type Command, EXIT, UsageError } from "../command";

const n = (value: number) => value.toLocaleString("en-US");

function summary(result: ImportResult, fileName: string): string {
  const lines = result.errors.map(formatImportError);
  if (result.errorCount > result.errors.length) {
    lines.push(`… and ${n(result.errorCount - result.errors.length)} more errors (only the first ${n(result.errors.length)} are listed)`);
  }
  const counts = `${n(result.created)} created, ${n(result.updated)} updated, ${n(result.unchanged)} unchanged`;
  if (result.status === "REJECTED") {
    lines.push(`Rejected ${result.kind} file ${fileName}: ${n(result.errorCount)} error(s). Nothing was written.`);
  } else if (result.dryRun) {
    lines.push(`Dry run of ${result.kind} file ${fileName}: ${n(result.rowsTotal)} valid rows, would be ${counts}. Nothing was written.`);
  } else {
    lines.push(`Imported ${result.kind} file ${fileName}: ${n(result.rowsTotal)} rows, ${counts} (import batch ${result.batchId}).`);
  }
  return `${lines.join("\n")}\n`;
}

export const importCommand: Command = {
  name: "import",
  summary: "Import a CSV file in the exchange format; all or nothing, idempotent",
  usage: `vigila import <${IMPORT_KINDS.join("|")}> <file.csv> [--dry-run]`,
  options: { "dry-run": { type: "boolean" } },
  run: async ({ values, positionals }) => {
    const [kind, file, ...extra] = positionals;
    if (!kind || !isImportKind(kind)) throw new UsageError(`The first argument must be one of: ${IMPORT_KINDS.join(", ")}`);
    if (!file) throw new UsageError("Missing the CSV file to import");
    if (extra.length > 0) throw new UsageError(`Unexpected argument '${extra[0]}'`);
    await access(file).catch(() => {
      throw new UsageError(`Cannot read '${file}'`);
    });
    const db = await prepareDatabase();
    const fileName = path.basename(file);
    const result = await runImport(db, { userId: null }, kind, createReadStream(file), {
      fileName,
      dryRun: values["dry-run"] === true,
      onProgress: (p) => log.info(`import ${p.phase}`, { rows: p.rowsRead }),
    });
    process.stdout.write(summary(result, fileName));
    return result.status === "COMPLETED" ? EXIT.OK : EXIT.REJECTED;
  },
};
