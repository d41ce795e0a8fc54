import { beforeAll, describe, expect, it } from "vitest";
import { runEvaluation } from "~/server/evaluations/run-evaluation";
import { getReceivership } from "~/server/receivership/list-receiverships";
import { useTestDatabase } from "../support/database";
import { createUser, proposeForNewDepartment, type TestUser } from "../support/workflow-fixtures";

const test = useTestDatabase();
let supervisor: TestUser;

beforeAll(async () => {
  supervisor = await createUser(test.current.db, "IA_SUPERVISOR");
});

const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

/** The real evaluator, persisting a run, moves a live case's exit criteria in the same transaction. */
describe("a persisted evaluation run", () => {
  it("updates the exit criteria from the computed metrics, and a backtest does not", async () => {
    const { db } = test.current;
    const { id, department } = await proposeForNewDepartment(db, supervisor);
    const officers = ["A", "B", "C", "D"].map((x) => `CUIP-EV-${department.id}-${x}`);
    for (const officerId of officers) {
      await db.officer.create({
        data: { id: officerId, departmentId: department.id, givenName: "Ana", familyName: "Ruiz", hiredOn: day("2020-01-01") },
      });
    }
    // Three of four hold a current approval at 2026-06-30: vetting coverage 75 %.
    for (const officerId of officers.slice(0, 3)) {
      await db.vettingEvaluation.create({
        data: { officerId, evaluatedOn: day("2026-01-15"), result: "APPROVED", validUntil: day("2029-01-15") },
      });
    }
    await runEvaluation(db, { asOf: "2026-06-30", trigger: "MANUAL", actor: { userId: null } });
    const criteria = async () =>
      Object.fromEntries((await getReceivership(db, supervisor, id)).exitCriteria.map((c) => [c.ruleId, [c.currentValue, c.met]]));
    expect(await criteria()).toEqual({
      "vetting-coverage": [75, false],
      "failed-vetting-on-duty": [0, true],
      "training-compliance": [0, false],
    });

    await db.vettingEvaluation.create({
      data: { officerId: officers[3]!, evaluatedOn: day("2026-07-01"), result: "APPROVED", validUntil: day("2029-07-01") },
    });
    await runEvaluation(db, { asOf: "2026-07-31", trigger: "BACKTEST", actor: { userId: null } });
    expect((await criteria())["vetting-coverage"]).toEqual([75, false]);
    await runEvaluation(db, { asOf: "2026-07-31", trigger: "MANUAL", actor: { userId: null } });
    expect((await criteria())["vetting-coverage"]).toEqual([100, true]);
  });
});
