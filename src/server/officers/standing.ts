import { Prisma } from "../../generated/prisma/client";
import type { VettingResult } from "../../generated/prisma/enums";
import { SPANISH_COLLATION } from "../db/collation";

/**
 * The federal baseline's per-officer definitions at a date D (docs: rules-federal-baseline.md), so an
 * officer's page, the dossier's officers table and the rules always agree.
 */
export const INITIAL_TRAINING_COURSE = "FORMACION_INICIAL";
export const REQUIRED_TRAINING_HOURS = 40;
const TRAINING_WINDOW_DAYS = 365;
const FAILED_VETTING_GRACE_DAYS = 90;

export type OfficerStanding = {
  id: string;
  givenName: string;
  familyName: string;
  rank: string | null;
  hiredOn: string;
  separatedOn: string | null;
  /** Active at D: hired on or before D and not separated by D. */
  active: boolean;
  vettingId: number | null;
  vettingResult: VettingResult | null;
  vettingEvaluatedOn: string | null;
  vettingValidUntil: string | null;
  /** Latest vetting at D is APPROVED and still valid at D. */
  vettingCurrent: boolean;
  /** Latest vetting at D is APPROVED but its validity ended before D. */
  vettingExpired: boolean;
  /** Latest vetting at D is NOT_APPROVED and at least 90 days old: failed and kept on duty. */
  failedOnDuty: boolean;
  /** FORMACION_INICIAL completed on or before D. */
  trainingInitial: boolean;
  /** Hours completed in (D − 365, D], summed as SQL numeric (exact to the cent). */
  trainingHours12m: string;
  trainingCompliant: boolean;
};

/**
 * Standing at `asOf` of the officers matching `where` (a condition on `"Officer" o`), by name: one row
 * per officer with `OfficerStanding`'s columns, nested in the officer page's and the dossier's statements.
 */
export function officerStandingsSql(where: Prisma.Sql, asOf: string): Prisma.Sql {
  return Prisma.sql`
    select o.id, o."givenName", o."familyName", o.rank,
           to_char(o."hiredOn", 'YYYY-MM-DD') as "hiredOn", to_char(o."separatedOn", 'YYYY-MM-DD') as "separatedOn",
           (o."hiredOn" <= ${asOf}::date and (o."separatedOn" is null or o."separatedOn" > ${asOf}::date)) as active,
           v.id as "vettingId", v.result as "vettingResult", to_char(v."evaluatedOn", 'YYYY-MM-DD') as "vettingEvaluatedOn",
           to_char(v."validUntil", 'YYYY-MM-DD') as "vettingValidUntil",
           coalesce(v.result = 'APPROVED' and v."validUntil" >= ${asOf}::date, false) as "vettingCurrent",
           coalesce(v.result = 'APPROVED' and v."validUntil" < ${asOf}::date, false) as "vettingExpired",
           coalesce(v.result = 'NOT_APPROVED' and v."evaluatedOn" <= ${asOf}::date - ${FAILED_VETTING_GRACE_DAYS}::int, false) as "failedOnDuty",
           coalesce(tr.initial, false) as "trainingInitial",
           coalesce(tr.hours, 0)::text as "trainingHours12m",
           coalesce(tr.initial and tr.hours >= ${REQUIRED_TRAINING_HOURS}, false) as "trainingCompliant"
    from "Officer" o
    left join lateral (
      select ve.id, ve.result, ve."evaluatedOn", ve."validUntil" from "VettingEvaluation" ve
      where ve."officerId" = o.id and ve."evaluatedOn" <= ${asOf}::date
      order by ve."evaluatedOn" desc limit 1
    ) v on true
    left join lateral (
      select bool_or(t."courseCode" = ${INITIAL_TRAINING_COURSE}) as initial,
             coalesce(sum(t.hours) filter (where t."completedOn" > ${asOf}::date - ${TRAINING_WINDOW_DAYS}::int), 0) as hours
      from "TrainingRecord" t where t."officerId" = o.id and t."completedOn" <= ${asOf}::date
    ) tr on true
    where ${where}
    order by o."familyName" ${SPANISH_COLLATION}, o."givenName" ${SPANISH_COLLATION}, o.id`;
}

/** The officers of department `departmentId` (an id or an SQL expression) active at `asOf` (the dossier's officers table), as a condition on `o`. */
export function activeOfficersWhere(departmentId: number | Prisma.Sql, asOf: string): Prisma.Sql {
  return Prisma.sql`o."departmentId" = ${departmentId} and o."hiredOn" <= ${asOf}::date and (o."separatedOn" is null or o."separatedOn" > ${asOf}::date)`;
}
