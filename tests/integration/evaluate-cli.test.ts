import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database";
import { dataset, loadDataset, staff } from "../support/rules-dataset";

const test = useTestDatabase();

function vigila(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/vigila.mjs", ...args], {
      env: { ...process.env, DATABASE_URL: test.current.url, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  // MX-B: 3 officers, 2 approved (V = 66.67 → REVIEW), one trained; 4 counted complaints this year.
  const officers = staff("MX-B", 3, "B");
  await loadDataset(
    test.current.db,
    dataset({
      departments: [
        { code: "MX-B", kind: "MUNICIPAL", authorizedStrength: 3 },
        { code: "MX-A", kind: "STATE" },
      ],
      officers,
      vetting: officers
        .slice(0, 2)
        .map((o) => ({ officer: o.id, evaluatedOn: "2025-03-01", result: "APPROVED" as const, validUntil: "2028-03-01" })),
      training: [{ officer: "B1", course: "FORMACION_INICIAL", completedOn: "2026-01-10", hours: "40.00" }],
      complaints: ["2025-07-01", "2025-12-01", "2026-01-01", "2026-06-30"].map((receivedOn, i) => ({
        ref: `B-${i}`,
        department: "MX-B",
        receivedOn,
        source: "CITIZEN" as const,
        category: "CORRUPTION" as const,
        status: "INVESTIGATING" as const,
      })),
    }),
  );
});

describe("vigila evaluate", () => {
  it("--json prints exactly the specification's array, sorted by department code", async () => {
    const { code, stdout } = await vigila(["evaluate", "--json", "--as-of", "2026-06-30"]);
    expect(code).toBe(0);
    const none = (id: string, value: number | null) => ({ id, level: "NONE", value });
    expect(JSON.parse(stdout)).toEqual([
      {
        department_code: "MX-A",
        level: "NONE",
        insufficient_data: true,
        rules: [
          none("vetting-coverage", null),
          none("failed-vetting-on-duty", 0),
          none("training-compliance", null),
          none("serious-abuse", 0),
          none("human-rights-recommendations", 0),
          { id: "complaint-rate", level: "NONE", value: null, peer_median: null, count: 0 },
          { id: "corruption-not-reduced", level: "NONE", value: 0, k1: 0, k2: 0 },
        ],
      },
      {
        department_code: "MX-B",
        level: "REVIEW",
        insufficient_data: false,
        rules: [
          { id: "vetting-coverage", level: "REVIEW", value: 66.66666666666667 },
          none("failed-vetting-on-duty", 0),
          { id: "training-compliance", level: "REVIEW", value: 33.333333333333336 },
          none("serious-abuse", 0),
          none("human-rights-recommendations", 0),
          { id: "complaint-rate", level: "NONE", value: 133.33333333333334, peer_median: 133.33333333333334, count: 4 },
          { id: "corruption-not-reduced", level: "REVIEW", value: 4, k1: 0, k2: 0 },
        ],
      },
    ]);
  });

  it("prints a summary table without --json and gives the same answer under any process time zone", async () => {
    const mexico = await vigila(["evaluate", "--as-of", "2026-06-30"], { TZ: "America/Mexico_City" });
    const kiritimati = await vigila(["evaluate", "--as-of", "2026-06-30"], { TZ: "Pacific/Kiritimati" });
    expect(mexico.code).toBe(0);
    expect(mexico.stdout).toContain("Rule set federal-baseline v1, as of 2026-06-30 (not stored)");
    expect(mexico.stdout).toMatch(/departments\s+1\s+0\s+1\s+0\s+1/);
    expect(mexico.stdout).toMatch(/vetting-coverage\s+1\s+0\s+1\s+0\s+1/);
    expect(kiritimati.stdout).toBe(mexico.stdout);
    const json = await vigila(["evaluate", "--json", "--as-of", "2026-06-30"], { TZ: "Pacific/Kiritimati" });
    expect(JSON.parse(json.stdout)[1].rules[0].value).toBe(66.66666666666667);
  });

  it("rejects an invalid date or rule-set reference with exit code 2 and changes nothing", async () => {
    for (const args of [["--as-of", "2026-02-30"], ["--as-of", "30/06/2026"], ["--rule-set", "federal-baseline@x"], ["--bogus"]]) {
      const { code, stdout, stderr } = await vigila(["evaluate", ...args]);
      expect(code, args.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/Invalid --as-of '2026-02-30'|Invalid --as-of '30\/06\/2026'|expected ID or ID@VERSION|Unknown option/);
    }
    const unknown = await vigila(["evaluate", "--rule-set", "nope"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Published version of rule set 'nope' not found");
    expect(await test.current.db.evaluationRun.count()).toBe(0);
  });

  it("--persist stores the run and reports it; --json output stays the bare array", async () => {
    const { code, stdout, stderr } = await vigila(["evaluate", "--json", "--persist", "--as-of", "2026-06-30"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(2);
    expect(stderr).toMatch(/run #\d+ stored, 1 recommendation\(s\) opened/);
    const run = await test.current.db.evaluationRun.findFirstOrThrow({ include: { results: true, recommendations: true } });
    expect(run).toMatchObject({ status: "SUCCEEDED", trigger: "CLI", createdById: null });
    expect(run.results).toHaveLength(2);
    expect(run.recommendations.map((r) => [r.level, r.previousLevel])).toEqual([["REVIEW", "NONE"]]);
  });
});
