import type { ComplaintProfile } from "./complaints";
import type { TrainingDefect, VettingDefect } from "./officers";
import type { Rng } from "./random";
import type { DepartmentRow } from "./rows";

/**
 * Which departments exist and how large and how well run each one is. Real scale (SESNSP, January
 * 2024): about 168,700 state and 125,200 municipal police, and roughly 1,800 of the 2,475
 * municipalities run their own force. The demo keeps one synthetic officer per `OFFICER_SCALE` real
 * ones so that seeding stays fast; the CDMX alcaldías have no municipal police (the city's SSC covers them).
 */
export const OFFICER_SCALE = 8;
const STATE_POLICE = 168_700;
const MUNICIPAL_POLICE = 125_200;
const MIN_MUNICIPAL_OFFICERS = 3;

export type StateRef = { code: string; name: string; population2020: number };
export type MunicipalityRef = { stateCode: string; code: string; name: string; population2020: number | null };

export type Quality = "good" | "fair" | "poor";

export type DepartmentPlan = { row: DepartmentRow; active: number; quality: Quality };

export const QUALITY_PROFILES: Record<
  Quality,
  { vetting: Record<VettingDefect, number>; training: Record<TrainingDefect, number>; complaints: ComplaintProfile; turnover: number }
> = {
  good: {
    vetting: { none: 96.2, lapsed: 2.2, never: 0.3, pending: 1, failedOnDuty: 0, failedRecent: 0.3 },
    training: { none: 96.7, short: 2, stale: 1, noInitial: 0.3 },
    complaints: { perOfficerYear: 0.018, yearlyTrend: 1.08, severity: "low" },
    turnover: 0.25,
  },
  fair: {
    vetting: { none: 89.4, lapsed: 6.5, never: 1, pending: 2, failedOnDuty: 0.6, failedRecent: 0.5 },
    training: { none: 89, short: 6, stale: 4, noInitial: 1 },
    complaints: { perOfficerYear: 0.035, yearlyTrend: 1.02, severity: "mid" },
    turnover: 0.35,
  },
  poor: {
    vetting: { none: 71, lapsed: 18, never: 4, pending: 4, failedOnDuty: 2, failedRecent: 1 },
    training: { none: 70, short: 15, stale: 12, noInitial: 3 },
    complaints: { perOfficerYear: 0.07, yearlyTrend: 0.95, severity: "high" },
    turnover: 0.5,
  },
};

export function departmentCode(stateCode: string, municipalityCode: string | null) {
  return municipalityCode === null ? `MX-${stateCode}-000-EST` : `MX-${stateCode}-${municipalityCode}-MUN`;
}

function strength(rng: Rng, active: number) {
  return Math.round(active * (1.05 + rng.next() * 0.3));
}

/** Municipalities of 15,000 people or more always have a force; smaller ones often rely on the state. */
function hasOwnPolice(rng: Rng, m: MunicipalityRef) {
  if (m.stateCode === "09") return false;
  const people = m.population2020 ?? 0;
  return people >= 15_000 || rng.chance(people >= 5_000 ? 0.75 : 0.26);
}

export function planDepartments(
  rng: Rng,
  states: readonly StateRef[],
  municipalities: readonly MunicipalityRef[],
  options: { forced: ReadonlySet<string>; sample: number },
): DepartmentPlan[] {
  const nationalPopulation = states.reduce((sum, s) => sum + s.population2020, 0);
  const plans: DepartmentPlan[] = states.map((s) => {
    const active = Math.max(40, Math.round((STATE_POLICE * s.population2020) / nationalPopulation / OFFICER_SCALE / options.sample));
    return {
      row: {
        code: departmentCode(s.code, null),
        name: s.code === "09" ? "Secretaría de Seguridad Ciudadana de la Ciudad de México" : `Secretaría de Seguridad Pública de ${s.name}`,
        kind: "STATE",
        stateCode: s.code,
        municipalityCode: null,
        authorizedStrength: strength(rng, active),
      },
      active,
      quality: rng.weighted<Quality>({ good: 50, fair: 40, poor: 10 }),
    };
  });

  // Every municipality draws once, whatever the sample, so the full and the small demo share their forces.
  const withPolice = municipalities.filter((m, i) => {
    const own = hasOwnPolice(rng, m);
    return options.forced.has(`${m.stateCode}-${m.code}`) || (own && i % options.sample === 0);
  });
  const coveredPopulation = withPolice.reduce((sum, m) => sum + (m.population2020 ?? 0), 0);
  const perPerson = MUNICIPAL_POLICE / OFFICER_SCALE / coveredPopulation / options.sample;
  for (const m of withPolice) {
    const active = Math.max(MIN_MUNICIPAL_OFFICERS, Math.round((m.population2020 ?? 0) * perPerson * (0.7 + rng.next() * 0.6)));
    plans.push({
      row: {
        code: departmentCode(m.stateCode, m.code),
        name: `Dirección de Seguridad Pública Municipal de ${m.name}`,
        kind: "MUNICIPAL",
        stateCode: m.stateCode,
        municipalityCode: m.code,
        authorizedStrength: strength(rng, active),
      },
      active,
      quality: rng.weighted<Quality>({ good: 60, fair: 30, poor: 10 }),
    });
  }
  return plans;
}
