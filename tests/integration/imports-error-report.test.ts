import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { importErrorsCsv } from "~/server/imports/history";
import { DEFAULT_LIMITS } from "~/server/imports/read-csv";
import { useTestDatabase } from "../support/database";
import { createUser } from "../support/workflow-fixtures";
import { uploadAndValidate } from "./imports-web-support";

const test = useTestDatabase();
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

// Contract v1.1: the report gives the exact number of invalid rows and lists at least the first 10,000.
const INVALID_ROWS = 10_003;
const CSV = [
  "officer_id,department_code,given_name,family_name,hired_on",
  ...Array.from({ length: INVALID_ROWS }, (_, i) => `OF${i + 1},NOPE,Ana,Ruiz,2020-01-01`),
].join("\n");
/** What the report lists for the data row on line `line` (header = line 1). */
const listed = (line: number) => `line ${line}, column department_code: department NOPE does not exist`;
const FIRST_10_000 = Array.from({ length: 10_000 }, (_, i) => listed(i + 2));

function vigila(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/vigila.mjs", ...args],
      { env: { ...process.env, DATABASE_URL: test.current.url, LOG_LEVEL: "warn" }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout }),
    );
  });
}

/** The history's error file of a batch, as rows of reasons (the last row counts what is not listed). */
async function errorFileReasons(batchId: number): Promise<string[]> {
  const { csv } = await importErrorsCsv(test.current.db, batchId);
  const rows: string[][] = parse(csv, { from_line: 2 });
  return rows.map(([line, column, reason]) => (line ? `line ${line}, column ${column}: ${reason}` : reason!));
}

describe("the error report of a file with more than 10,000 invalid rows", { timeout: 240_000 }, () => {
  it("is the same from the CLI and from the web: the first 10,000 in file order and the exact total", async () => {
    const { db } = test.current;
    const dir = await mkdtemp(path.join(tmpdir(), "vigila-report-"));
    dirs.push(dir);
    await writeFile(path.join(dir, "officers.csv"), CSV);

    const cli = await vigila("import", "officers", path.join(dir, "officers.csv"));
    expect(cli.code).toBe(1);
    expect(cli.stdout.split("\n")).toEqual([
      ...FIRST_10_000,
      "… and 3 more errors (only the first 10,000 are listed)",
      "Rejected officers file officers.csv: 10,003 error(s). Nothing was written.",
      "",
    ]);
    const cliBatch = await db.importBatch.findFirstOrThrow({ where: { fileName: "officers.csv" } });
    expect(cliBatch).toMatchObject({ status: "REJECTED", errorCount: INVALID_ROWS });
    // The batch row keeps what the CLI printed (it kept only 1,000 before), so the history's error file agrees.
    const kept = [...FIRST_10_000, "… and 3 more errors (only the first 10,000 are kept)"];
    expect(await errorFileReasons(cliBatch.id)).toEqual(kept);

    const analyst = await createUser(db, "IA_ANALYST");
    const { batchId } = await uploadAndValidate(db, analyst, "officers", "officers-web.csv", CSV);
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      status: "REJECTED",
      errorCount: INVALID_ROWS,
    });
    expect(await errorFileReasons(batchId)).toEqual(kept);
    expect(await db.officer.count()).toBe(0);
  });

  it("files are limited to exactly 50 MiB", () => {
    expect(DEFAULT_LIMITS.maxBytes).toBe(52_428_800);
  });
});
