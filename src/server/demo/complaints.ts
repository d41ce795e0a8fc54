import type { ComplaintCategory, ComplaintSource, ComplaintStatus } from "../../generated/prisma/enums";
import { toYmd, yearOf } from "./calendar";
import { complaintSummary } from "./names";
import type { OfficerContext, StaffMember } from "./officers";
import type { Rng } from "./random";

export type ComplaintSpec = {
  receivedOn: number;
  source: ComplaintSource;
  category: ComplaintCategory;
  status: ComplaintStatus;
  resolvedOn: number | null;
};

export type ComplaintContext = OfficerContext & { nextComplaintSerial: () => number };

/** How a department behaves: drives complaint volume and mix (and, in departments.ts, file defects). */
export type ComplaintProfile = { perOfficerYear: number; yearlyTrend: number; severity: "low" | "mid" | "high" };

const SOURCE_WEIGHTS: Record<ComplaintSource, number> = {
  CITIZEN: 64,
  INTERNAL: 15,
  MEDIA: 6,
  OTHER: 6,
  STATE_COMMISSION: 6,
  CNDH: 3,
};

const CATEGORY_WEIGHTS: Record<ComplaintProfile["severity"], Record<ComplaintCategory, number>> = {
  low: {
    EXCESSIVE_FORCE: 26,
    ARBITRARY_DETENTION: 24,
    OTHER: 22,
    EXTORTION: 10,
    CORRUPTION: 10,
    COLLUSION: 2,
    TORTURE: 2.5,
    SEXUAL_ABUSE: 1.5,
    FORCED_DISAPPEARANCE: 1,
    EXTRAJUDICIAL_KILLING: 1,
  },
  mid: {
    EXCESSIVE_FORCE: 24,
    ARBITRARY_DETENTION: 22,
    OTHER: 16,
    EXTORTION: 13,
    CORRUPTION: 12,
    COLLUSION: 4,
    TORTURE: 4,
    SEXUAL_ABUSE: 2,
    FORCED_DISAPPEARANCE: 1.5,
    EXTRAJUDICIAL_KILLING: 1.5,
  },
  high: {
    EXCESSIVE_FORCE: 20,
    ARBITRARY_DETENTION: 18,
    OTHER: 10,
    EXTORTION: 15,
    CORRUPTION: 13,
    COLLUSION: 9,
    TORTURE: 6,
    SEXUAL_ABUSE: 3,
    FORCED_DISAPPEARANCE: 3,
    EXTRAJUDICIAL_KILLING: 3,
  },
};

/** Writes one complaint and links it to the officers it names. */
export function addComplaint(
  ctx: ComplaintContext,
  rng: Rng,
  department: { code: string; stateCode: string },
  spec: ComplaintSpec,
  officers: readonly StaffMember[],
) {
  const ref = `Q-${department.stateCode}-${yearOf(spec.receivedOn)}-${String(ctx.nextComplaintSerial()).padStart(6, "0")}`;
  ctx.rows.complaints.push({
    ref,
    departmentCode: department.code,
    receivedOn: toYmd(spec.receivedOn),
    source: spec.source,
    category: spec.category,
    status: spec.status,
    resolvedOn: spec.resolvedOn === null ? null : toYmd(spec.resolvedOn),
    summary: complaintSummary(rng, spec.category),
  });
  for (const officer of officers) ctx.rows.complaintOfficers.push({ ref, officerId: officer.id });
}

/** Where a complaint received on `receivedOn` stands at the reference date, given how long it has had. */
function outcome(rng: Rng, receivedOn: number, referenceDay: number): Pick<ComplaintSpec, "status" | "resolvedOn"> {
  const age = referenceDay - receivedOn;
  if (age < 45) return { status: rng.chance(0.05) ? "WITHDRAWN" : rng.chance(0.5) ? "RECEIVED" : "INVESTIGATING", resolvedOn: null };
  const status = rng.weighted<ComplaintStatus>({
    SUSTAINED: 16,
    NOT_SUSTAINED: 34,
    UNFOUNDED: 22,
    WITHDRAWN: 9,
    INVESTIGATING: age < 365 ? 30 : 6,
    RECEIVED: 0,
  });
  if (status === "INVESTIGATING" || status === "WITHDRAWN") return { status, resolvedOn: null };
  return { status, resolvedOn: receivedOn + rng.int(30, Math.min(age, 540)) };
}

/** Ten years of background complaints, yearly volume following the department's trend. */
export function addBaselineComplaints(
  ctx: ComplaintContext,
  rng: Rng,
  department: { code: string; stateCode: string },
  staff: readonly StaffMember[],
  profile: ComplaintProfile,
) {
  const d = ctx.referenceDay;
  const active = staff.filter((s) => s.separatedOn === null).length;
  for (let yearsBack = 0; yearsBack < 10; yearsBack++) {
    const count = rng.poisson(active * profile.perOfficerYear * profile.yearlyTrend ** yearsBack);
    for (let i = 0; i < count; i++) {
      const receivedOn = d - yearsBack * 365 - rng.int(0, 364);
      const onDuty = staff.filter((s) => s.hiredOn <= receivedOn && (s.separatedOn === null || s.separatedOn > receivedOn));
      const named = rng.chance(0.7) ? rng.sample(onDuty, Number(rng.weighted({ "1": 70, "2": 22, "3": 8 }))) : [];
      const spec: ComplaintSpec = {
        receivedOn,
        source: rng.weighted(SOURCE_WEIGHTS),
        category: rng.weighted(CATEGORY_WEIGHTS[profile.severity]),
        ...outcome(rng, receivedOn, d),
      };
      addComplaint(ctx, rng, department, spec, named);
    }
  }
}
