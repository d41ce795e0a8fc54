import { addCalendarYears, toYmd } from "./calendar";
import { cuipFor, randomPerson, randomRank } from "./names";
import type { Rng } from "./random";
import type { DemoRows } from "./rows";

/** What is wrong with one officer's file at the reference date (none = fully compliant). */
export type VettingDefect = "none" | "lapsed" | "never" | "pending" | "failedOnDuty" | "failedRecent";
export type TrainingDefect = "none" | "short" | "stale" | "noInitial";

export type OfficerSpec = {
  departmentCode: string;
  stateCode: string;
  hiredOn: number;
  separatedOn: number | null;
  vetting: VettingDefect;
  training: TrainingDefect;
  /** Exact date of the failing evaluation (failedOnDuty / failedRecent); random when absent. */
  failedOn?: number;
  /** Exact date of the latest yearly course block (exactly 40 h), for boundary cases. */
  lastCourseOn?: number;
  /** Exact date of the latest (approving) evaluation, for validity boundary cases. */
  latestApprovalOn?: number;
  /** The officer left after failing vetting (separated officers only). */
  separatedAfterFailing?: boolean;
};

export type StaffMember = { id: string; hiredOn: number; separatedOn: number | null };

export type OfficerContext = { rows: DemoRows; referenceDay: number; historyStart: number; nextSerial: () => number };

// Yearly course blocks; all but the last two add up to the 40 hours a year the rules ask for.
const COMPLIANT_BLOCKS: readonly (readonly [string, string][])[] = [
  [["ACTUALIZACION", "40.00"]],
  [["ACTUALIZACION", "40.00"]],
  [["ACTUALIZACION", "60.00"]],
  [["PRIMER_RESPONDIENTE", "40.00"]],
  [["DERECHOS_HUMANOS", "42.50"]],
  [["USO_DE_LA_FUERZA", "45.00"]],
  [
    ["ACTUALIZACION", "30.00"],
    ["DERECHOS_HUMANOS", "12.50"],
  ],
  [
    ["USO_DE_LA_FUERZA", "20.00"],
    ["PRIMER_RESPONDIENTE", "24.00"],
  ],
  [
    ["CADENA_DE_CUSTODIA", "16.50"],
    ["DERECHOS_HUMANOS", "25.00"],
  ],
];
const SHORT_BLOCKS: readonly (readonly [string, string][])[] = [
  [["DERECHOS_HUMANOS", "20.00"]],
  [
    ["USO_DE_LA_FUERZA", "12.50"],
    ["CADENA_DE_CUSTODIA", "16.00"],
  ],
];
const INITIAL_TRAINING_HOURS = ["486.00", "648.00", "972.00"] as const;

/** Adds one officer with their vetting and training history; returns what complaints need to name them. */
export function addOfficer(ctx: OfficerContext, rng: Rng, spec: OfficerSpec): StaffMember {
  const person = randomPerson(rng);
  const birth = spec.hiredOn - rng.int(19 * 365, 38 * 365);
  const id = cuipFor(person, toYmd(birth), spec.stateCode, ctx.nextSerial());
  ctx.rows.officers.push({
    id,
    departmentCode: spec.departmentCode,
    givenName: person.givenName,
    familyName: person.familyName,
    rank: randomRank(rng),
    hiredOn: toYmd(spec.hiredOn),
    separatedOn: spec.separatedOn === null ? null : toYmd(spec.separatedOn),
  });
  addVetting(ctx, rng, id, spec);
  addTraining(ctx, rng, id, spec);
  return { id, hiredOn: spec.hiredOn, separatedOn: spec.separatedOn };
}

type Evaluation = { day: number; result: "APPROVED" | "NOT_APPROVED" | "PENDING" };

function addVetting(ctx: OfficerContext, rng: Rng, officerId: string, spec: OfficerSpec) {
  const end = spec.separatedOn ?? ctx.referenceDay;
  // Evaluated before joining, then re-evaluated some weeks before each 3-year approval runs out.
  const evaluations: Evaluation[] = [];
  for (let day = spec.hiredOn - rng.int(15, 120); day <= end; day = addCalendarYears(day, 3) - rng.int(0, 150)) {
    evaluations.push({ day, result: "APPROVED" });
  }
  const endWith = (day: number, result: Evaluation["result"]) => {
    while (evaluations.length > 0 && evaluations[evaluations.length - 1]!.day >= day) evaluations.pop();
    evaluations.push({ day, result });
  };
  const d = ctx.referenceDay;
  switch (spec.vetting) {
    case "lapsed":
      while (evaluations.length > 0 && addCalendarYears(evaluations[evaluations.length - 1]!.day, 3) >= d) evaluations.pop();
      break;
    case "never":
      evaluations.length = 0;
      break;
    case "pending":
      endWith(d - rng.int(3, 60), "PENDING");
      break;
    case "failedOnDuty":
      endWith(spec.failedOn ?? d - rng.int(90, 700), "NOT_APPROVED");
      break;
    case "failedRecent":
      endWith(spec.failedOn ?? d - rng.int(0, 89), "NOT_APPROVED");
      break;
    case "none":
      if (spec.latestApprovalOn !== undefined) endWith(spec.latestApprovalOn, "APPROVED");
      break;
  }
  if (spec.separatedAfterFailing && spec.separatedOn !== null) endWith(spec.separatedOn - rng.int(20, 80), "NOT_APPROVED");
  // Older files were not digitised: keep what explains the last ten years.
  const firstKept = ctx.historyStart - 3 * 365;
  for (const e of evaluations) {
    if (e.day < firstKept) continue;
    ctx.rows.vetting.push({
      officerId,
      evaluatedOn: toYmd(e.day),
      result: e.result,
      validUntil: toYmd(addCalendarYears(e.day, 3)),
    });
  }
}

function addTraining(ctx: OfficerContext, rng: Rng, officerId: string, spec: OfficerSpec) {
  const d = ctx.referenceDay;
  const push = (courseCode: string, day: number, hours: string) =>
    ctx.rows.training.push({ officerId, courseCode, completedOn: toYmd(day), hours });
  if (spec.training !== "noInitial") push("FORMACION_INICIAL", spec.hiredOn - rng.int(0, 120), rng.pick(INITIAL_TRAINING_HOURS));

  const end = spec.separatedOn ?? d;
  const firstBlockAfter = Math.max(spec.hiredOn + 60, ctx.historyStart);
  let latest: number;
  if (spec.lastCourseOn !== undefined) latest = spec.lastCourseOn;
  else if (spec.training === "stale") latest = end - rng.int(380, 700);
  else latest = end - rng.int(1, Math.max(1, Math.min(300, end - firstBlockAfter)));
  for (let day = latest, first = true; (day > firstBlockAfter || first) && day > spec.hiredOn; first = false) {
    const short = first && spec.training === "short";
    const block = first && spec.lastCourseOn !== undefined ? COMPLIANT_BLOCKS[0]! : rng.pick(short ? SHORT_BLOCKS : COMPLIANT_BLOCKS);
    // Second course of a block a few weeks earlier, so the block stays inside the same 365-day window.
    block.forEach(([course, hours], i) => push(course, day - i * rng.int(1, 40), hours));
    // After a short year the previous block must fall outside the last 365 days, or it would make up the hours.
    day -= short ? 366 + rng.int(0, 40) : 365 + rng.int(-40, 30);
  }
}
