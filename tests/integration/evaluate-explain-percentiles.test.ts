import { beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "~/server/authz/scope";
import { explainDepartment } from "~/server/evaluations/explain-department";
import { peerPercentile } from "~/server/evaluations/peer-percentile";
import { readPersistedRules } from "~/server/evaluations/persisted";
import { runEvaluation } from "~/server/evaluations/run-evaluation";
import { useTestDatabase } from "../support/database";
import { dataset, loadDataset, staff } from "../support/rules-dataset";

// A stored run's percentiles are counted in SQL (stored-explanation.ts); they must equal the plain
// definition (peerPercentile over every stored result of the run) for every department and rule:
// ties, null values, other kinds, and departments on each size-band edge (49/50, 199/200 officers).
const test = useTestDatabase();
const D = "2026-06-30";
const analyst: Scope = { userId: 1, role: "IA_ANALYST", stateCode: null };
const SIZES: [string, number][] = [
  ["E0", 0],
  ["E1", 3],
  ["E2", 3],
  ["E3", 49],
  ["E4", 50],
  ["E5", 120],
  ["E6", 199],
  ["E7", 200],
  ["E8", 60],
];
let runId = 0;

beforeAll(async () => {
  const officers = SIZES.flatMap(([code, n]) => staff(code, n, `${code}-`));
  // Vetting coverage differs by department but repeats (ties): every other officer approved in E5 and E8.
  const approved = officers.filter((o, i) => (o.department === "E5" || o.department === "E8" ? i % 2 === 0 : o.department !== "E2"));
  await loadDataset(
    test.current.db,
    dataset({
      departments: [...SIZES.map(([code]) => ({ code, kind: "MUNICIPAL" as const })), { code: "S1", kind: "STATE" as const }],
      officers: [...officers, ...staff("S1", 50, "S-")],
      vetting: approved.map((o) => ({ officer: o.id, evaluatedOn: "2025-01-01", result: "APPROVED" as const, validUntil: "2028-01-01" })),
      complaints: [
        {
          ref: "Q-1",
          department: "E4",
          receivedOn: "2026-02-01",
          source: "CNDH",
          category: "TORTURE",
          status: "SUSTAINED",
          resolvedOn: "2026-05-01",
        },
        { ref: "Q-2", department: "E6", receivedOn: "2026-03-01", source: "CITIZEN", category: "EXTORTION", status: "INVESTIGATING" },
      ],
    }),
  );
  runId = (await runEvaluation(test.current.db, { asOf: D, trigger: "CLI", actor: { userId: null } })).runId;
});

describe("stored-run percentiles", () => {
  it("equal peerPercentile over the run's stored results, for every department and rule", async () => {
    const { db } = test.current;
    const stored = await db.evaluationResult.findMany({
      where: { runId },
      include: { department: { select: { code: true, kind: true } } },
    });
    expect(stored).toHaveLength(SIZES.length + 1);
    let compared = 0;
    for (const result of stored) {
      const explanation = await explainDepartment(db, analyst, result.department.code, { runId });
      const peers = stored.filter((p) => p.department.kind === result.department.kind);
      explanation.rules.forEach((rule, i) => {
        const expected = peerPercentile(
          rule.value,
          result.activeOfficers ?? 0,
          peers.map((p) => ({ n: p.activeOfficers ?? 0, value: readPersistedRules(p.rules)[i]!.value })),
        );
        expect(rule.percentile, `${result.department.code} rule ${rule.id}`).toEqual(expected);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(SIZES.length * 5);
  });

  it("puts the band edges in the right bands and counts ties as half", async () => {
    const { db } = test.current;
    const band = async (code: string) => (await explainDepartment(db, analyst, code, { runId })).rules[0]!.percentile;
    expect((await band("E3")).band).toBe("<50");
    expect((await band("E4")).band).toBe("50-199");
    expect((await band("E6")).band).toBe("50-199");
    expect((await band("E7")).band).toBe("200-999");
    // The state department is alone in its kind and band; E1 and E2 (3 officers) have 100 % and 0 % coverage.
    expect(await band("S1")).toEqual({ band: "50-199", peers: 1, percentile: 50 });
    // <50 band of municipal departments with a value: E1 (100), E2 (0), E3 (100); E0 has no officers (no value).
    expect(await band("E1")).toEqual({ band: "<50", peers: 3, percentile: (100 * (1 + 2 / 2)) / 3 });
    expect(await band("E0")).toMatchObject({ band: "<50", percentile: null });
  });
});
