import type { VettingResult } from "../../generated/prisma/enums";
import type { DbOrTx } from "../db/client";

export type DossierOfficer = {
  id: string;
  givenName: string;
  familyName: string;
  rank: string | null;
  hiredOn: string;
  vettingResult: VettingResult | null;
  vettingEvaluatedOn: string | null;
  vettingValidUntil: string | null;
  /** Current approval at the date (the vetting-coverage rule's definition). */
  vettingCurrent: boolean;
  trainingHours12m: string;
  trainingCompliant: boolean;
};

/** The department's officers active at `asOf` with their vetting and training standing at that date. */
export async function departmentOfficers(db: DbOrTx, departmentId: number, asOf: string): Promise<DossierOfficer[]> {
  return db.$queryRaw<DossierOfficer[]>`
    select o.id, o."givenName", o."familyName", o.rank, to_char(o."hiredOn", 'YYYY-MM-DD') as "hiredOn",
           v.result as "vettingResult", to_char(v."evaluatedOn", 'YYYY-MM-DD') as "vettingEvaluatedOn",
           to_char(v."validUntil", 'YYYY-MM-DD') as "vettingValidUntil",
           coalesce(v.result = 'APPROVED' and v."validUntil" >= ${asOf}::date, false) as "vettingCurrent",
           coalesce(tr.hours, 0)::text as "trainingHours12m",
           coalesce(tr.initial and tr.hours >= 40, false) as "trainingCompliant"
    from "Officer" o
    left join lateral (
      select ve.result, ve."evaluatedOn", ve."validUntil" from "VettingEvaluation" ve
      where ve."officerId" = o.id and ve."evaluatedOn" <= ${asOf}::date
      order by ve."evaluatedOn" desc limit 1
    ) v on true
    left join lateral (
      select bool_or(t."courseCode" = 'FORMACION_INICIAL') as initial,
             coalesce(sum(t.hours) filter (where t."completedOn" > ${asOf}::date - 365), 0) as hours
      from "TrainingRecord" t where t."officerId" = o.id and t."completedOn" <= ${asOf}::date
    ) tr on true
    where o."departmentId" = ${departmentId}
      and o."hiredOn" <= ${asOf}::date and (o."separatedOn" is null or o."separatedOn" > ${asOf}::date)
    order by o."familyName", o."givenName", o.id`;
}
