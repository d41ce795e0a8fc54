import pg from "pg";
import { describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { partsBySource, queryInOneSnapshot } from "~/server/rules/concurrent";
import { evaluateDepartments } from "~/server/rules/evaluate";
import { loadRuleSetVersion } from "~/server/rules/rule-sets";
import { useTestDatabase } from "../support/database";
import { clearDataset, dataset, loadDataset, staff } from "../support/rules-dataset";

const test = useTestDatabase();
const D = "2026-06-30";

describe("evaluation statements run concurrently in one snapshot", () => {
  it("split by metric source, vetting first with the staffing", async () => {
    const { rules } = await loadRuleSetVersion(test.current.db);
    expect(partsBySource(rules)).toEqual([
      { rules: [0, 1], staff: true },
      { rules: [2], staff: false },
      { rules: [3, 4, 5, 6], staff: false },
    ]);
  });

  it("every part sees the same snapshot, even one started after another connection committed", async () => {
    const db = test.current.db;
    await clearDataset(db);
    await loadDataset(db, dataset({ departments: [{ code: "A", kind: "MUNICIPAL" }], officers: staff("A", 3, "A-O") }));
    const count = Prisma.sql`select (select count(*)::int from "Officer") as n`;
    const slowCount = Prisma.sql`select pg_sleep(0.6)::text as slept, (select count(*)::int from "Officer") as n`;
    const other = new pg.Client({ connectionString: test.current.url });
    await other.connect();
    try {
      await other.query("begin");
      await other.query(`insert into "Officer" (id, "departmentId", "givenName", "familyName", "hiredOn", "updatedAt")
                         select 'LATE-' || i, (select id from "Department"), 'A', 'B', '2020-01-01', now() from generate_series(1, 5) i`);
      const running = queryInOneSnapshot<{ n: number }>(db, [slowCount, slowCount, count]);
      // Committed while the first two run; the third statement only starts once one of them is done.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await other.query("commit");
      const parts = await running;
      expect(parts.map((rows) => rows[0]!.n)).toEqual([3, 3, 3]);
    } finally {
      await other.end();
    }
    const [after] = await queryInOneSnapshot<{ n: number }>(db, [count]);
    expect(after![0]!.n).toBe(8);
  });

  it("the parts merged equal the single statement, outside and inside a transaction", async () => {
    const db = test.current.db;
    await clearDataset(db);
    await loadDataset(
      db,
      dataset(
        {
          departments: [
            { code: "A", kind: "MUNICIPAL" },
            { code: "B", kind: "MUNICIPAL" },
            { code: "S", kind: "STATE" },
          ],
        },
        { officers: [...staff("A", 4, "A-O"), ...staff("B", 2, "B-O"), ...staff("S", 3, "S-O")] },
        { vetting: [{ officer: "A-O1", evaluatedOn: "2025-01-01", result: "APPROVED", validUntil: "2028-01-01" }] },
        { vetting: [{ officer: "B-O1", evaluatedOn: "2025-01-01", result: "NOT_APPROVED", validUntil: "2025-01-01" }] },
        { training: [{ officer: "A-O2", course: "FORMACION_INICIAL", completedOn: "2026-01-01", hours: "40.00" }] },
        {
          complaints: ["A", "A", "A", "B", "S"].map((department, i) => ({
            ref: `Q${i}`,
            department,
            receivedOn: "2026-05-01",
            source: "CNDH" as const,
            category: "CORRUPTION" as const,
            status: "RECEIVED" as const,
          })),
        },
      ),
    );
    const { rules } = await loadRuleSetVersion(db);
    const concurrent = await evaluateDepartments(db, rules, D, undefined, { split: true });
    expect(concurrent).toEqual(await evaluateDepartments(db, rules, D, undefined, { split: false }));
    expect(concurrent).toEqual(await db.$transaction((tx) => evaluateDepartments(tx, rules, D)));
    expect(concurrent.map((e) => [e.code, e.n])).toEqual([
      ["A", 4],
      ["B", 2],
      ["S", 3],
    ]);
  });
});
