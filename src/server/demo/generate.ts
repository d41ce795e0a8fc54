import { DEMO_REFERENCE_DATE, toDay } from "./calendar";
import { addBaselineComplaints, type ComplaintContext } from "./complaints";
import { type DepartmentPlan, type MunicipalityRef, QUALITY_PROFILES, type StateRef, departmentCode, planDepartments } from "./departments";
import { type StaffMember, addOfficer } from "./officers";
import { Rng } from "./random";
import { createDemoRows, type DemoRows } from "./rows";
import { type Scenario, buildScenario, scenarios } from "./scenarios";
import { shiftDemoRows } from "./shift";

/** `full`: the demo (~1,800 forces, ~50k officers). `small`: every 15th municipal force, for tests. */
export type DemoSize = "full" | "small";
export const DEMO_SEED = "vigila-demo-v1";
const HISTORY_YEARS = 10;

export type GeneratedDemo = { rows: DemoRows; referenceDate: string; scenarios: (Scenario & { code: string })[] };

/**
 * Builds the whole demo data set in memory as of `asOf` (YYYY-MM-DD, the demo's "today"): drawn at
 * the documented reference date, then moved by whole days to `asOf` (see shift.ts), so every as-of
 * date gives the same departments, counts, figures and levels. The same inputs always give the same rows.
 */
export function generateDemoData(
  states: readonly StateRef[],
  municipalities: readonly MunicipalityRef[],
  size: DemoSize,
  asOf: string,
): GeneratedDemo {
  const referenceDay = toDay(DEMO_REFERENCE_DATE);
  const rows = createDemoRows();
  let officerSerial = 0;
  let complaintSerial = 0;
  const ctx: ComplaintContext = {
    rows,
    referenceDay,
    historyStart: referenceDay - Math.round(HISTORY_YEARS * 365.25),
    nextSerial: () => ++officerSerial,
    nextComplaintSerial: () => ++complaintSerial,
  };
  const root = new Rng(DEMO_SEED);
  const planned = scenarios(referenceDay).map((s) => ({ ...s, code: departmentCode(s.stateCode, s.municipalityCode) }));
  const byCode = new Map(planned.map((s) => [s.code, s]));
  const plans = planDepartments(root.fork("departments"), states, municipalities, {
    forced: new Set(planned.map((s) => `${s.stateCode}-${s.municipalityCode}`)),
    sample: size === "full" ? 1 : 15,
  });
  for (const plan of plans) {
    const scenario = byCode.get(plan.row.code);
    const rng = root.fork(plan.row.code);
    if (scenario) {
      rows.departments.push({ ...plan.row, authorizedStrength: Math.max(scenario.active, plan.row.authorizedStrength) });
      buildScenario(ctx, rng, plan.row, scenario);
    } else {
      rows.departments.push(plan.row);
      buildDepartment(ctx, rng, plan);
    }
  }
  shiftDemoRows(rows, toDay(asOf) - referenceDay);
  return { rows, referenceDate: asOf, scenarios: planned };
}

/** An ordinary department: staff with defects drawn from its quality profile, and background complaints. */
function buildDepartment(ctx: ComplaintContext, rng: Rng, plan: DepartmentPlan) {
  const profile = QUALITY_PROFILES[plan.quality];
  const d = ctx.referenceDay;
  const base = { departmentCode: plan.row.code, stateCode: plan.row.stateCode };
  const staff: StaffMember[] = [];
  for (let i = 0; i < plan.active; i++) {
    // Service years skew short: most of today's officers joined in the last decade.
    const hiredOn = d - Math.floor(25 * 365 * rng.next() ** 1.8);
    const veteran = d - hiredOn > 2 * 365; // new hires are covered by their initial training and first vetting
    staff.push(
      addOfficer(ctx, rng, {
        ...base,
        hiredOn,
        separatedOn: null,
        vetting: veteran ? rng.weighted(profile.vetting) : "none",
        training: veteran ? rng.weighted(profile.training) : "none",
      }),
    );
  }
  const leavers = Math.round(plan.active * profile.turnover * (0.5 + rng.next()));
  for (let i = 0; i < leavers; i++) {
    const hiredOn = d - rng.int(2 * 365, 16 * 365);
    const separatedOn = Math.min(d - 1, hiredOn + rng.int(180, 12 * 365), d - rng.int(1, 10 * 365));
    if (separatedOn <= hiredOn) continue;
    const failed = separatedOn - hiredOn > 120 && rng.chance(0.3);
    staff.push(addOfficer(ctx, rng, { ...base, hiredOn, separatedOn, vetting: "none", training: "none", separatedAfterFailing: failed }));
  }
  addBaselineComplaints(ctx, rng, plan.row, staff, profile.complaints);
}
