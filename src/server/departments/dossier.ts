import { Prisma } from "../../generated/prisma/client";
import { type AuditActor, recordAuditNow } from "../audit/record";
import { type Scope, departmentSqlFilter } from "../authz/scope";
import { type Db, queryPrepared } from "../db/client";
import { notFound } from "../errors";
import { dashboardToday, trendPoints } from "../dashboard/as-of";
import { type IndicatorRow, indicatorsAt, isStoredFigure, ratios, storedIndicatorsSql } from "../dashboard/indicators-sql";
import { trendSeries } from "../dashboard/overview";
import { type DossierRow, dossierLists, dossierSql } from "./dossier-sql";

/**
 * Everything the department dossier shows, read in one statement without a transaction (dossier-sql.ts),
 * then audited as one view before it is returned: if the audit write fails,
 * nothing is shown. Out-of-scope and unknown codes both answer NOT_FOUND, unaudited.
 */
export async function departmentDossier(db: Db, scope: Scope, actor: AuditActor, code: string, asOf = dashboardToday()) {
  // The trend's last point is `asOf`, so its row is also the department's current figures.
  const points = trendPoints(asOf);
  const where = Prisma.sql`${departmentSqlFilter(scope, "d")} and d.code = ${code}`;
  const [row] = await queryPrepared<DossierRow>(db, dossierSql(where, storedIndicatorsSql(points, "department", {}, where)));
  if (!row) throw notFound("Department");
  const { department } = row;
  const figures = await currentFigures(db, scope, row, points);
  await recordAuditNow(db, {
    actor,
    action: "department.view",
    targetType: "Department",
    targetId: department.code,
    stateCode: department.stateCode,
  });
  const now = figures.find((f) => f.asOf === asOf);
  const counts = {
    officers: now?.officers ?? 0,
    approved: now?.approved ?? 0,
    trainingCompliant: now?.trainingCompliant ?? 0,
    countedComplaints12m: now?.countedComplaints12m ?? 0,
  };
  const { stateName, municipalityName, ...own } = department;
  return {
    asOf,
    department: {
      ...own,
      state: { name: stateName },
      municipality: municipalityName === null ? null : { name: municipalityName },
      stateName,
      municipalityName,
    },
    evaluation: row.evaluation,
    metrics: {
      ...ratios(counts),
      ...counts,
      expiredVetting: now?.expiredVetting ?? 0,
      failedOnDuty: now?.failedOnDuty ?? 0,
      seriousAbuse24m: now?.seriousAbuse24m ?? 0,
    },
    trends: trendSeries(asOf, figures),
    ...dossierLists(row),
  };
}

/** The stored figures read with the dossier when they were fresh; otherwise `indicatorsAt` refreshes them (or computes them live). */
async function currentFigures(db: Db, scope: Scope, row: DossierRow, points: string[]): Promise<IndicatorRow[]> {
  const stored = row.figures ?? [];
  if (stored[0]?.fresh) return stored.filter(isStoredFigure).map(({ fresh: _, ...figure }) => figure);
  return indicatorsAt(db, scope, points, "department", { departmentId: row.department.id });
}
