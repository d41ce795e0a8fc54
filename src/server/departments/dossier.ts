import type { Prisma } from "../../generated/prisma/client";
import type { Level } from "../../generated/prisma/enums";
import { type AuditActor, recordAudit } from "../audit/record";
import { type Scope, departmentWhere } from "../authz/scope";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { dashboardToday } from "../dashboard/as-of";
import { dashboardTrends } from "../dashboard/overview";
import { indicatorsAt, ratios } from "../dashboard/indicators-sql";
import { latestRunIdSql } from "../dashboard/latest-run";
import { activeOfficerStandings } from "../officers/standing";

/**
 * Everything the department dossier shows, read in one transaction and audited as one view (it
 * lists officers by name). Out-of-scope and unknown codes both answer NOT_FOUND.
 */
export async function departmentDossier(db: Db, scope: Scope, actor: AuditActor, code: string, asOf = dashboardToday()) {
  return db.$transaction(async (tx) => {
    const department = await tx.department.findFirst({
      where: { AND: [departmentWhere(scope), { code }] },
      select: { id: true, code: true, name: true, kind: true, stateCode: true, authorizedStrength: true, state: { select: { name: true } }, municipality: { select: { name: true } } },
    });
    if (!department) throw notFound("Department");
    const [evaluation, figures, trends, officers, complaints, reviews, recommendations, receiverships] = await Promise.all([
      latestEvaluation(tx, department.id),
      indicatorsAt(tx, scope, [asOf], "department", { departmentId: department.id }),
      dashboardTrends(tx, scope, { departmentId: department.id }, asOf),
      activeOfficerStandings(tx, department.id, asOf),
      tx.complaint.findMany({
        where: { departmentId: department.id },
        orderBy: [{ receivedOn: "desc" }, { ref: "asc" }],
        take: 200,
        select: { ref: true, receivedOn: true, source: true, category: true, status: true, resolvedOn: true },
      }),
      tx.review.findMany({
        where: { departmentId: department.id },
        orderBy: { openedAt: "desc" },
        select: { id: true, status: true, scope: true, decision: true, dueOn: true, openedAt: true, closedAt: true, owner: { select: { name: true } } },
      }),
      tx.recommendation.findMany({
        where: { departmentId: department.id },
        orderBy: { createdAt: "desc" },
        select: { id: true, level: true, previousLevel: true, status: true, dismissReason: true, justification: true, decidedAt: true, createdAt: true, decidedBy: { select: { name: true } } },
      }),
      tx.receivershipCase.findMany({
        where: { departmentId: department.id },
        orderBy: { createdAt: "desc" },
        select: {
          id: true, status: true, legalBasis: true, receivingAuthority: true, startDate: true, endDate: true, terms: true,
          exitCriteria: { orderBy: { id: "asc" }, select: { id: true, ruleId: true, comparator: true, threshold: true, currentValue: true, met: true } },
          milestones: { orderBy: { dueOn: "asc" }, select: { id: true, title: true, dueOn: true, completedOn: true } },
        },
      }),
    ]);
    await recordAudit(tx, { actor, action: "department.view", targetType: "Department", targetId: department.code, stateCode: department.stateCode });
    const row = figures[0];
    const counts = { officers: row?.officers ?? 0, approved: row?.approved ?? 0, trainingCompliant: row?.trainingCompliant ?? 0, countedComplaints12m: row?.countedComplaints12m ?? 0 };
    return {
      asOf,
      department: { ...department, stateName: department.state.name, municipalityName: department.municipality?.name ?? null },
      evaluation,
      metrics: { ...ratios(counts), ...counts, expiredVetting: row?.expiredVetting ?? 0, failedOnDuty: row?.failedOnDuty ?? 0, seriousAbuse24m: row?.seriousAbuse24m ?? 0 },
      trends,
      officers,
      complaints,
      reviews,
      recommendations,
      receiverships: receiverships.map((c) => ({
        ...c,
        exitCriteria: c.exitCriteria.map((e) => ({ ...e, threshold: Number(e.threshold), currentValue: e.currentValue === null ? null : Number(e.currentValue) })),
      })),
    };
  });
}

/**
 * Which evaluation the dossier's level comes from (the latest non-backtest run). The per-rule "why"
 * is the rules module's explanation of that same run (`evaluations.explain` with this `runId`).
 */
async function latestEvaluation(tx: Prisma.TransactionClient, departmentId: number) {
  const [result] = await tx.$queryRaw<{ runId: number; asOf: string; ruleSetId: string; ruleSetVersion: number; level: Level; insufficientData: boolean }[]>`
    select er."runId", to_char(r."asOf", 'YYYY-MM-DD') as "asOf", v."ruleSetId", v.version as "ruleSetVersion", er.level, er."insufficientData"
    from "EvaluationResult" er
    join "EvaluationRun" r on r.id = er."runId"
    join "RuleSetVersion" v on v.id = r."ruleSetVersionId"
    where er."departmentId" = ${departmentId} and er."runId" = ${latestRunIdSql}`;
  return result ?? null;
}
