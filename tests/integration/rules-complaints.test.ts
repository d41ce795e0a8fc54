import { describe, expect, it } from "vitest";
import type { ComplaintCategory, ComplaintSource, ComplaintStatus } from "~/generated/prisma/enums";
import { useTestDatabase } from "../support/database";
import { type Dataset, addDays, dataset, staff } from "../support/rules-dataset";
import { evaluateDataset, ruleOf } from "../support/rules-harness";

const test = useTestDatabase();
const D = "2026-06-30";
const CODE = "MX-16-001-MUN";
const A = { departments: [{ code: CODE, kind: "MUNICIPAL" as const }], officers: staff(CODE, 10, "O") };

let sequence = 0;
function complaint(
  receivedOn: string,
  fields: { source?: ComplaintSource; category?: ComplaintCategory; status?: ComplaintStatus; resolvedOn?: string | null } = {},
) {
  const status = fields.status ?? "RECEIVED";
  return {
    ref: `Q-${++sequence}`,
    department: CODE,
    receivedOn,
    source: fields.source ?? "CITIZEN",
    category: fields.category ?? "OTHER",
    status,
    resolvedOn:
      fields.resolvedOn !== undefined
        ? fields.resolvedOn
        : ["SUSTAINED", "NOT_SUSTAINED", "UNFOUNDED"].includes(status)
          ? receivedOn
          : null,
  };
}
const run = async (complaints: Dataset["complaints"], rule: string) =>
  ruleOf(await evaluateDataset(test.current.db, dataset(A, { complaints }), D), CODE, rule);

describe("serious-abuse (S)", () => {
  const sustained = (receivedOn: string, resolvedOn: string | null = receivedOn, category: ComplaintCategory = "TORTURE") =>
    complaint(receivedOn, { category, status: "SUSTAINED", resolvedOn });

  it.each([
    [0, "NONE"],
    [1, "REVIEW"],
    [2, "REVIEW"],
    [3, "RECEIVERSHIP"],
    [4, "RECEIVERSHIP"],
  ])("S = %i → %s", async (count, level) => {
    const categories: ComplaintCategory[] = ["TORTURE", "FORCED_DISAPPEARANCE", "EXTRAJUDICIAL_KILLING", "SEXUAL_ABUSE"];
    const complaints = categories.slice(0, count).map((c) => sustained("2026-01-10", "2026-03-01", c));
    expect(await run(complaints, "serious-abuse")).toEqual({ id: "serious-abuse", level, value: count });
  });

  it("counts received_on in (D − 730, D] and resolved_on ≤ D only", async () => {
    expect(await run([sustained(addDays(D, -729), "2025-01-01")], "serious-abuse")).toMatchObject({ value: 1 });
    expect(await run([sustained(addDays(D, -730), "2025-01-01")], "serious-abuse")).toMatchObject({ value: 0 });
    expect(await run([sustained(D, D)], "serious-abuse")).toMatchObject({ value: 1 });
    expect(await run([sustained(D, addDays(D, 1))], "serious-abuse")).toMatchObject({ value: 0 });
    expect(await run([sustained(addDays(D, 1), addDays(D, 1))], "serious-abuse")).toMatchObject({ value: 0 });
  });

  it("counts only SUSTAINED complaints of the four serious categories", async () => {
    const complaints = [
      complaint("2026-01-01", { category: "TORTURE", status: "NOT_SUSTAINED" }),
      complaint("2026-01-01", { category: "TORTURE", status: "INVESTIGATING" }),
      complaint("2026-01-01", { category: "EXCESSIVE_FORCE", status: "SUSTAINED" }),
      complaint("2026-01-01", { category: "SEXUAL_ABUSE", status: "SUSTAINED" }),
    ];
    expect(await run(complaints, "serious-abuse")).toEqual({ id: "serious-abuse", level: "REVIEW", value: 1 });
  });
});

describe("human-rights-recommendations (H)", () => {
  it("fires REVIEW at H = 2 (CNDH and state commissions, any status but WITHDRAWN) and not at H = 1", async () => {
    const one = [complaint("2026-01-01", { source: "CNDH" }), complaint("2026-01-01", { source: "CITIZEN" })];
    expect(await run(one, "human-rights-recommendations")).toEqual({ id: "human-rights-recommendations", level: "NONE", value: 1 });
    const two = [
      complaint("2026-01-01", { source: "CNDH", status: "UNFOUNDED" }),
      complaint("2026-01-01", { source: "STATE_COMMISSION" }),
      complaint("2026-01-01", { source: "CNDH", status: "WITHDRAWN" }),
    ];
    expect(await run(two, "human-rights-recommendations")).toEqual({ id: "human-rights-recommendations", level: "REVIEW", value: 2 });
  });

  it("counts received_on in (D − 365, D]", async () => {
    const at = (day: string) => [complaint(day, { source: "CNDH" }), complaint("2026-02-01", { source: "CNDH" })];
    expect(await run(at(addDays(D, -364)), "human-rights-recommendations")).toMatchObject({ value: 2, level: "REVIEW" });
    expect(await run(at(D), "human-rights-recommendations")).toMatchObject({ value: 2 });
    expect(await run(at(addDays(D, -365)), "human-rights-recommendations")).toMatchObject({ value: 1, level: "NONE" });
    expect(await run(at(addDays(D, 1)), "human-rights-recommendations")).toMatchObject({ value: 1 });
  });
});

describe("corruption-not-reduced (K0, K1, K2)", () => {
  const corruption = (receivedOn: string, count: number, status: ComplaintStatus = "INVESTIGATING") =>
    Array.from({ length: count }, (_, i) =>
      complaint(receivedOn, { category: (["CORRUPTION", "COLLUSION", "EXTORTION"] as const)[i % 3], status }),
    );
  const periods = (k0: number, k1: number, k2: number) => [
    ...corruption("2026-03-01", k0),
    ...corruption("2025-03-01", k1),
    ...corruption("2024-03-01", k2),
  ];

  it.each([
    [2, 0, 0, "NONE"],
    [3, 0, 0, "REVIEW"],
    [3, 3, 0, "RECEIVERSHIP"],
    [3, 3, 3, "RECEIVERSHIP"],
    [3, 3, 4, "REVIEW"],
    [3, 4, 0, "NONE"],
    [4, 2, 9, "REVIEW"],
    [5, 4, 4, "RECEIVERSHIP"],
  ])("K0 = %i, K1 = %i, K2 = %i → %s", async (k0, k1, k2, level) => {
    expect(await run(periods(k0, k1, k2), "corruption-not-reduced")).toEqual({ id: "corruption-not-reduced", level, value: k0, k1, k2 });
  });

  it("puts D − 365 in K1, D − 730 in K2, drops D − 1095, and ignores UNFOUNDED and WITHDRAWN", async () => {
    const complaints = [
      ...corruption(D, 1),
      ...corruption(addDays(D, -364), 1),
      ...corruption(addDays(D, -365), 1),
      ...corruption(addDays(D, -729), 1),
      ...corruption(addDays(D, -730), 1),
      ...corruption(addDays(D, -1094), 1),
      ...corruption(addDays(D, -1095), 1),
      ...corruption(addDays(D, 1), 1),
      ...corruption("2026-01-01", 2, "UNFOUNDED"),
      ...corruption("2026-01-01", 1, "WITHDRAWN"),
      complaint("2026-01-01", { category: "EXCESSIVE_FORCE" }),
    ];
    expect(await run(complaints, "corruption-not-reduced")).toEqual({
      id: "corruption-not-reduced",
      level: "NONE",
      value: 2,
      k1: 2,
      k2: 2,
    });
  });
});
