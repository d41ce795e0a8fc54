import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEMO_REFERENCE_DATE, demoAsOf } from "~/server/demo/calendar";
import { generateDemoData } from "~/server/demo/generate";
import type { DemoRows } from "~/server/demo/rows";
import { inegiCatalogue } from "../support/demo-data";
import type { Dataset } from "../support/rules-dataset";
import { referenceEvaluate } from "../support/rules-reference";

const { states, municipalities } = inegiCatalogue();

function digest(rows: DemoRows): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(rows.departments));
  for (const table of [rows.officers, rows.training, rows.vetting, rows.complaints, rows.complaintOfficers]) {
    hash.update(JSON.stringify(table.columns));
  }
  return hash.digest("hex");
}

function asDataset(rows: DemoRows): Dataset {
  const o = rows.officers.columns;
  const t = rows.training.columns;
  const v = rows.vetting.columns;
  const c = rows.complaints.columns;
  const s = (x: unknown) => x as string;
  return {
    departments: rows.departments.map((d) => ({ code: d.code, kind: d.kind, stateCode: d.stateCode })),
    officers: o.id.map((id, i) => ({
      id: s(id),
      department: s(o.departmentCode[i]),
      hiredOn: s(o.hiredOn[i]),
      separatedOn: o.separatedOn[i] as string | null,
    })),
    vetting: v.officerId.map((id, i) => ({
      officer: s(id),
      evaluatedOn: s(v.evaluatedOn[i]),
      result: v.result[i] as never,
      validUntil: s(v.validUntil[i]),
    })),
    training: t.officerId.map((id, i) => ({
      officer: s(id),
      course: s(t.courseCode[i]),
      completedOn: s(t.completedOn[i]),
      hours: s(t.hours[i]),
    })),
    complaints: c.ref.map((ref, i) => ({
      ref: s(ref),
      department: s(c.departmentCode[i]),
      receivedOn: s(c.receivedOn[i]),
      source: c.source[i] as never,
      category: c.category[i] as never,
      status: c.status[i] as never,
      resolvedOn: c.resolvedOn[i] as string | null,
    })),
  };
}

describe("demo data generator", () => {
  const small = generateDemoData(states, municipalities, "small", DEMO_REFERENCE_DATE);

  it("gives the same rows every run, whatever the machine's time zone", () => {
    const expected = digest(small.rows);
    expect(digest(generateDemoData(states, municipalities, "small", DEMO_REFERENCE_DATE).rows)).toBe(expected);
    const script = `import { generateDemoData } from "./src/server/demo/generate.ts";
      import { DEMO_REFERENCE_DATE } from "./src/server/demo/calendar.ts";
      import { inegiCatalogue } from "./tests/support/demo-data.ts";
      import { createHash } from "node:crypto";
      const { states, municipalities } = inegiCatalogue();
      const rows = generateDemoData(states, municipalities, "small", DEMO_REFERENCE_DATE).rows;
      const hash = createHash("sha256");
      hash.update(JSON.stringify(rows.departments));
      for (const t of [rows.officers, rows.training, rows.vetting, rows.complaints, rows.complaintOfficers]) hash.update(JSON.stringify(t.columns));
      console.log(hash.digest("hex"));`;
    for (const tz of ["America/Mexico_City", "Pacific/Kiritimati"]) {
      const out = execFileSync("node_modules/.bin/tsx", ["--eval", script], { env: { ...process.env, TZ: tz }, encoding: "utf8" });
      expect(out.trim(), `TZ=${tz}`).toBe(expected);
    }
  }, 60_000);

  it("covers all 32 states and about 1,800 municipal forces at full size, with codes in the documented scheme", () => {
    const full = generateDemoData(states, municipalities, "full", DEMO_REFERENCE_DATE).rows;
    const stateForces = full.departments.filter((d) => d.kind === "STATE");
    expect(stateForces.map((d) => d.stateCode).sort()).toEqual(states.map((s) => s.code).sort());
    expect(stateForces.every((d) => d.code === `MX-${d.stateCode}-000-EST`)).toBe(true);
    const municipal = full.departments.filter((d) => d.kind === "MUNICIPAL");
    expect(municipal.length).toBeGreaterThan(1_700);
    expect(municipal.length).toBeLessThan(1_900);
    expect(municipal.every((d) => d.code === `MX-${d.stateCode}-${d.municipalityCode}-MUN`)).toBe(true);
    expect(municipal.some((d) => d.stateCode === "09")).toBe(false);
    expect(full.officers.length).toBeGreaterThan(30_000);
    expect(full.officers.length).toBeLessThan(60_000);
    expect(new Set(full.officers.columns.id).size).toBe(full.officers.length);
    expect(full.officers.columns.id.every((id) => /^[A-Z0-9]{1,30}$/.test(String(id)))).toBe(true);
  }, 60_000);

  it("dates nothing after the reference date and keeps every record consistent", () => {
    const { officers, training, vetting, complaints } = small.rows;
    const allDates = [
      ...officers.columns.hiredOn,
      ...officers.columns.separatedOn,
      ...training.columns.completedOn,
      ...vetting.columns.evaluatedOn,
      ...complaints.columns.receivedOn,
      ...complaints.columns.resolvedOn,
    ].filter((x): x is string => x !== null);
    expect(allDates.every((x) => x <= DEMO_REFERENCE_DATE)).toBe(true);
    complaints.columns.ref.forEach((_, i) => {
      const resolved = complaints.columns.resolvedOn[i];
      const status = String(complaints.columns.status[i]);
      expect(resolved === null, `${status} resolution`).toBe(!["SUSTAINED", "NOT_SUSTAINED", "UNFOUNDED"].includes(status));
      if (resolved !== null) expect(String(resolved) >= String(complaints.columns.receivedOn[i])).toBe(true);
    });
    const keys = vetting.columns.officerId.map((id, i) => `${id}|${vetting.columns.evaluatedOn[i]}`);
    expect(new Set(keys).size).toBe(keys.length);
    const statuses = new Set(complaints.columns.status);
    expect([...statuses].sort()).toEqual(["INVESTIGATING", "NOT_SUSTAINED", "RECEIVED", "SUSTAINED", "UNFOUNDED", "WITHDRAWN"]);
    expect(new Set(vetting.columns.result).size).toBe(3);
  });

  it("builds each scenario department at its documented rule and level (reference evaluator of the spec)", () => {
    expectScenarioLevels(small);
  }, 60_000);

  it("as of another date gives the same rows moved by whole days, and every scenario still fires as documented", () => {
    const at = (ymd: string) => new Date(`${ymd}T00:00:00Z`).getTime() / 86_400_000;
    const moved = (ymd: unknown, days: number) =>
      ymd === null ? null : new Date((at(ymd as string) + days) * 86_400_000).toISOString().slice(0, 10);
    for (const [asOf, days] of [
      ["2028-01-02", 400], // D + 400: the three-year windows now hold 29 February 2028
      ["2025-10-24", -400],
    ] as const) {
      const other = generateDemoData(states, municipalities, "small", asOf);
      expect(other.referenceDate).toBe(asOf);
      expect(other.rows.departments).toEqual(small.rows.departments);
      const tables = ["officers", "training", "vetting", "complaints", "complaintOfficers"] as const;
      for (const table of tables) expect(other.rows[table].length, table).toBe(small.rows[table].length);
      const dateColumns = {
        officers: ["hiredOn", "separatedOn"],
        training: ["completedOn"],
        vetting: ["evaluatedOn", "validUntil"],
        complaints: ["receivedOn", "resolvedOn"],
      } as const;
      for (const [table, names] of Object.entries(dateColumns) as [keyof typeof dateColumns, readonly string[]][]) {
        const columns = small.rows[table].columns as Record<string, unknown[]>;
        const shifted = other.rows[table].columns as Record<string, unknown[]>;
        for (const name of names) expect(shifted[name], `${table}.${name}`).toEqual(columns[name]!.map((d) => moved(d, days)));
      }
      // Everything else is the same, the ids and references carrying the moved birth date and year.
      expect(other.rows.training.columns.hours).toEqual(small.rows.training.columns.hours);
      expect(other.rows.vetting.columns.result).toEqual(small.rows.vetting.columns.result);
      expect(other.rows.complaints.columns.status).toEqual(small.rows.complaints.columns.status);
      const officerIds = other.rows.officers.columns.id.map(String);
      expect(new Set(officerIds).size).toBe(officerIds.length);
      expect(officerIds.every((id) => /^[A-Z0-9]{1,30}$/.test(id))).toBe(true);
      const known = new Set(officerIds);
      expect(other.rows.vetting.columns.officerId.every((id) => known.has(String(id)))).toBe(true);
      expect(other.rows.complaintOfficers.columns.officerId.every((id) => known.has(String(id)))).toBe(true);
      const refs = other.rows.complaints.columns.ref.map(String);
      const knownRefs = new Set(refs);
      expect(other.rows.complaintOfficers.columns.ref.every((ref) => knownRefs.has(String(ref)))).toBe(true);
      expect(refs.every((ref, i) => ref.split("-")[2] === String(other.rows.complaints.columns.receivedOn[i]).slice(0, 4))).toBe(true);
      const dates = [...other.rows.vetting.columns.evaluatedOn, ...other.rows.complaints.columns.receivedOn].map(String);
      expect(dates.every((d) => d <= asOf)).toBe(true);
      expectScenarioLevels(other);
    }
  }, 120_000);
});

describe("the demo's as-of date", () => {
  // 05:30 UTC on 5 December is still 4 December in Mexico City (UTC−6), already 5 December in Kiritimati.
  const now = new Date("2026-12-05T05:30:00Z");

  it("defaults to today in Mexico City, whatever the machine's time zone", () => {
    expect(demoAsOf(undefined, now)).toBe("2026-12-04");
    expect(demoAsOf("2026-12-04", now)).toBe("2026-12-04");
    expect(demoAsOf(DEMO_REFERENCE_DATE, now)).toBe(DEMO_REFERENCE_DATE);
  });

  it("refuses a date that is not a real day, or after today in Mexico City", () => {
    expect(() => demoAsOf("2026-02-29", now)).toThrow(/Invalid demo as-of date '2026-02-29'/);
    expect(() => demoAsOf("28/11/2026", now)).toThrow(/expected a real calendar date YYYY-MM-DD/);
    expect(() => demoAsOf("2026-12-05", now)).toThrow("The demo as-of date 2026-12-05 is after today in Mexico City (2026-12-04)");
  });
});

/** The reference evaluator of the spec gives each scenario department its documented rule and level. */
function expectScenarioLevels(small: ReturnType<typeof generateDemoData>) {
  // The reference evaluator is deliberately naive (quadratic): give it the vetting and training of the
  // scenario departments only; officers and complaints stay complete for the peer median.
  const dataset = asDataset(small.rows);
  const scenarioCodes = new Set(small.scenarios.map((s) => s.code));
  const ofScenarios = new Set(dataset.officers.filter((o) => scenarioCodes.has(o.department)).map((o) => o.id));
  dataset.vetting = dataset.vetting.filter((v) => ofScenarios.has(v.officer));
  dataset.training = dataset.training.filter((t) => ofScenarios.has(t.officer));
  const results = new Map(referenceEvaluate(dataset, small.referenceDate).map((r) => [r.department_code, r]));
  const levels = new Set<string>();
  for (const scenario of small.scenarios) {
    const result = results.get(scenario.code);
    expect(result, scenario.code).toBeDefined();
    expect(result!.level, `${scenario.code} level`).toBe(scenario.level);
    expect(result!.insufficient_data, `${scenario.code} insufficient data`).toBe(scenario.insufficientData ?? false);
    if (scenario.rule) {
      expect(result!.rules.find((r) => r.id === scenario.rule)?.level, `${scenario.code} ${scenario.rule}`).toBe(scenario.level);
      levels.add(`${scenario.rule}:${scenario.level}`);
    } else {
      expect(
        result!.rules.every((r) => r.level === "NONE"),
        `${scenario.code} fires nothing`,
      ).toBe(true);
    }
  }
  // Every level of every rule of federal-baseline v1 is demonstrated.
  expect([...levels].sort()).toEqual([
    "complaint-rate:WATCH",
    "corruption-not-reduced:RECEIVERSHIP",
    "corruption-not-reduced:REVIEW",
    "failed-vetting-on-duty:RECEIVERSHIP",
    "failed-vetting-on-duty:REVIEW",
    "human-rights-recommendations:REVIEW",
    "serious-abuse:RECEIVERSHIP",
    "serious-abuse:REVIEW",
    "training-compliance:REVIEW",
    "training-compliance:WATCH",
    "vetting-coverage:RECEIVERSHIP",
    "vetting-coverage:REVIEW",
    "vetting-coverage:WATCH",
  ]);
}
