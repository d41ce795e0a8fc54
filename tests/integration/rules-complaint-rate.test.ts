import { describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import type { ComplaintStatus, DepartmentKind } from "~/generated/prisma/enums";
import { evaluateDepartments } from "~/server/rules/evaluate";
import { machineReadable } from "~/server/rules/output";
import { loadRuleSetVersion } from "~/server/rules/rule-sets";
import { useTestDatabase } from "../support/database";
import { type Dataset, addDays, dataset, staff } from "../support/rules-dataset";
import { evaluateDataset, ruleOf } from "../support/rules-harness";

const test = useTestDatabase();
const D = "2026-06-30";

/** A department with `n` officers and `q` counted complaints received in the last year. */
function department(
  code: string,
  n: number,
  q: number,
  kind: DepartmentKind = "MUNICIPAL",
  status: ComplaintStatus = "RECEIVED",
): Partial<Dataset> {
  return {
    departments: [{ code, kind }],
    officers: staff(code, n, `${code}-O`),
    complaints: Array.from({ length: q }, (_, i) => ({
      ref: `${code}-Q${i}`,
      department: code,
      receivedOn: "2026-01-15",
      source: "CITIZEN" as const,
      category: "OTHER" as const,
      status,
    })),
  };
}

describe("complaint-rate (Q, C = 100 × Q / N, M = peer median by kind)", () => {
  it("M is the middle value (odd count) or the mean of the two middle values (even count); WATCH only when C > 2 × M", async () => {
    const results = await evaluateDataset(
      test.current.db,
      dataset(department("A", 10, 1), department("B", 10, 2), department("C", 10, 5), department("D", 10, 4)),
      D,
    );
    // C = 10, 20, 50, 40 → sorted 10, 20, 40, 50: even → M = 30
    expect(ruleOf(results, "A", "complaint-rate")).toEqual({ id: "complaint-rate", level: "NONE", value: 10, peer_median: 30, count: 1 });
    expect(ruleOf(results, "C", "complaint-rate")).toEqual({ id: "complaint-rate", level: "NONE", value: 50, peer_median: 30, count: 5 });

    const odd = await evaluateDataset(test.current.db, dataset(department("A", 10, 1), department("B", 10, 2), department("C", 10, 5)), D);
    // C = 10, 20, 50 → M = 20; 50 > 40
    expect(ruleOf(odd, "C", "complaint-rate")).toEqual({ id: "complaint-rate", level: "WATCH", value: 50, peer_median: 20, count: 5 });
    const equal = await evaluateDataset(
      test.current.db,
      dataset(department("A", 10, 1), department("B", 10, 2), department("C", 10, 4)),
      D,
    );
    // C = 40 = 2 × M: not above
    expect(ruleOf(equal, "C", "complaint-rate")).toEqual({ id: "complaint-rate", level: "NONE", value: 40, peer_median: 20, count: 4 });
  });

  it("even number of peers: M is the mean of the two middle values", async () => {
    const results = await evaluateDataset(
      test.current.db,
      dataset(department("A", 10, 1), department("B", 10, 2), department("C", 10, 3), department("D", 10, 9)),
      D,
    );
    // C = 10, 20, 30, 90 → M = 25; 90 > 50
    expect(ruleOf(results, "D", "complaint-rate")).toEqual({ id: "complaint-rate", level: "WATCH", value: 90, peer_median: 25, count: 9 });
    const atDouble = await evaluateDataset(
      test.current.db,
      dataset(department("A", 10, 1), department("B", 10, 2), department("C", 10, 3), department("D", 10, 5)),
      D,
    );
    // C = 10, 20, 30, 50 → M = 25; 50 = 2 × M
    expect(ruleOf(atDouble, "D", "complaint-rate")).toMatchObject({ level: "NONE", peer_median: 25 });
  });

  it("needs Q ≥ 3 however high the rate", async () => {
    const results = await evaluateDataset(
      test.current.db,
      dataset(department("A", 100, 1), department("B", 100, 1), department("C", 1, 2)),
      D,
    );
    expect(ruleOf(results, "C", "complaint-rate")).toEqual({ id: "complaint-rate", level: "NONE", value: 200, peer_median: 1, count: 2 });
  });

  it("compares within the same kind, over departments with N > 0, with exact non-terminating values", async () => {
    const results = await evaluateDataset(
      test.current.db,
      dataset(
        department("M1", 3, 1),
        department("M2", 3, 2),
        department("M3", 3, 0),
        department("EMPTY", 0, 7),
        department("S1", 7, 3, "STATE"),
      ),
      D,
    );
    // Municipal C = 33.3…, 66.6…, 0 → M = 100/3; the empty department is not a peer.
    expect(ruleOf(results, "M2", "complaint-rate")).toEqual({
      id: "complaint-rate",
      level: "NONE",
      value: 66.66666666666667,
      peer_median: 33.333333333333336,
      count: 2,
    });
    expect(ruleOf(results, "EMPTY", "complaint-rate")).toEqual({
      id: "complaint-rate",
      level: "NONE",
      value: null,
      peer_median: 33.333333333333336,
      count: 7,
    });
    expect(results.find((r) => r.department_code === "EMPTY")?.insufficient_data).toBe(true);
    // The only state department is its own peer: C = M, never above 2 × M.
    expect(ruleOf(results, "S1", "complaint-rate")).toEqual({
      id: "complaint-rate",
      level: "NONE",
      value: 42.857142857142854,
      peer_median: 42.857142857142854,
      count: 3,
    });
  });

  it("counts received_on in (D − 365, D] and ignores UNFOUNDED and WITHDRAWN", async () => {
    const edge = (code: string, receivedOn: string, status: ComplaintStatus = "RECEIVED") => ({
      ref: `${code}-${receivedOn}-${status}`,
      department: code,
      receivedOn,
      source: "CITIZEN" as const,
      category: "OTHER" as const,
      status,
      resolvedOn: status === "UNFOUNDED" ? receivedOn : null,
    });
    const results = await evaluateDataset(
      test.current.db,
      dataset(department("A", 10, 0), {
        complaints: [
          edge("A", D),
          edge("A", addDays(D, -364)),
          edge("A", addDays(D, -365)),
          edge("A", addDays(D, 1)),
          edge("A", "2026-01-01", "UNFOUNDED"),
          edge("A", "2026-01-02", "WITHDRAWN"),
        ],
      }),
      D,
    );
    expect(ruleOf(results, "A", "complaint-rate")).toMatchObject({ count: 2, value: 20 });
  });

  it("evaluates one department alone with the same figures, its peer median still over all peers", async () => {
    const { db } = test.current;
    await evaluateDataset(
      db,
      dataset(department("A", 10, 1), department("B", 10, 2), department("C", 10, 5), department("S", 4, 3, "STATE")),
      D,
    );
    const { rules } = await loadRuleSetVersion(db);
    const all = machineReadable(await evaluateDepartments(db, rules, D));
    const c = await db.department.findUniqueOrThrow({ where: { code: "C" } });
    const alone = machineReadable(await evaluateDepartments(db, rules, D, Prisma.sql`d.id = ${c.id}`));
    expect(alone).toEqual(all.filter((r) => r.department_code === "C"));
    expect(ruleOf(alone, "C", "complaint-rate")).toMatchObject({ level: "WATCH", peer_median: 20 });
  });
});
