import { type AuditActor, recordAudit } from "../audit/record";
import { type Scope, complaintWhere, mayReadComplainantData, officerWhere } from "../authz/scope";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { ymdOf } from "../rules/dates";

/**
 * One complaint as its page shows it: department, dates, source, category, status, the officers it
 * names and its source links. `summary` may hold the complainant's personal data, so the key is only
 * present for roles allowed to read it (`complaints.readPersonalData`); the audit row says whether it
 * was disclosed. Out of scope = NOT_FOUND, without an audit row.
 */
export async function complaintDetail(db: Db, scope: Scope, actor: AuditActor, ref: string) {
  const personalData = mayReadComplainantData(scope);
  return db.$transaction(async (tx) => {
    const complaint = await tx.complaint.findFirst({
      where: { AND: [complaintWhere(scope), { ref }] },
      select: {
        id: true,
        ref: true,
        receivedOn: true,
        source: true,
        category: true,
        status: true,
        resolvedOn: true,
        summary: personalData,
        updatedAt: true,
        department: { select: { code: true, name: true, stateCode: true, state: { select: { name: true } } } },
        officers: { select: { officerId: true } },
        sourceLinks: { orderBy: { id: "asc" }, select: { id: true, url: true, label: true, createdAt: true } },
      },
    });
    if (!complaint) throw notFound("Complaint");
    // An officer since transferred to another state's department is not shown to a state-restricted reader.
    const officers = await tx.officer.findMany({
      where: { AND: [officerWhere(scope), { id: { in: complaint.officers.map((o) => o.officerId) } }] },
      orderBy: [{ familyName: "asc" }, { givenName: "asc" }, { id: "asc" }],
      select: { id: true, givenName: true, familyName: true, rank: true, department: { select: { code: true } } },
    });
    await recordAudit(tx, {
      actor,
      action: "complaint.view",
      targetType: "Complaint",
      targetId: complaint.ref,
      stateCode: complaint.department.stateCode,
      metadata: { personalData },
    });
    const { department, summary } = complaint;
    return {
      ref: complaint.ref,
      receivedOn: ymdOf(complaint.receivedOn),
      resolvedOn: complaint.resolvedOn ? ymdOf(complaint.resolvedOn) : null,
      source: complaint.source,
      category: complaint.category,
      status: complaint.status,
      updatedAt: complaint.updatedAt,
      department: { code: department.code, name: department.name, stateCode: department.stateCode, stateName: department.state.name },
      officers: officers.map((o) => ({ id: o.id, givenName: o.givenName, familyName: o.familyName, rank: o.rank, departmentCode: o.department.code })),
      sourceLinks: complaint.sourceLinks,
      ...(personalData ? { summary: summary ?? null } : {}),
    };
  });
}
