import { beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "~/server/authz/scope";
import { explainDepartment } from "~/server/evaluations/explain-department";
import { runEvaluation } from "~/server/evaluations/run-evaluation";
import { useTestDatabase } from "../support/database";
import { dataset, loadDataset, staff } from "../support/rules-dataset";
import { callerFor } from "../support/trpc-context";

const test = useTestDatabase();
const D = "2026-06-30";
const analyst: Scope = { userId: 1, role: "IA_ANALYST", stateCode: null };
const jaliscoAg: Scope = { userId: 2, role: "STATE_AG", stateCode: "14" };
let runId = 0;

beforeAll(async () => {
  const poor = staff("MICH-1", 4, "P");
  const peers = [...staff("MICH-2", 10, "Q"), ...staff("MICH-3", 12, "R")];
  const approved = (officer: string) => ({ officer, evaluatedOn: "2025-01-01", result: "APPROVED" as const, validUntil: "2028-01-01" });
  await loadDataset(
    test.current.db,
    dataset({
      departments: [
        { code: "MICH-1", kind: "MUNICIPAL" },
        { code: "MICH-2", kind: "MUNICIPAL" },
        { code: "MICH-3", kind: "MUNICIPAL" },
        { code: "JAL-1", kind: "MUNICIPAL", stateCode: "14" },
      ],
      officers: [...poor, ...peers, ...staff("JAL-1", 2, "J")],
      vetting: [
        approved("P1"),
        { officer: "P2", evaluatedOn: "2026-01-01", result: "NOT_APPROVED", validUntil: "2029-01-01" },
        ...peers.map((o) => approved(o.id)),
      ],
      complaints: [
        {
          ref: "CNDH-77",
          department: "MICH-1",
          receivedOn: "2026-02-01",
          source: "CNDH",
          category: "TORTURE",
          status: "SUSTAINED",
          resolvedOn: "2026-05-01",
        },
      ],
    }),
  );
  runId = (await runEvaluation(test.current.db, { asOf: D, trigger: "CLI", actor: { userId: null } })).runId;
});

describe("explainDepartment", () => {
  it("explains a live evaluation: figures, thresholds, peer percentile and every record counted, and audits the view", async () => {
    const { db } = test.current;
    const explanation = await explainDepartment(db, analyst, "MICH-1", { asOf: D });
    expect(explanation).toMatchObject({
      source: { kind: "live" },
      asOf: D,
      ruleSet: { id: "federal-baseline", version: 1 },
      level: "RECEIVERSHIP",
    });
    const coverage = explanation.rules[0]!;
    expect(coverage).toMatchObject({
      id: "vetting-coverage",
      level: "RECEIVERSHIP",
      value: 25,
      threshold: "V < 50",
      thresholds: [
        { level: "RECEIVERSHIP", condition: "V < 50" },
        { level: "REVIEW", condition: "V < 75" },
        { level: "WATCH", condition: "V < 90" },
      ],
      // MICH-1 (25), MICH-2 (100), MICH-3 (100), JAL-1 (0): all municipal with N < 50.
      percentile: { band: "<50", peers: 4, percentile: 37.5 },
    });
    expect(coverage.records!.map((r) => [r.bucket, r.officerId])).toEqual([
      ["approved", "P1"],
      ["not_approved", "P2"],
      ["not_approved", "P3"],
      ["not_approved", "P4"],
    ]);
    expect(explanation.rules[1]).toMatchObject({
      id: "failed-vetting-on-duty",
      level: "REVIEW",
      value: 1,
      records: [{ bucket: "failed", officerId: "P2" }],
    });
    expect(explanation.rules[3]).toMatchObject({
      id: "serious-abuse",
      level: "REVIEW",
      records: [{ bucket: "counted", complaintRef: "CNDH-77" }],
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "evaluation.explain" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: 1, targetType: "Department", targetId: "MICH-1", stateCode: "16" });
  });

  it("explains a stored run from what the run stored", async () => {
    const explanation = await explainDepartment(test.current.db, analyst, "MICH-1", { runId });
    expect(explanation).toMatchObject({
      source: { kind: "run", runId },
      asOf: D,
      level: "RECEIVERSHIP",
      department: { activeOfficers: 4 },
    });
    // A stored run keeps the records behind fired rules only: the shortfall for coverage.
    expect(explanation.rules[0]!.records!.map((r) => r.officerId)).toEqual(["P2", "P3", "P4"]);
    expect(explanation.rules[0]!.percentile).toEqual({ band: "<50", peers: 4, percentile: 37.5 });
    expect(explanation.rules[4]).toMatchObject({ id: "human-rights-recommendations", level: "NONE", value: 1, records: null });
  });

  it("treats departments outside the caller's scope, unknown runs and bad input as not found or rejected", async () => {
    const { db } = test.current;
    await expect(explainDepartment(db, jaliscoAg, "MICH-1", { asOf: D })).rejects.toThrow("Department not found");
    await expect(explainDepartment(db, jaliscoAg, "NOPE", { asOf: D })).rejects.toThrow("Department not found");
    await expect(explainDepartment(db, analyst, "MICH-1", { runId: runId + 999 })).rejects.toThrow(/not found/);
    await expect(explainDepartment(db, analyst, "MICH-1", { asOf: "2026-02-30" })).rejects.toThrow("Invalid evaluation date");
    await expect(explainDepartment(db, analyst, "MICH-1", { asOf: D, runId })).rejects.toThrow("either a run or an evaluation date");
    expect((await explainDepartment(db, jaliscoAg, "JAL-1", { runId })).level).toBe("RECEIVERSHIP");
  });
});

describe("evaluations router", () => {
  it("serves explain, latestRun and departmentHistory within the caller's scope", async () => {
    const { db } = test.current;
    const national = callerFor(db, analyst);
    const jalisco = callerFor(db, jaliscoAg);
    expect(await national.evaluations.latestRun({})).toMatchObject({
      runId,
      asOf: D,
      ruleSet: { id: "federal-baseline", version: 1 },
      departments: 4,
      levels: { NONE: 0, WATCH: 0, REVIEW: 2, RECEIVERSHIP: 2 },
      openRecommendations: 4,
    });
    expect(await jalisco.evaluations.latestRun({})).toMatchObject({ departments: 1, levels: { RECEIVERSHIP: 1 }, openRecommendations: 1 });
    const history = await national.evaluations.departmentHistory({ departmentCode: "MICH-2" });
    // Fully vetted but untrained: training-compliance T = 0 → REVIEW.
    expect(history).toEqual([expect.objectContaining({ runId, asOf: D, level: "REVIEW", trigger: "CLI" })]);
    expect(history[0]!.rules[0]).toEqual({ id: "vetting-coverage", level: "NONE", value: 100 });
    await expect(jalisco.evaluations.departmentHistory({ departmentCode: "MICH-2" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(jalisco.evaluations.explain({ departmentCode: "MICH-2", runId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(national.evaluations.explain({ departmentCode: "MICH-2", runId, asOf: D })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await national.evaluations.explain({ departmentCode: "MICH-2", runId })).level).toBe("REVIEW");
  });
});
