import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database";
import { type Dataset, addDays, dataset, staff } from "../support/rules-dataset";
import { evaluateDataset, ruleOf } from "../support/rules-harness";

const test = useTestDatabase();
const D = "2026-06-30";
const A = { departments: [{ code: "MX-16-001-MUN", kind: "MUNICIPAL" as const }] };
const CODE = "MX-16-001-MUN";

/** `approved` of `n` officers hold a current approval, the rest have none. */
function coverage(n: number, approved: number): Dataset {
  const officers = staff(CODE, n, "O");
  return dataset(A, {
    officers,
    vetting: officers
      .slice(0, approved)
      .map((o) => ({ officer: o.id, evaluatedOn: "2025-01-10", result: "APPROVED" as const, validUntil: "2028-01-10" })),
  });
}

describe("vetting-coverage (V = 100 × approved / N)", () => {
  it.each([
    [20, 19, 95, "NONE"],
    [20, 18, 90, "NONE"],
    [20, 17, 85, "WATCH"],
    [20, 15, 75, "WATCH"],
    [20, 14, 70, "REVIEW"],
    [20, 10, 50, "REVIEW"],
    [20, 9, 45, "RECEIVERSHIP"],
    [3, 2, 66.66666666666667, "REVIEW"],
    [7, 6, 85.71428571428571, "WATCH"],
    [40, 36, 90, "NONE"],
    [41, 36, 87.8048780487805, "WATCH"],
  ])("N = %i with %i approved → V = %d, %s", async (n, approved, value, level) => {
    const results = await evaluateDataset(test.current.db, coverage(n, approved), D);
    expect(ruleOf(results, CODE, "vetting-coverage")).toEqual({ id: "vetting-coverage", level, value });
  });

  it("counts an approval valid until D, not one that expired the day before", async () => {
    const officers = staff(CODE, 2, "O");
    const results = await evaluateDataset(
      test.current.db,
      dataset(A, {
        officers,
        vetting: [
          { officer: "O1", evaluatedOn: "2023-06-30", result: "APPROVED", validUntil: D },
          { officer: "O2", evaluatedOn: "2023-06-29", result: "APPROVED", validUntil: addDays(D, -1) },
        ],
      }),
      D,
    );
    expect(ruleOf(results, CODE, "vetting-coverage").value).toBe(50);
  });

  it("reads only the latest evaluation at D: PENDING or NOT_APPROVED masks an earlier approval, a future one is ignored", async () => {
    const officers = staff(CODE, 4, "O");
    const approved = (officer: string, evaluatedOn: string) => ({
      officer,
      evaluatedOn,
      result: "APPROVED" as const,
      validUntil: "2029-01-01",
    });
    const results = await evaluateDataset(
      test.current.db,
      dataset(A, {
        officers,
        vetting: [
          approved("O1", "2025-01-01"),
          { officer: "O1", evaluatedOn: "2026-03-01", result: "PENDING", validUntil: "2029-03-01" },
          approved("O2", "2025-01-01"),
          { officer: "O2", evaluatedOn: D, result: "NOT_APPROVED", validUntil: "2029-06-30" },
          approved("O3", "2025-01-01"),
          { officer: "O3", evaluatedOn: addDays(D, 1), result: "NOT_APPROVED", validUntil: "2029-07-01" },
          { officer: "O4", evaluatedOn: "2025-01-01", result: "NOT_APPROVED", validUntil: "2028-01-01" },
          approved("O4", D),
        ],
      }),
      D,
    );
    // O3 (future failure ignored) and O4 (approved on D) hold current approvals.
    expect(ruleOf(results, CODE, "vetting-coverage")).toEqual({ id: "vetting-coverage", level: "REVIEW", value: 50 });
  });

  it("counts officers hired on D and separated after D, not those hired after D or separated on D", async () => {
    const vetted = (officer: string) => ({ officer, evaluatedOn: "2025-01-01", result: "APPROVED" as const, validUntil: "2029-01-01" });
    const results = await evaluateDataset(
      test.current.db,
      dataset(A, {
        officers: [
          { id: "HIRED-ON-D", department: CODE, hiredOn: D },
          { id: "SEPARATED-AFTER", department: CODE, hiredOn: "2010-01-01", separatedOn: addDays(D, 1) },
          { id: "HIRED-AFTER", department: CODE, hiredOn: addDays(D, 1) },
          { id: "SEPARATED-ON-D", department: CODE, hiredOn: "2010-01-01", separatedOn: D },
          { id: "UNVETTED", department: CODE, hiredOn: "2010-01-01" },
        ],
        vetting: [vetted("HIRED-ON-D"), vetted("SEPARATED-AFTER"), vetted("HIRED-AFTER"), vetted("SEPARATED-ON-D")],
      }),
      D,
    );
    // Active: HIRED-ON-D, SEPARATED-AFTER, UNVETTED → 2 of 3 approved.
    expect(ruleOf(results, CODE, "vetting-coverage").value).toBe(66.66666666666667);
  });

  it("with N = 0 reports null and insufficient data, and the level still comes from the other rules", async () => {
    const results = await evaluateDataset(
      test.current.db,
      dataset(A, {
        officers: [{ id: "GONE", department: CODE, hiredOn: "2010-01-01", separatedOn: "2020-01-01" }],
        complaints: [
          {
            ref: "T-1",
            department: CODE,
            receivedOn: "2026-01-01",
            source: "CITIZEN",
            category: "TORTURE",
            status: "SUSTAINED",
            resolvedOn: "2026-02-01",
          },
        ],
      }),
      D,
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ department_code: CODE, level: "REVIEW", insufficient_data: true });
    expect(ruleOf(results, CODE, "vetting-coverage")).toEqual({ id: "vetting-coverage", level: "NONE", value: null });
    expect(ruleOf(results, CODE, "training-compliance")).toEqual({ id: "training-compliance", level: "NONE", value: null });
    expect(ruleOf(results, CODE, "failed-vetting-on-duty")).toEqual({ id: "failed-vetting-on-duty", level: "NONE", value: 0 });
    expect(ruleOf(results, CODE, "serious-abuse")).toEqual({ id: "serious-abuse", level: "REVIEW", value: 1 });
  });
});

/** `failed` of `n` officers failed vetting on `failedOn`; the others are approved. */
function failures(n: number, failed: number, failedOn = "2026-01-01"): Dataset {
  const officers = staff(CODE, n, "O");
  return dataset(A, {
    officers,
    vetting: officers.map((o, i) => ({
      officer: o.id,
      evaluatedOn: i < failed ? failedOn : "2025-01-01",
      result: i < failed ? ("NOT_APPROVED" as const) : ("APPROVED" as const),
      validUntil: "2029-01-01",
    })),
  });
}

describe("failed-vetting-on-duty (F, and 100 × F / N)", () => {
  it.each([
    [10, 0, "NONE"],
    [10, 1, "REVIEW"],
    [10, 2, "REVIEW"],
    [60, 3, "RECEIVERSHIP"], // 100 × 3 / 60 = 5
    [61, 3, "REVIEW"], // 4.92 %
    [80, 4, "RECEIVERSHIP"], // exactly 5 %
    [81, 4, "REVIEW"],
  ])("N = %i with F = %i → %s", async (n, failed, level) => {
    const results = await evaluateDataset(test.current.db, failures(n, failed), D);
    expect(ruleOf(results, CODE, "failed-vetting-on-duty")).toEqual({ id: "failed-vetting-on-duty", level, value: failed });
  });

  it("counts a failure evaluated on D − 90 but not one on D − 89", async () => {
    expect(addDays(D, -90)).toBe("2026-04-01");
    const at90 = await evaluateDataset(test.current.db, failures(10, 1, addDays(D, -90)), D);
    expect(ruleOf(at90, CODE, "failed-vetting-on-duty").value).toBe(1);
    const at89 = await evaluateDataset(test.current.db, failures(10, 1, addDays(D, -89)), D);
    expect(ruleOf(at89, CODE, "failed-vetting-on-duty")).toEqual({ id: "failed-vetting-on-duty", level: "NONE", value: 0 });
  });

  it("ignores failures followed by a re-evaluation by D, and of officers no longer active", async () => {
    const officers = [...staff(CODE, 3, "O"), { id: "LEFT", department: CODE, hiredOn: "2000-01-01", separatedOn: D }];
    const results = await evaluateDataset(
      test.current.db,
      dataset(A, {
        officers,
        vetting: [
          { officer: "O1", evaluatedOn: "2025-01-01", result: "NOT_APPROVED", validUntil: "2028-01-01" },
          { officer: "O1", evaluatedOn: "2026-06-01", result: "PENDING", validUntil: "2029-06-01" },
          { officer: "O2", evaluatedOn: "2025-01-01", result: "NOT_APPROVED", validUntil: "2028-01-01" },
          { officer: "O2", evaluatedOn: addDays(D, 1), result: "APPROVED", validUntil: "2029-07-01" },
          { officer: "LEFT", evaluatedOn: "2025-01-01", result: "NOT_APPROVED", validUntil: "2028-01-01" },
        ],
      }),
      D,
    );
    // Only O2 counts: its re-evaluation comes after D.
    expect(ruleOf(results, CODE, "failed-vetting-on-duty")).toEqual({ id: "failed-vetting-on-duty", level: "REVIEW", value: 1 });
  });
});
