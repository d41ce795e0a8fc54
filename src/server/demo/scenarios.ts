import type { ComplaintCategory, ComplaintSource, ComplaintStatus, Level } from "../../generated/prisma/enums";
import { addCalendarYears } from "./calendar";
import { addComplaint, type ComplaintContext } from "./complaints";
import { addOfficer, type OfficerSpec, type StaffMember } from "./officers";
import type { Rng } from "./random";

/**
 * Departments built on purpose so that, at the reference date, each rule of the federal baseline
 * fires at each of its levels (and the boundaries of the spec are exercised: "≤ D − 90", "(D − 365, D]",
 * "valid_until ≥ D", "V < 50" vs V = 50). Every other rule stays at NONE in the WATCH cases so the
 * department's level is the level of the rule it demonstrates. The README table lists them.
 */

type OfficerDraft = Partial<Pick<OfficerSpec, "vetting" | "training" | "failedOn" | "lastCourseOn" | "latestApprovalOn">>;
/** [days before D received, source, category, status, days before D resolved (null = open/withdrawn)] */
type ComplaintDraft = [number, ComplaintSource, ComplaintCategory, ComplaintStatus, number | null];

export type Scenario = {
  stateCode: string;
  municipalityCode: string;
  rule: string | null;
  level: Level;
  insufficientData?: boolean;
  /** Why the rule fires, in the spec's terms. */
  figures: string;
  active: number;
  special: OfficerDraft[];
  separated?: number;
  complaints?: ComplaintDraft[];
};

const times = (n: number, draft: OfficerDraft): OfficerDraft[] => Array.from({ length: n }, () => draft);
const repeat = (days: number[], rest: [ComplaintSource, ComplaintCategory, ComplaintStatus, number | null]): ComplaintDraft[] =>
  days.map((day) => [day, ...rest]);

export function scenarios(referenceDay: number): Scenario[] {
  const d = referenceDay;
  return [
    {
      stateCode: "15",
      municipalityCode: "020",
      rule: "vetting-coverage",
      level: "WATCH",
      figures: "V = 44/50 = 88 (one approval valid until exactly D still counts)",
      active: 50,
      special: [...times(6, { vetting: "lapsed" }), { latestApprovalOn: addCalendarYears(d, -3) }],
    },
    {
      stateCode: "12",
      municipalityCode: "029",
      rule: "vetting-coverage",
      level: "REVIEW",
      figures: "V = 20/40 = 50 (not < 50)",
      active: 40,
      special: [...times(8, { vetting: "lapsed" }), ...times(6, { vetting: "pending" }), ...times(6, { vetting: "never" })],
    },
    {
      stateCode: "20",
      municipalityCode: "067",
      rule: "vetting-coverage",
      level: "RECEIVERSHIP",
      figures: "V = 13/30 = 43.33 (one approval expired the day before D)",
      active: 30,
      special: [
        ...times(9, { vetting: "lapsed" }),
        { latestApprovalOn: addCalendarYears(d, -3) - 1 },
        ...times(4, { vetting: "pending" }),
        ...times(3, { vetting: "never" }),
      ],
    },
    {
      stateCode: "16",
      municipalityCode: "102",
      rule: "failed-vetting-on-duty",
      level: "REVIEW",
      figures: "F = 1 (failed exactly on D − 90; another failed on D − 89 is not counted yet)",
      active: 40,
      special: [
        { vetting: "failedOnDuty", failedOn: d - 90 },
        { vetting: "failedRecent", failedOn: d - 89 },
      ],
    },
    {
      stateCode: "11",
      municipalityCode: "027",
      rule: "failed-vetting-on-duty",
      level: "RECEIVERSHIP",
      figures: "F = 3, 100 × 3/60 = 5 (≥ 5)",
      active: 60,
      special: [120, 200, 400].map((days) => ({ vetting: "failedOnDuty", failedOn: d - days })),
    },
    {
      stateCode: "13",
      municipalityCode: "048",
      rule: "training-compliance",
      level: "WATCH",
      figures: "T = 39/50 = 78 (40 h exactly on D − 364 counts)",
      active: 50,
      special: [
        ...times(7, { training: "short" }),
        ...times(3, { training: "stale" }),
        { training: "noInitial" },
        { lastCourseOn: d - 364 },
      ],
    },
    {
      stateCode: "18",
      municipalityCode: "017",
      rule: "training-compliance",
      level: "REVIEW",
      figures: "T = 23/40 = 57.5 (40 h on D − 365 is outside the window)",
      active: 40,
      special: [
        ...times(10, { training: "short" }),
        ...times(5, { training: "stale" }),
        { training: "noInitial" },
        { lastCourseOn: d - 365 },
      ],
    },
    {
      stateCode: "17",
      municipalityCode: "007",
      rule: "serious-abuse",
      level: "REVIEW",
      figures: "S = 1 (a sustained killing received exactly D − 730 is outside the window)",
      active: 80,
      special: [],
      complaints: [
        [400, "CITIZEN", "TORTURE", "SUSTAINED", 150],
        [730, "MEDIA", "EXTRAJUDICIAL_KILLING", "SUSTAINED", 500],
        [200, "CITIZEN", "SEXUAL_ABUSE", "NOT_SUSTAINED", 60],
      ],
    },
    {
      stateCode: "12",
      municipalityCode: "001",
      rule: "serious-abuse",
      level: "RECEIVERSHIP",
      figures: "S = 3 (one received D − 729)",
      active: 150,
      special: [],
      complaints: [
        [100, "CITIZEN", "TORTURE", "SUSTAINED", 20],
        [500, "INTERNAL", "FORCED_DISAPPEARANCE", "SUSTAINED", 300],
        [729, "MEDIA", "SEXUAL_ABUSE", "SUSTAINED", 400],
      ],
    },
    {
      stateCode: "21",
      municipalityCode: "156",
      rule: "human-rights-recommendations",
      level: "REVIEW",
      figures: "H = 2 (D − 364 counts; D − 365 and a withdrawn one do not)",
      active: 60,
      special: [],
      complaints: [
        [300, "CNDH", "EXCESSIVE_FORCE", "INVESTIGATING", null],
        [364, "STATE_COMMISSION", "ARBITRARY_DETENTION", "NOT_SUSTAINED", 100],
        [50, "CNDH", "OTHER", "WITHDRAWN", null],
        [365, "STATE_COMMISSION", "EXCESSIVE_FORCE", "NOT_SUSTAINED", 200],
      ],
    },
    {
      stateCode: "03",
      municipalityCode: "003",
      rule: "complaint-rate",
      level: "WATCH",
      figures: "Q = 8, C = 100 × 8/40 = 20 (> 2 × municipal median); 3 unfounded and 2 withdrawn not counted",
      active: 40,
      special: [],
      complaints: [
        ...repeat([20, 35], ["CITIZEN", "EXCESSIVE_FORCE", "RECEIVED", null]),
        ...repeat([80, 150, 210], ["CITIZEN", "ARBITRARY_DETENTION", "INVESTIGATING", null]),
        ...repeat([240, 300], ["CITIZEN", "OTHER", "NOT_SUSTAINED", 30]),
        [330, "INTERNAL", "EXCESSIVE_FORCE", "SUSTAINED", 100],
        ...repeat([60, 120, 190], ["CITIZEN", "EXCESSIVE_FORCE", "UNFOUNDED", 10]),
        ...repeat([90, 170], ["CITIZEN", "OTHER", "WITHDRAWN", null]),
      ],
    },
    {
      stateCode: "16",
      municipalityCode: "053",
      rule: "corruption-not-reduced",
      level: "REVIEW",
      figures: "K0 = 4 ≥ K1 = 4 (D − 365 is in K1), K2 = 5 > K1",
      active: 100,
      special: [],
      complaints: [
        ...repeat([10, 100, 200, 364], ["CITIZEN", "EXTORTION", "INVESTIGATING", null]),
        [150, "CITIZEN", "CORRUPTION", "UNFOUNDED", 20],
        ...repeat([365, 400, 500, 700], ["INTERNAL", "CORRUPTION", "NOT_SUSTAINED", 5]),
        ...repeat([731, 800, 900, 1000, 1094], ["CITIZEN", "COLLUSION", "NOT_SUSTAINED", 600]),
      ],
    },
    {
      stateCode: "08",
      municipalityCode: "037",
      rule: "corruption-not-reduced",
      level: "RECEIVERSHIP",
      figures: "K0 = 5 ≥ K1 = 4 ≥ K2 = 3",
      active: 120,
      special: [],
      complaints: [
        ...repeat([15, 60, 130, 250, 320], ["CITIZEN", "EXTORTION", "INVESTIGATING", null]),
        ...repeat([380, 450, 600, 720], ["MEDIA", "COLLUSION", "SUSTAINED", 370]),
        ...repeat([800, 950, 1050], ["INTERNAL", "CORRUPTION", "NOT_SUSTAINED", 740]),
        [90, "CITIZEN", "CORRUPTION", "WITHDRAWN", null],
      ],
    },
    {
      stateCode: "22",
      municipalityCode: "016",
      rule: null,
      level: "NONE",
      figures: "control: every rule below its threshold",
      active: 60,
      special: [],
      complaints: [
        [40, "CITIZEN", "EXCESSIVE_FORCE", "INVESTIGATING", null],
        [200, "CITIZEN", "OTHER", "NOT_SUSTAINED", 90],
        [900, "INTERNAL", "EXTORTION", "UNFOUNDED", 800],
      ],
    },
    {
      stateCode: "01",
      municipalityCode: "004",
      rule: null,
      level: "NONE",
      insufficientData: true,
      figures: "N = 0: the force was disbanded, every officer separated",
      active: 0,
      special: [],
      separated: 6,
    },
  ];
}

/** Writes one scenario department's officers and complaints (its department row is planned elsewhere). */
export function buildScenario(ctx: ComplaintContext, rng: Rng, department: { code: string; stateCode: string }, scenario: Scenario) {
  const d = ctx.referenceDay;
  const base = { departmentCode: department.code, stateCode: department.stateCode, vetting: "none", training: "none" } as const;
  const active: StaffMember[] = [];
  for (let i = 0; i < scenario.active; i++) {
    // Everyone has served at least three years, so "lapsed" and "short" are real gaps, not new hires.
    const draft = scenario.special[i] ?? {};
    active.push(addOfficer(ctx, rng, { ...base, ...draft, hiredOn: d - rng.int(3 * 365, 20 * 365), separatedOn: null }));
  }
  const separatedCount = scenario.separated ?? Math.round(scenario.active / 5);
  for (let i = 0; i < separatedCount; i++) {
    const hiredOn = d - rng.int(4 * 365, 15 * 365);
    addOfficer(ctx, rng, { ...base, hiredOn, separatedOn: d - rng.int(30, 3 * 365) });
  }
  for (const [received, source, category, status, resolved] of scenario.complaints ?? []) {
    const spec = { receivedOn: d - received, source, category, status, resolvedOn: resolved === null ? null : d - resolved };
    addComplaint(ctx, rng, department, spec, active.length > 0 ? rng.sample(active, 1) : []);
  }
}
