import { Prisma } from "../../generated/prisma/client";
import type { ComplaintCategory, ComplaintSource, ComplaintStatus } from "../../generated/prisma/enums";
import { type AuditActor, recordAuditNow } from "../audit/record";
import { type Scope, departmentSqlFilter, mayReadComplainantData } from "../authz/scope";
import type { Db } from "../db/client";
import { notFound } from "../errors";

type DetailRow = {
  ref: string;
  receivedOn: string;
  resolvedOn: string | null;
  source: ComplaintSource;
  category: ComplaintCategory;
  status: ComplaintStatus;
  /** What a status change must name (optimistic concurrency). */
  version: number;
  updatedAt: Date;
  summary?: string | null;
  department: { code: string; name: string; stateCode: string; stateName: string };
  officers: { id: string; givenName: string; familyName: string; rank: string | null; departmentCode: string }[];
  sourceLinks: { id: number; url: string; label: string; createdAt: string }[];
};

/**
 * One complaint as its page shows it: department, dates, source, category, status, the officers it
 * names and its source links, in one statement. `summary` may hold the complainant's personal data, so
 * it is only selected — and the key only present — for roles allowed to read it
 * (`complaints.readPersonalData`); the audit row says whether it was disclosed. Out of scope =
 * NOT_FOUND, without an audit row. The view is audited before it is returned.
 */
export async function complaintDetail(db: Db, scope: Scope, actor: AuditActor, ref: string) {
  const personalData = mayReadComplainantData(scope);
  const [complaint] = await db.$queryRaw<DetailRow[]>`
    select c.ref, to_char(c."receivedOn", 'YYYY-MM-DD') as "receivedOn", to_char(c."resolvedOn", 'YYYY-MM-DD') as "resolvedOn",
           c.source, c.category, c.status, c.version, c."updatedAt", ${personalData ? Prisma.sql`c.summary,` : Prisma.empty}
           json_build_object('code', d.code, 'name', d.name, 'stateCode', d."stateCode", 'stateName', s.name) as department,
           -- An officer since transferred to another state's department is not shown to a state-restricted reader.
           coalesce((
             select json_agg(json_build_object('id', o.id, 'givenName', o."givenName", 'familyName', o."familyName", 'rank', o.rank, 'departmentCode', od.code)
                    order by o."familyName", o."givenName", o.id)
             from "ComplaintOfficer" co join "Officer" o on o.id = co."officerId" join "Department" od on od.id = o."departmentId"
             where co."complaintId" = c.id and ${departmentSqlFilter(scope, "od")}), '[]') as officers,
           coalesce((
             select json_agg(json_build_object('id', l.id, 'url', l.url, 'label', l.label, 'createdAt', l."createdAt") order by l.id)
             from "SourceLink" l where l."complaintId" = c.id), '[]') as "sourceLinks"
    from "Complaint" c
    join "Department" d on d.id = c."departmentId"
    join "State" s on s.code = d."stateCode"
    where c.ref = ${ref} and ${departmentSqlFilter(scope, "d")}`;
  if (!complaint) throw notFound("Complaint");
  await recordAuditNow(db, {
    actor,
    action: "complaint.view",
    targetType: "Complaint",
    targetId: complaint.ref,
    stateCode: complaint.department.stateCode,
    metadata: { personalData },
  });
  const { summary, sourceLinks, ...shown } = complaint;
  return {
    ...shown,
    sourceLinks: sourceLinks.map((l) => ({ ...l, createdAt: new Date(l.createdAt) })),
    ...(personalData ? { summary: summary ?? null } : {}),
  };
}
