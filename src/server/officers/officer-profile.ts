import { Prisma } from "../../generated/prisma/client";
import type { ComplaintCategory, ComplaintSource, ComplaintStatus, DepartmentKind, VettingResult } from "../../generated/prisma/enums";
import { type AuditActor, recordAuditNow } from "../audit/record";
import { type Scope, departmentSqlFilter } from "../authz/scope";
import { dashboardToday } from "../dashboard/as-of";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { INITIAL_TRAINING_COURSE, type OfficerStanding, REQUIRED_TRAINING_HOURS, officerStandingsSql } from "./standing";

type ProfileRow = {
  officer: OfficerStanding;
  department: { code: string; name: string; kind: DepartmentKind; stateCode: string; stateName: string };
  assignments: { id: number; department: { code: string; name: string } | null; recordedAt: string; endedAt: string | null }[];
  vetting: { id: number; evaluatedOn: string; result: VettingResult; validUntil: string }[];
  training: { id: number; courseCode: string; courseName: { es: string; en: string }; completedOn: string; hours: string }[];
  complaints: {
    ref: string;
    receivedOn: string;
    category: ComplaintCategory;
    source: ComplaintSource;
    status: ComplaintStatus;
    departmentCode: string;
  }[];
};

const ymd = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;

/**
 * The officer's standing at `asOf`, department and histories in one statement (one snapshot, one round
 * trip). The caller's scope is in the `where` for the officer's current department and for every other
 * department the page names (past assignments in another state stay anonymous; complaints filed against
 * another state's department are left out).
 */
function profileQuery(db: Db, scope: Scope, officerId: string, asOf: string) {
  return db.$queryRaw<ProfileRow[]>`
    select (select row_to_json(x) from (${officerStandingsSql(Prisma.sql`o.id = ${officerId}`, asOf)}) x) as officer,
      json_build_object('code', d.code, 'name', d.name, 'kind', d.kind, 'stateCode', d."stateCode", 'stateName', s.name) as department,
      coalesce((
        select json_agg(json_build_object(
                 'id', a.id, 'recordedAt', a."recordedAt", 'endedAt', a."endedAt",
                 'department', case when ${departmentSqlFilter(scope, "ad")} then json_build_object('code', ad.code, 'name', ad.name) end)
               order by a."recordedAt" desc, a.id desc)
        from "OfficerAssignment" a join "Department" ad on ad.id = a."departmentId"
        where a."officerId" = o.id), '[]') as assignments,
      coalesce((
        select json_agg(json_build_object('id', v.id, 'evaluatedOn', ${ymd(Prisma.sql`v."evaluatedOn"`)}, 'result', v.result,
                                          'validUntil', ${ymd(Prisma.sql`v."validUntil"`)})
               order by v."evaluatedOn" desc, v.id desc)
        from "VettingEvaluation" v where v."officerId" = o.id), '[]') as vetting,
      coalesce((
        select json_agg(json_build_object('id', t.id, 'courseCode', t."courseCode", 'courseName', json_build_object('es', c."nameEs", 'en', c."nameEn"),
                                          'completedOn', ${ymd(Prisma.sql`t."completedOn"`)}, 'hours', t.hours::text)
               order by t."completedOn" desc, t."courseCode" asc)
        from "TrainingRecord" t join "TrainingCourse" c on c.code = t."courseCode" where t."officerId" = o.id), '[]') as training,
      coalesce((
        select json_agg(json_build_object('ref', q.ref, 'receivedOn', ${ymd(Prisma.sql`q."receivedOn"`)}, 'category', q.category,
                                          'source', q.source, 'status', q.status, 'departmentCode', qd.code)
               order by q."receivedOn" desc, q.ref asc)
        from "ComplaintOfficer" co join "Complaint" q on q.id = co."complaintId" join "Department" qd on qd.id = q."departmentId"
        where co."officerId" = o.id and ${departmentSqlFilter(scope, "qd")}), '[]') as complaints
    from "Officer" o
    join "Department" d on d.id = o."departmentId"
    join "State" s on s.code = d."stateCode"
    where o.id = ${officerId} and ${departmentSqlFilter(scope, "d")}`;
}

/**
 * Everything the officer page shows at `asOf`: identity, the departments they have belonged to,
 * vetting history with the standing at that date, training records with compliance, and the
 * complaints naming them. Audited as one view (`officer.view`) before it is returned, so it is never
 * shown without its record. An officer of a department outside the caller's scope does not exist
 * for them (NOT_FOUND, no audit).
 */
export async function officerProfile(db: Db, scope: Scope, actor: AuditActor, officerId: string, asOf = dashboardToday()) {
  const [profile] = await profileQuery(db, scope, officerId, asOf);
  if (!profile) throw notFound("Officer");
  const { department } = profile;
  await recordAuditNow(db, {
    actor,
    action: "officer.view",
    targetType: "Officer",
    targetId: profile.officer.id,
    stateCode: department.stateCode,
  });
  return {
    asOf,
    officer: profile.officer,
    department,
    assignments: profile.assignments.map((a) => ({
      id: a.id,
      department: a.department,
      recordedAt: new Date(a.recordedAt),
      endedAt: a.endedAt === null ? null : new Date(a.endedAt),
    })),
    vetting: profile.vetting,
    training: { initialCourseCode: INITIAL_TRAINING_COURSE, requiredHours: REQUIRED_TRAINING_HOURS, records: profile.training },
    complaints: profile.complaints,
  };
}
