import type { ImportKind } from "../imports/types";

/**
 * One SELECT per file kind, producing exactly the import columns as text (dates YYYY-MM-DD, hours
 * as exact decimals), ordered by the natural key in byte order so output is identical on any
 * server collation. Every query exposes the department as `d` for the state and scope filters.
 */
/** Where the complaints query puts the caller's officer filter (alias `od`, the officer's department). */
export const OFFICER_SCOPE = "/*officer-scope*/";

const ymd = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

export const EXPORT_QUERIES: Record<ImportKind, { select: string; from: string; orderBy: string }> = {
  departments: {
    select: `d.code as department_code, d.name, d.kind::text as kind, d."stateCode"::text as state_code,
             d."municipalityCode"::text as municipality_code, d."authorizedStrength"::text as authorized_strength`,
    from: `"Department" d`,
    orderBy: `d.code collate "C"`,
  },
  officers: {
    select: `o.id as officer_id, d.code as department_code, o."givenName" as given_name, o."familyName" as family_name,
             o.rank, ${ymd(`o."hiredOn"`)} as hired_on, ${ymd(`o."separatedOn"`)} as separated_on`,
    from: `"Officer" o join "Department" d on d.id = o."departmentId"`,
    orderBy: `o.id collate "C"`,
  },
  training: {
    select: `t."officerId" as officer_id, t."courseCode" as course_code, ${ymd(`t."completedOn"`)} as completed_on, t.hours::text as hours`,
    from: `"TrainingRecord" t join "Officer" o on o.id = t."officerId" join "Department" d on d.id = o."departmentId"`,
    orderBy: `t."officerId" collate "C", t."courseCode" collate "C", t."completedOn"`,
  },
  vetting: {
    select: `v."officerId" as officer_id, ${ymd(`v."evaluatedOn"`)} as evaluated_on, v.result::text as result,
             ${ymd(`v."validUntil"`)} as valid_until`,
    from: `"VettingEvaluation" v join "Officer" o on o.id = v."officerId" join "Department" d on d.id = o."departmentId"`,
    orderBy: `v."officerId" collate "C", v."evaluatedOn"`,
  },
  complaints: {
    select: `c.ref as complaint_ref, d.code as department_code, ${ymd(`c."receivedOn"`)} as received_on, c.source::text as source,
             c.category::text as category, c.status::text as status, ${ymd(`c."resolvedOn"`)} as resolved_on,
             array_to_string(array(select co."officerId" from "ComplaintOfficer" co
               join "Officer" oo on oo.id = co."officerId" join "Department" od on od.id = oo."departmentId"
               where co."complaintId" = c.id and ${OFFICER_SCOPE} order by co."officerId" collate "C"), ';') as officer_ids,
             c.summary`,
    from: `"Complaint" c join "Department" d on d.id = c."departmentId"`,
    orderBy: `c.ref collate "C"`,
  },
};
