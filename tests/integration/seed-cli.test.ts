import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { todayIn } from "~/server/rules/dates";
import { useTestDatabase } from "../support/database";

/** `vigila seed --demo --as-of D`: the as-of date is checked before anything is written, and remembered. */
const test = useTestDatabase();

function vigila(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/vigila.mjs", ...args], {
      env: { ...process.env, DATABASE_URL: test.current.url, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const tomorrowInMexico = () => new Date(Date.parse(`${todayIn()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe("vigila seed --demo --as-of", () => {
  it("refuses an unreal or future date with a usage error and writes nothing", async () => {
    for (const [asOf, message] of [
      ["2026-02-30", /--as-of: Invalid demo as-of date '2026-02-30': expected a real calendar date YYYY-MM-DD/],
      [tomorrowInMexico(), /--as-of: The demo as-of date \d{4}-\d{2}-\d{2} is after today in Mexico City/],
    ] as const) {
      const run = await vigila(["seed", "--demo", "--size", "small", "--as-of", asOf]);
      expect(run.code, asOf).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe("");
    }
    expect(await test.current.db.department.count()).toBe(0);
  });

  it("seeds as of the given date, evaluates at it, and says which date the existing demo is of", async () => {
    const first = await vigila(["seed", "--demo", "--size", "small", "--as-of", "2025-10-24"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Seeded demo data as of 2025-10-24: 162 departments, \d+ officers/);
    expect(first.stdout).toMatch(/Evaluation run \d+ stored at 2025-10-24\.\n$/);
    const run = await test.current.db.evaluationRun.findFirstOrThrow();
    expect(run.asOf.toISOString().slice(0, 10)).toBe("2025-10-24");

    const again = await vigila(["seed", "--demo"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("Database already has 162 departments (demo data as of 2025-10-24): no data seeded.\n");
  }, 120_000);
});
