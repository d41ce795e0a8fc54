import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";
import { prepareDatabase } from "../../server/db/prepare";
import { exportCsv } from "../../server/exports/export-csv";
import { IMPORT_KINDS, isImportKind } from "../../server/imports/kinds";
import { type Command, EXIT, UsageError, stringOption } from "../command";

export const exportCommand: Command = {
  name: "export",
  summary: "Export records as CSV in the import format (re-importing the file changes nothing)",
  usage: `vigila export <${IMPORT_KINDS.join("|")}> [--state NN] <file.csv>`,
  options: { state: { type: "string" } },
  run: async ({ values, positionals }) => {
    const [kind, file, ...extra] = positionals;
    if (!kind || !isImportKind(kind)) throw new UsageError(`The first argument must be one of: ${IMPORT_KINDS.join(", ")}`);
    if (!file) throw new UsageError("Missing the CSV file to write");
    if (extra.length > 0) throw new UsageError(`Unexpected argument '${extra[0]}'`);
    const stateCode = stringOption(values, "state");
    if (stateCode !== undefined && !/^(0[1-9]|[12]\d|3[0-2])$/.test(stateCode)) {
      throw new UsageError("--state must be a two-digit INEGI state code 01–32");
    }
    const db = await prepareDatabase();
    // Written beside the target and renamed at the end, so a failed export never leaves half a file.
    const partial = `${file}.partial`;
    const output = createWriteStream(partial);
    try {
      const result = await exportCsv(db, null, kind, { stateCode }, output);
      output.end();
      await finished(output);
      await rename(partial, file);
      process.stdout.write(`Exported ${result.rows.toLocaleString("en-US")} ${kind} rows to ${file}.\n`);
      return EXIT.OK;
    } catch (err) {
      output.destroy();
      await rm(partial, { force: true });
      throw err;
    }
  },
};
