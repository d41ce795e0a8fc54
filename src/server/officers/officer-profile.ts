import { Prisma } from "../../generated/prisma/client";
import { type AuditActor, recordAudit } from "../audit/record";
import { type Scope, complaintWhere, departmentWhere, officerWhere } from "../authz/scope";
import { dashboardToday } from "../dashboard/as-of";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { ymdOf } from "../rules/dates";
import { INITIAL_TRAINING_COURSE, REQUIRED_TRAINING_HOURS, officerStandings } from "./standing";

/**
 * Everything the officer page shows at `asOf`: identity, the departments they have belonged to,
 * vetting history with the standing at that date, training records with compliance, and the
 * complaints naming them. Read in one transaction and audited as one view (`officer.view`).
 * An officer of a department outside the caller's scope does not exist for them (NOT_FOUND, no audit).
 */
export async function officerProfile(db: Db, scope: Scope, actor: AuditActor, officerId: string, asOf = dashboardToday()) {
  return db.$transaction(async (tx) => {
    const officer = await tx.officer.findFirst({
      where: { AND: [officerWhere(scope), { id: officerId }] },
      select: { id: true, department: { select: { code: true, name: true, kind: true, stateCode: true, state: { select: { name: true } } } } },
    });
    if (!officer) throw notFound("Officer");
    const visibleDepartments = departmentWhere(scope);
    const [[standing], assignments, vetting, training, complaints] = await Promise.all([
      officerStandings(tx, Prisma.sql`o.id = ${officer.id}`, asOf),
      tx.officerAssignment.findMany({
        where: { officerId: officer.id },
        orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
        select: { id: true, recordedAt: true, endedAt: true, departmentId: true },
      }),
      tx.vettingEvaluation.findMany({
        where: { officerId: officer.id },
        orderBy: { evaluatedOn: "desc" },
        select: { id: true, evaluatedOn: true, result: true, validUntil: true },
      }),
      tx.trainingRecord.findMany({
        where: { officerId: officer.id },
        orderBy: [{ completedOn: "desc" }, { courseCode: "asc" }],
        select: { id: true, courseCode: true, completedOn: true, hours: true, course: { select: { nameEs: true, nameEn: true } } },
      }),
      tx.complaint.findMany({
        where: { AND: [complaintWhere(scope), { officers: { some: { officerId: officer.id } } }] },
        orderBy: [{ receivedOn: "desc" }, { ref: "asc" }],
        select: { ref: true, receivedOn: true, category: true, source: true, status: true, department: { select: { code: true } } },
      }),
    ]);
    // Past departments in another state stay anonymous to a state-restricted reader.
    const departments = await tx.department.findMany({
      where: { AND: [visibleDepartments, { id: { in: [...new Set(assignments.map((a) => a.departmentId))] } }] },
      select: { id: true, code: true, name: true },
    });
    const byId = new Map(departments.map((d) => [d.id, d]));
    await recordAudit(tx, { actor, action: "officer.view", targetType: "Officer", targetId: officer.id, stateCode: officer.department.stateCode });
    const { department } = officer;
    return {
      asOf,
      officer: standing!,
      department: { code: department.code, name: department.name, kind: department.kind, stateCode: department.stateCode, stateName: department.state.name },
      assignments: assignments.map((a) => {
        const found = byId.get(a.departmentId);
        return { id: a.id, department: found ? { code: found.code, name: found.name } : null, recordedAt: a.recordedAt, endedAt: a.endedAt };
      }),
      vetting: vetting.map((v) => ({ id: v.id, evaluatedOn: ymdOf(v.evaluatedOn), result: v.result, validUntil: ymdOf(v.validUntil) })),
      training: {
        initialCourseCode: INITIAL_TRAINING_COURSE,
        requiredHours: REQUIRED_TRAINING_HOURS,
        records: training.map((r) => ({
          id: r.id,
          courseCode: r.courseCode,
          courseName: { es: r.course.nameEs, en: r.course.nameEn },
          completedOn: ymdOf(r.completedOn),
          hours: r.hours.toFixed(2),
        })),
      },
      complaints: complaints.map((c) => ({
        ref: c.ref,
        receivedOn: ymdOf(c.receivedOn),
        category: c.category,
        source: c.source,
        status: c.status,
        departmentCode: c.department.code,
      })),
    };
  });
}
