import { beforeAll, describe, expect, it } from "vitest";
import { getReceivership } from "~/server/receivership/list-receiverships";
import { proposeReceivership } from "~/server/receivership/propose";
import { updateExitCriteriaFromRun } from "~/server/receivership/update-exit-criteria";
import { useTestDatabase } from "../support/database";
import {
  createDepartment,
  createRun,
  createUser,
  proposeForNewDepartment,
  RECEIVERSHIP_TERMS,
  type RuleFigure,
  type TestUser,
} from "../support/workflow-fixtures";

const test = useTestDatabase();
let supervisor: TestUser;

beforeAll(async () => {
  supervisor = await createUser(test.current.db, "IA_SUPERVISOR");
});

const proposal = () => proposeForNewDepartment(test.current.db, supervisor);

async function persist(
  departmentId: number,
  asOf: string,
  rules: RuleFigure[],
  options: Parameters<typeof createRun>[1] extends infer T ? Partial<T> : never = {},
) {
  const { run } = await createRun(test.current.db, { asOf, results: [{ departmentId, level: "NONE", rules }], ...options });
  const result = await test.current.db.$transaction((tx) => updateExitCriteriaFromRun(tx, run.id));
  return { run, result };
}

const criteria = async (id: number) =>
  Object.fromEntries(
    (await getReceivership(test.current.db, supervisor, id)).exitCriteria.map((c) => [c.ruleId, { value: c.currentValue, met: c.met }]),
  );

describe("updateExitCriteriaFromRun", () => {
  it("sets each criterion's value and met state exactly at the threshold boundaries", async () => {
    const cases = [
      {
        rules: [
          { id: "vetting-coverage", value: 95 },
          { id: "failed-vetting-on-duty", value: 0 },
          { id: "training-compliance", value: 90 },
        ],
        met: [true, true, true],
      },
      {
        rules: [
          { id: "vetting-coverage", value: 94.99 },
          { id: "failed-vetting-on-duty", value: 1 },
          { id: "training-compliance", value: 89.99999999 },
        ],
        met: [false, false, false],
      },
      {
        rules: [
          { id: "vetting-coverage", value: 95.01 },
          { id: "failed-vetting-on-duty", value: 0 },
          { id: "training-compliance", value: 100 },
        ],
        met: [true, true, true],
      },
    ];
    for (const c of cases) {
      const { id, department } = await proposal();
      await persist(department.id, "2026-06-30", c.rules);
      const got = await criteria(id);
      expect([got["vetting-coverage"]?.met, got["failed-vetting-on-duty"]?.met, got["training-compliance"]?.met]).toEqual(c.met);
      expect(got["vetting-coverage"]?.value).toBe(c.rules[0]!.value);
    }
  });

  it("decides on the exact value, not on the value rounded for storage", async () => {
    const { id, department } = await proposal();
    // 94.99999999999 is stored as 95.0000000000 (10 decimals) but is below 95.
    await persist(department.id, "2026-06-30", [{ id: "vetting-coverage", value: 94.99999999999 }]);
    expect((await criteria(id))["vetting-coverage"]).toEqual({ value: 95, met: false });
  });

  it("leaves a criterion unmet when the rule has no value (insufficient data) and untouched when the run lacks the rule", async () => {
    const { id, department } = await proposal();
    await persist(department.id, "2026-06-30", [{ id: "vetting-coverage", value: null }]);
    const got = await criteria(id);
    expect(got["vetting-coverage"]).toEqual({ value: null, met: false });
    expect(got["training-compliance"]).toEqual({ value: null, met: null });
  });

  it("ignores backtests, draft rule-set versions and runs older than the values already shown", async () => {
    const { id, department } = await proposal();
    await persist(department.id, "2026-06-30", [{ id: "vetting-coverage", value: 80 }]);
    await persist(department.id, "2026-07-31", [{ id: "vetting-coverage", value: 99 }], { trigger: "BACKTEST" });
    await persist(department.id, "2026-07-31", [{ id: "vetting-coverage", value: 98 }], { ruleSetStatus: "DRAFT" });
    await persist(department.id, "2026-05-31", [{ id: "vetting-coverage", value: 97 }]);
    expect((await criteria(id))["vetting-coverage"]).toEqual({ value: 80, met: false });
    await persist(department.id, "2026-06-30", [{ id: "vetting-coverage", value: 96 }]);
    expect((await criteria(id))["vetting-coverage"]).toEqual({ value: 96, met: true });
  });

  it("touches only live cases of the departments in the run, and audits each case whose criteria moved", async () => {
    const { db } = test.current;
    const a = await proposal();
    const b = await proposal();
    await db.receivershipCase.update({ where: { id: b.id }, data: { status: "WITHDRAWN" } });
    const { run } = await createRun(db, {
      asOf: "2026-06-30",
      results: [
        { departmentId: a.department.id, level: "NONE", rules: [{ id: "vetting-coverage", value: 50 }] },
        { departmentId: b.department.id, level: "NONE", rules: [{ id: "vetting-coverage", value: 50 }] },
      ],
    });
    const first = await db.$transaction((tx) => updateExitCriteriaFromRun(tx, run.id));
    expect(first.updated).toBe(1);
    expect((await criteria(b.id))["vetting-coverage"]).toEqual({ value: null, met: null });
    const events = await db.auditEvent.findMany({ where: { action: "receivership.exitCriteria.update", targetId: String(a.id) } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: null, stateCode: "16", metadata: { runId: run.id } });
    expect(Object.values(events[0]!.changes as object)).toEqual([
      { before: { value: null, met: null }, after: { value: "50", met: false } },
    ]);
    // The same figures again: recorded as the latest run, but no new audit event.
    await db.$transaction((tx) => updateExitCriteriaFromRun(tx, run.id));
    expect(await db.auditEvent.count({ where: { action: "receivership.exitCriteria.update", targetId: String(a.id) } })).toBe(1);
  });

  it("fills a new proposal's criteria from the department's latest published evaluation", async () => {
    const { db } = test.current;
    const department = await createDepartment(db, "16");
    await createRun(db, {
      asOf: "2026-05-31",
      results: [{ departmentId: department.id, level: "WATCH", rules: [{ id: "vetting-coverage", value: 70 }] }],
    });
    await createRun(db, {
      asOf: "2026-06-30",
      results: [{ departmentId: department.id, level: "WATCH", rules: [{ id: "vetting-coverage", value: 85.5 }] }],
    });
    await createRun(db, {
      asOf: "2026-07-31",
      trigger: "BACKTEST",
      results: [{ departmentId: department.id, level: "NONE", rules: [{ id: "vetting-coverage", value: 99 }] }],
    });
    const { id } = await proposeReceivership(db, supervisor, { departmentCode: department.code, ...RECEIVERSHIP_TERMS });
    expect((await criteria(id))["vetting-coverage"]).toEqual({ value: 85.5, met: false });
  });
});
