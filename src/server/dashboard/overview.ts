import { Prisma } from "../../generated/prisma/client";
import type { Level } from "../../generated/prisma/enums";
import { type Scope, departmentSqlFilter, receivershipWhere, visibleStateCode } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { notFound } from "../errors";
import { dashboardToday, trendPoints } from "./as-of";
import { type IndicatorRow, indicatorsAt, ratios } from "./indicators-sql";
import { latestRunIdSql } from "./latest-run";

export type LevelCounts = Record<Level | "UNEVALUATED", number>;
const emptyLevels = (): LevelCounts => ({ NONE: 0, WATCH: 0, REVIEW: 0, RECEIVERSHIP: 0, UNEVALUATED: 0 });

/** A state or a department on the overview: its level mix and the four map indicators. */
export type AreaIndicators = {
  key: string;
  name: string;
  levels: LevelCounts;
  departments: number;
  /** Share (0–100) of evaluated departments at REVIEW or RECEIVERSHIP; null when none is evaluated. */
  flaggedShare: number | null;
  officers: number;
  vettingCoverage: number | null;
  trainingCompliance: number | null;
  complaintsPer100: number | null;
};

function summarise(key: string, name: string, levels: LevelCounts, figures: IndicatorRow | undefined): AreaIndicators {
  const evaluated = levels.NONE + levels.WATCH + levels.REVIEW + levels.RECEIVERSHIP;
  const zero = { officers: 0, approved: 0, trainingCompliant: 0, countedComplaints12m: 0 };
  return {
    key,
    name,
    levels,
    departments: evaluated + levels.UNEVALUATED,
    flaggedShare: evaluated > 0 ? (100 * (levels.REVIEW + levels.RECEIVERSHIP)) / evaluated : null,
    officers: figures?.officers ?? 0,
    ...ratios(figures ?? zero),
  };
}

/** The state the caller asked for, if they may see it; otherwise the state does not exist for them. */
async function visibleState(db: DbOrTx, scope: Scope, stateCode: string) {
  const only = visibleStateCode(scope);
  const state = only && only !== stateCode ? null : await db.state.findUnique({ where: { code: stateCode }, select: { code: true, name: true } });
  if (!state) throw notFound(`State ${stateCode}`);
  return state;
}

/**
 * The national overview (no `stateCode`: one area per state) or a state's view (one area per
 * department), at `asOf`. Levels come from the latest evaluation; figures are computed at `asOf`.
 */
export async function dashboardOverview(db: DbOrTx, scope: Scope, input: { stateCode?: string }, asOf = dashboardToday()) {
  const state = input.stateCode ? await visibleState(db, scope, input.stateCode) : null;
  const groupBy = state ? "department" : "state";
  const areaKey = state ? Prisma.sql`d.id::text` : Prisma.sql`d."stateCode"::text`;
  const stateFilter = state ? Prisma.sql`d."stateCode" = ${state.code}` : Prisma.sql`true`;
  const [areas, levelRows, figures, openReceiverships] = await Promise.all([
    state
      ? db.department.findMany({ where: { stateCode: state.code }, orderBy: { name: "asc" }, select: { id: true, code: true, name: true } })
      : db.state.findMany({ where: visibleStateCode(scope) ? { code: visibleStateCode(scope)! } : {}, orderBy: { code: "asc" }, select: { code: true, name: true } }),
    db.$queryRaw<{ key: string; level: Level | null; n: number }[]>`
      select ${areaKey} as key, er.level, count(*)::int as n
      from "Department" d
      left join "EvaluationResult" er on er."departmentId" = d.id and er."runId" = ${latestRunIdSql}
      where ${departmentSqlFilter(scope, "d")} and ${stateFilter}
      group by 1, 2`,
    indicatorsAt(db, scope, [asOf], groupBy, { stateCode: state?.code }),
    db.receivershipCase.count({ where: { AND: [receivershipWhere(scope), { status: "IMPOSED" }, state ? { department: { stateCode: state.code } } : {}] } }),
  ]);
  const levelsByArea = new Map<string, LevelCounts>();
  const total = emptyLevels();
  for (const row of levelRows) {
    const counts = levelsByArea.get(row.key) ?? emptyLevels();
    counts[row.level ?? "UNEVALUATED"] += row.n;
    total[row.level ?? "UNEVALUATED"] += row.n;
    levelsByArea.set(row.key, counts);
  }
  const figuresByArea = new Map(figures.map((f) => [f.groupKey, f]));
  const sum = (field: keyof Omit<IndicatorRow, "asOf" | "groupKey">) => figures.reduce((acc, f) => acc + f[field], 0);
  const totals = {
    officers: sum("officers"),
    approved: sum("approved"),
    trainingCompliant: sum("trainingCompliant"),
    countedComplaints12m: sum("countedComplaints12m"),
  };
  return {
    asOf,
    state,
    levels: total,
    kpis: {
      ...ratios(totals),
      officers: totals.officers,
      expiredVetting: sum("expiredVetting"),
      failedOnDuty: sum("failedOnDuty"),
      seriousAbuse24m: sum("seriousAbuse24m"),
      openReceiverships,
    },
    areas: areas.map((a) => {
      const key = "id" in a ? String(a.id) : a.code;
      return { ...summarise(key, a.name, levelsByArea.get(key) ?? emptyLevels(), figuresByArea.get(key)), code: a.code };
    }),
  };
}

/** Monthly figures for the last 24 months (see `trendPoints`), for everything visible, a state or one department. */
export async function dashboardTrends(db: DbOrTx, scope: Scope, input: { stateCode?: string; departmentId?: number }, asOf = dashboardToday()) {
  if (input.stateCode) await visibleState(db, scope, input.stateCode);
  const rows = await indicatorsAt(db, scope, trendPoints(asOf), "all", input);
  const byDate = new Map(rows.map((r) => [r.asOf, r]));
  return trendPoints(asOf).map((point) => {
    const row = byDate.get(point);
    const counts = { officers: row?.officers ?? 0, approved: row?.approved ?? 0, trainingCompliant: row?.trainingCompliant ?? 0, countedComplaints12m: row?.countedComplaints12m ?? 0 };
    return {
      asOf: point,
      ...ratios(counts),
      officers: counts.officers,
      expiredVetting: row?.expiredVetting ?? 0,
      failedOnDuty: row?.failedOnDuty ?? 0,
      seriousAbuse24m: row?.seriousAbuse24m ?? 0,
    };
  });
}
