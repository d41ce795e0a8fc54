import { describe, expect, it } from "vitest";
import { departmentDossier } from "~/server/departments/dossier";
import { departmentFilterOptions } from "~/server/departments/filter-options";
import { listDepartments } from "~/server/departments/list-departments";
import { ZListDepartmentsInput } from "~/server/departments/list-input";
import { runEvaluation } from "~/server/evaluations/run-evaluation";
import { useTestDatabase } from "../support/database";
import { callerFor } from "../support/trpc-context";
import { D, analyst, buildDashboardFixture, michoacanAg } from "./dashboard-fixture";

/**
 * The dashboard against a run stored by the real evaluator (federal-baseline v1 at D), not the
 * fixture's hand-written results: the persisted `rules` shape drives the "rule fired" filter, the
 * filter options, and the dossier's "why" (the rules module's explanation of the same run).
 * By hand at D = 2026-06-30: Morelia V = 1/3 (RECEIVERSHIP), F = 1 (B3 failed exactly D − 90: REVIEW),
 * S = 1 (REVIEW); Guadalajara V = 1/3 (RECEIVERSHIP), F = 0 (C3 failed only 60 days before D).
 */
const test = useTestDatabase();
const codes = async (input: Record<string, unknown>) =>
  (await listDepartments(test.current.db, analyst, ZListDepartmentsInput.parse(input), D)).rows.map((r) => r.code);

describe("dashboard over a persisted evaluation run", () => {
  it("builds the fixture and persists federal-baseline v1 at D after it", async () => {
    await buildDashboardFixture(test.current.db);
    const outcome = await runEvaluation(test.current.db, { asOf: D, trigger: "CLI", actor: { userId: null } });
    expect(outcome.ruleSetId).toBe("federal-baseline");
  });

  it("filters by rule fired on the stored shape", async () => {
    expect(await codes({ rule: "vetting-coverage" })).toEqual(["MX-14-039-MUN", "MX-16-053-MUN"]);
    expect(await codes({ rule: "failed-vetting-on-duty" })).toEqual(["MX-16-053-MUN"]);
    expect(await codes({ rule: "serious-abuse" })).toEqual(["MX-16-053-MUN"]);
    expect(await codes({ rule: "training-compliance" })).toEqual(["MX-14-039-MUN", "MX-16-053-MUN"]);
    expect(await codes({ rule: "complaint-rate" })).toEqual([]);
    expect(await codes({ level: "RECEIVERSHIP" })).toEqual(["MX-14-039-MUN", "MX-16-053-MUN"]);
  });

  it("offers every rule of the run as a filter choice", async () => {
    expect((await departmentFilterOptions(test.current.db, analyst)).ruleIds).toEqual([
      "complaint-rate",
      "corruption-not-reduced",
      "failed-vetting-on-duty",
      "human-rights-recommendations",
      "serious-abuse",
      "training-compliance",
      "vetting-coverage",
    ]);
  });

  it("explains the dossier's level from the same run, with the records behind each fired rule", async () => {
    const { db } = test.current;
    const dossier = await departmentDossier(db, michoacanAg, { userId: 2, role: "STATE_AG" }, "MX-16-053-MUN", D);
    expect(dossier.evaluation).toMatchObject({ asOf: D, level: "RECEIVERSHIP", ruleSetId: "federal-baseline", ruleSetVersion: 1 });
    const explanation = await callerFor(db, michoacanAg).evaluations.explain({
      departmentCode: "MX-16-053-MUN",
      runId: dossier.evaluation!.runId,
    });
    const byId = new Map(explanation.rules.map((r) => [r.id, r]));
    expect(byId.get("vetting-coverage")).toMatchObject({ level: "RECEIVERSHIP", threshold: "V < 50" });
    expect(
      byId
        .get("vetting-coverage")
        ?.records?.map((r) => r.officerId)
        .sort(),
    ).toEqual(["B2", "B3"]);
    expect(byId.get("failed-vetting-on-duty")?.records?.map((r) => r.officerId)).toEqual(["B3"]);
    expect(byId.get("serious-abuse")?.records?.map((r) => r.complaintRef)).toEqual(["Q-16-0001"]);
    // Both municipal departments have 3 active officers (same size band): Morelia's V equals Guadalajara's.
    expect(byId.get("vetting-coverage")?.percentile).toEqual({ band: "<50", peers: 2, percentile: 50 });
  });
});
