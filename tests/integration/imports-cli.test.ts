import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEPARTMENTS_CSV, tableCounts } from "../fixtures/imports/support";
import { useTestDatabase } from "../support/database";

const test = useTestDatabase();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vigila-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the real `vigila` binary against this file's test database. */
function vigila(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/vigila.mjs", ...args],
      { env: { ...process.env, DATABASE_URL: test.current.url, LOG_LEVEL: "warn" }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function file(name: string, content: string) {
  const target = path.join(dir, name);
  await writeFile(target, content);
  return target;
}

// Each run starts a real process (tsx + migration check): slow on a busy two-core machine.
describe("vigila import / export", { timeout: 180_000 }, () => {
  it("exit 0 on import with the summary on stdout; a second run reports everything unchanged", async () => {
    const csv = await file("departments.csv", DEPARTMENTS_CSV);
    const dry = await vigila("import", "departments", csv, "--dry-run");
    expect(dry).toMatchObject({ code: 0, stderr: "" });
    expect(dry.stdout).toBe(
      "Dry run of departments file departments.csv: 3 valid rows, would be 3 created, 0 updated, 0 unchanged. Nothing was written.\n",
    );
    expect((await tableCounts(test.current.db)).departments).toBe(0);

    const first = await vigila("import", "departments", csv);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Imported departments file departments\.csv: 3 rows, 3 created, 0 updated, 0 unchanged \(import batch \d+\)\.\n$/,
    );
    const second = await vigila("import", "departments", csv);
    expect(second.stdout).toMatch(/3 rows, 0 created, 0 updated, 3 unchanged/);
    expect((await tableCounts(test.current.db)).departments).toBe(3);
  });

  it("exit 1 with every error on stdout when the file is rejected; nothing written", async () => {
    const before = await tableCounts(test.current.db);
    const csv = await file(
      "officers.csv",
      "officer_id,department_code,given_name,family_name,hired_on\nOF1,NOPE,A,B,2026-02-30\nOF2,MICH-SSP,A,B,2020-01-01\nOF3,MICH-SSP,,B,2020-01-01\n",
    );
    const result = await vigila("import", "officers", csv);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        "line 2, column department_code: department NOPE does not exist",
        'line 2, column hired_on: "2026-02-30" is not a real calendar date',
        "line 4, column given_name: is required",
        "Rejected officers file officers.csv: 3 error(s). Nothing was written.",
        "",
      ].join("\n"),
    );
    expect(await tableCounts(test.current.db)).toEqual(before);
  });

  it("exit 2 on usage errors", async () => {
    const csv = await file("x.csv", DEPARTMENTS_CSV);
    for (const args of [
      ["import"],
      ["import", "agents", csv],
      ["import", "departments"],
      ["import", "departments", path.join(dir, "missing.csv")],
      ["import", "departments", csv, "--force"],
      ["import", "departments", csv, "extra"],
      ["export", "officers", "--state", "99", path.join(dir, "o.csv")],
      ["export", "officers"],
    ]) {
      const result = await vigila(...args);
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({ args, code: 2, stdout: "" });
      expect(result.stderr).toContain("Usage: vigila");
    }
  });

  it("export writes the file; re-importing it changes nothing", async () => {
    const target = path.join(dir, "export-departments.csv");
    const exported = await vigila("export", "departments", "--state", "16", target);
    expect(exported).toMatchObject({ code: 0, stdout: `Exported 2 departments rows to ${target}.\n` });
    expect((await readFile(target, "utf8")).split("\n")[0]).toBe(
      "department_code,name,kind,state_code,municipality_code,authorized_strength",
    );
    const again = await vigila("import", "departments", target);
    expect(again.stdout).toMatch(/2 rows, 0 created, 0 updated, 2 unchanged/);
  });
});
