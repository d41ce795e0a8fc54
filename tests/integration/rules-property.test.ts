import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateDepartments } from "~/server/rules/evaluate";
import { machineReadable } from "~/server/rules/output";
import { loadRuleSetVersion } from "~/server/rules/rule-sets";
import { useTestDatabase } from "../support/database";
import { type Dataset, addDays, clearDataset, loadDataset } from "../support/rules-dataset";
import { referenceEvaluate } from "../support/rules-reference";

const test = useTestDatabase();

// Offsets from D that sit on or next to every window edge, mixed with arbitrary days.
const EDGES = [0, -1, 1, -89, -90, -91, -364, -365, -366, -729, -730, -731, -1094, -1095, -1096];
const offset = fc.oneof(fc.constantFrom(...EDGES), fc.integer({ min: -1200, max: 40 }));
const pastOffset = fc.oneof(fc.constantFrom(0, 1, -1, -365), fc.integer({ min: -4000, max: -1 }));
const hours = fc.oneof(
  fc.constantFrom("13.33", "13.34", "40.00", "39.99", "20.00", "0.01"),
  fc.integer({ min: 500, max: 4500 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`),
);
const asOf = fc.constantFrom("2026-06-30", "2028-02-29", "2028-03-01", "2025-01-01");
const weighted = <T>(...choices: [T, number][]) => fc.oneof(...choices.map(([v, weight]) => ({ arbitrary: fc.constant(v), weight })));

// A handful of departments with dense records per officer, so that across the runs every rule
// reaches every one of its levels (asserted below) while values still land on the window edges.
const vettingRecord = fc.record({
  on: offset,
  result: weighted<string>(["APPROVED", 4], ["NOT_APPROVED", 3], ["PENDING", 1]),
  valid: fc.integer({ min: 0, max: 1200 }),
});
const trainingRecord = fc.record({ initial: fc.boolean(), on: offset, hours });
const scenario = asOf.chain((D) =>
  fc
    .record({
      departments: fc.array(
        fc.record({ kind: weighted<"MUNICIPAL" | "STATE">(["MUNICIPAL", 4], ["STATE", 1]), quality: fc.integer({ min: 0, max: 10 }) }),
        { minLength: 1, maxLength: 5 },
      ),
      officers: fc.array(
        fc.record({
          dept: weighted([0, 3], [1, 1], [2, 1], [3, 1], [4, 1]),
          hired: pastOffset,
          separated: fc.option(offset, { nil: null, freq: 6 }),
          // Approved and trained (else failed at D - 400), unless a random later record masks it, with a
          // probability set by the department's quality: coverage, training and failures hit every band.
          compliant: fc.integer({ min: 0, max: 9 }),
          vetting: fc.array(vettingRecord, { maxLength: 3, size: "max" }),
          training: fc.array(trainingRecord, { maxLength: 4, size: "max" }),
        }),
        { minLength: 4, maxLength: 30, size: "max" },
      ),
      complaints: fc.array(
        fc.record({
          dept: weighted([0, 4], [1, 1], [2, 1], [3, 1], [4, 1]),
          received: fc.oneof(offset, fc.integer({ min: -364, max: 0 })),
          resolvedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
          source: fc.constantFrom("CITIZEN", "CNDH", "STATE_COMMISSION", "INTERNAL", "MEDIA", "OTHER"),
          category: fc.constantFrom("TORTURE", "SEXUAL_ABUSE", "EXCESSIVE_FORCE", "CORRUPTION", "COLLUSION", "EXTORTION", "OTHER"),
          status: weighted<string>(
            ["RECEIVED", 1],
            ["INVESTIGATING", 1],
            ["SUSTAINED", 3],
            ["NOT_SUSTAINED", 1],
            ["UNFOUNDED", 1],
            ["WITHDRAWN", 1],
          ),
        }),
        { maxLength: 45, size: "max" },
      ),
    })
    .map((raw) => ({ D, data: toDataset(D, raw) })),
);

type Raw = {
  departments: { kind: "MUNICIPAL" | "STATE"; quality: number }[];
  officers: {
    dept: number;
    hired: number;
    separated: number | null;
    compliant: number;
    vetting: { on: number; result: string; valid: number }[];
    training: { initial: boolean; on: number; hours: string }[];
  }[];
  complaints: { dept: number; received: number; resolvedAfter: number | null; source: string; category: string; status: string }[];
};

function toDataset(D: string, raw: Raw): Dataset {
  const departments = raw.departments.map((d, i) => ({ code: `D-${String(i).padStart(2, "0")}`, kind: d.kind }));
  const dept = (i: number) => departments[i % departments.length]!.code;
  const quality = (i: number) => raw.departments[i % raw.departments.length]!.quality;
  const compliant = raw.officers.map((o) => o.compliant < quality(o.dept));
  const officers = raw.officers.map((o, i) => ({
    id: `O${i}`,
    department: dept(o.dept),
    hiredOn: addDays(D, o.hired),
    separatedOn: o.separated === null ? null : addDays(D, Math.max(o.hired, o.separated)),
  }));
  const unique = <T>(items: T[], key: (t: T) => string) => [...new Map(items.map((t) => [key(t), t])).values()];
  const vetting = unique(
    raw.officers.flatMap((o, i) =>
      [{ on: -400, result: compliant[i] ? "APPROVED" : "NOT_APPROVED", valid: 1200 }, ...o.vetting].map((v) => {
        const evaluatedOn = addDays(D, v.on);
        return { officer: `O${i}`, evaluatedOn, result: v.result as "APPROVED", validUntil: addDays(evaluatedOn, v.valid) };
      }),
    ),
    (v) => `${v.officer}/${v.evaluatedOn}`,
  );
  const training = unique(
    raw.officers.flatMap((o, i) =>
      [...(compliant[i] ? [{ initial: true, on: -200, hours: "40.00" }] : []), ...o.training].map((t) => ({
        officer: `O${i}`,
        course: t.initial ? "FORMACION_INICIAL" : "DERECHOS_HUMANOS",
        completedOn: addDays(D, t.on),
        hours: t.hours,
      })),
    ),
    (t) => `${t.officer}/${t.course}/${t.completedOn}`,
  );
  const complaints = raw.complaints.map((c, i) => {
    const receivedOn = addDays(D, c.received);
    return {
      ref: `Q-${i}`,
      department: dept(c.dept),
      receivedOn,
      source: c.source as "CNDH",
      category: c.category as "TORTURE",
      status: c.status as "SUSTAINED",
      resolvedOn: c.resolvedAfter === null ? null : addDays(receivedOn, c.resolvedAfter),
    };
  });
  return { departments, officers, vetting, training, complaints };
}

describe("federal-baseline v1: SQL engine against the plain reference implementation", () => {
  it("gives the same levels and the same values on random small datasets", async () => {
    const { db } = test.current;
    const version = await loadRuleSetVersion(db);
    // Which (rule, level) pairs the runs reached: proves the data exercises the thresholds.
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(scenario, async ({ D, data }) => {
        await clearDataset(db);
        await loadDataset(db, data);
        const engine = machineReadable(await evaluateDepartments(db, version.rules, D));
        expect(engine).toEqual(referenceEvaluate(data, D));
        // The concurrent parts (used from a few thousand officers) give the same answer.
        expect(machineReadable(await evaluateDepartments(db, version.rules, D, undefined, { split: true }))).toEqual(engine);
        for (const department of engine) for (const rule of department.rules) reached.add(`${rule.id}:${rule.level}`);
      }),
      { numRuns: 80, seed: Number(process.env.RULES_PROPERTY_SEED ?? 20261128) },
    );
    expect([...reached].sort()).toEqual(
      [
        "complaint-rate:NONE",
        "complaint-rate:WATCH",
        "corruption-not-reduced:NONE",
        "corruption-not-reduced:REVIEW",
        "corruption-not-reduced:RECEIVERSHIP",
        "failed-vetting-on-duty:NONE",
        "failed-vetting-on-duty:REVIEW",
        "failed-vetting-on-duty:RECEIVERSHIP",
        "human-rights-recommendations:NONE",
        "human-rights-recommendations:REVIEW",
        "serious-abuse:NONE",
        "serious-abuse:REVIEW",
        "serious-abuse:RECEIVERSHIP",
        "training-compliance:NONE",
        "training-compliance:WATCH",
        "training-compliance:REVIEW",
        "vetting-coverage:NONE",
        "vetting-coverage:WATCH",
        "vetting-coverage:REVIEW",
        "vetting-coverage:RECEIVERSHIP",
      ].sort(),
    );
  });
});
