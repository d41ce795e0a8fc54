import { auditActor, type RequestOrigin } from "../audit/actor";
import { recordAudit } from "../audit/record";
import { type Scope, complaintWhere, mayReadComplainantData } from "../authz/scope";
import { type Db, queryPrepared } from "../db/client";
import { Prisma } from "../../generated/prisma/client";
import { type ComplaintListRow, complaintRowsSql } from "../departments/department-complaints";
import { departmentDossier } from "../departments/dossier";
import { type OfficerStanding, activeOfficersWhere, officerStandingsSql } from "../officers/standing";
import { type TimelineKind, departmentTimeline } from "../departments/timeline";
import { explainDepartment } from "../evaluations/explain-department";
import type { AppLocale } from "~/i18n/locales";

/** The decisions an attorney general's file records, from the department's timeline. */
const DECISION_KINDS: TimelineKind[] = [
  "evaluation.levelChanged",
  "recommendation.decided",
  "review.opened",
  "review.closed",
  "receivership.statusChanged",
  "receivership.approved",
];
// A filed document is bounded; the app keeps the full history.
const DECISIONS_SHOWN = 100;

// As the dossier page showed before its tables were paged: the most recent complaints.
const COMPLAINTS_PRINTED = 200;

/** The printed rosters in one statement: every active officer's standing (for the tally) and the latest complaints. */
async function printedRosters(db: Db, departmentId: number, asOf: string) {
  const list = (rows: Prisma.Sql) => Prisma.sql`(select coalesce(json_agg(x), '[]') from (${rows}) x)`;
  const [rosters] = await queryPrepared<{ officers: OfficerStanding[]; complaints: ComplaintListRow[] }>(
    db,
    Prisma.sql`select ${list(officerStandingsSql(activeOfficersWhere(departmentId, asOf), asOf))} as officers,
                      ${list(complaintRowsSql(Prisma.sql`c."departmentId" = ${departmentId}`, COMPLAINTS_PRINTED))} as complaints`,
  );
  return rosters!;
}

export type DossierPdfOptions = { locale: AppLocale; origin?: RequestOrigin | null; asOf?: string; now?: Date };

/**
 * Everything the PDF dossier prints, read through the services the dossier page uses (the level and
 * each rule's figures are never recomputed here). Complaint summaries may hold complainants' personal
 * data: they are read only for roles allowed to (`complaints.readPersonalData`), in the transaction
 * that records the `dossier.pdf` audit row saying whether they were disclosed.
 */
export async function dossierPdfData(db: Db, scope: Scope, code: string, options: DossierPdfOptions) {
  const actor = auditActor(scope, options.origin);
  const page = await departmentDossier(db, scope, actor, code, options.asOf);
  const dossier = { ...page, ...(await printedRosters(db, page.department.id, page.asOf)) };
  const [explanation, timeline] = await Promise.all([
    dossier.evaluation ? explainDepartment(db, scope, code, { runId: dossier.evaluation.runId, origin: options.origin }) : null,
    departmentTimeline(db, scope, code, { limit: DECISIONS_SHOWN, kinds: DECISION_KINDS }),
  ]);
  const personalData = mayReadComplainantData(scope);
  const auditEvent = {
    action: "dossier.pdf" as const,
    targetType: "Department" as const,
    targetId: dossier.department.code,
    stateCode: dossier.department.stateCode,
    metadata: { locale: options.locale, personalData, runId: dossier.evaluation?.runId ?? null, asOf: dossier.asOf },
  };
  const { summaries, requester } = await db.$transaction(async (tx) => {
    const rows = personalData
      ? await tx.complaint.findMany({
          where: {
            AND: [complaintWhere(scope), { departmentId: dossier.department.id, ref: { in: dossier.complaints.map((c) => c.ref) } }],
          },
          select: { ref: true, summary: true },
        })
      : [];
    const user = await tx.user.findUnique({ where: { id: scope.userId }, select: { name: true, email: true } });
    await recordAudit(tx, { actor, ...auditEvent });
    return { summaries: new Map(rows.map((r) => [r.ref, r.summary])), requester: user };
  });
  return {
    dossier,
    explanation,
    decisions: timeline.events,
    personalData,
    complaintSummaries: summaries,
    requester: requester ? `${requester.name} <${requester.email}>` : `#${scope.userId}`,
    role: scope.role,
    generatedAt: options.now ?? new Date(),
    locale: options.locale,
    auditEvent,
  };
}

export type DossierPdfData = Awaited<ReturnType<typeof dossierPdfData>>;
