import { Prisma } from "../../generated/prisma/client";
import type { Level } from "../../generated/prisma/enums";
import { type Scope, departmentSqlFilter, visibleStateCode } from "../authz/scope";
import type { DbOrTx } from "../db/client";
import { notFound } from "../errors";
import { dashboardToday, trendPoints } from "./as-of";
import { type IndicatorRow, indicatorsAt, ratios } from "./indicators-sql";
import { latestRunIdSql } from "./latest-run";
import { SPANISH_COLLATION } from "../db/collation";

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
  const state =
    only && only !== stateCode ? null : await db.state.findUnique({ where: { code: stateCode }, select: { code: true, name: true } });
  if (!state) throw notFound(`State ${stateCode}`);
  return state;
}

type AreaLevelRow = { key: string; code: string; name: string; level: Level | null; n: number; openReceiverships: number };

/**
 * Every area (a state nationally, a department in a state's view) with its departments counted per
 * level of the latest evaluation, and the open receiverships in view: one statement, ordered as shown.
 */
function areaLevelsSql(scope: Scope, state: { code: string } | null): Prisma.Sql {
  const stateFilter = state ? Prisma.sql`d."stateCode" = ${state.code}` : Prisma.sql`true`;
  const openReceiverships = Prisma.sql`(
    select count(*)::int from "ReceivershipCase" rc join "Department" d on d.id = rc."departmentId"
    where rc.status = 'IMPOSED' and ${departmentSqlFilter(scope, "d")} and ${stateFilter}
  )`;
  if (state) {
    return Prisma.sql`
      select d.id::text as key, d.code, d.name, er.level, 1 as n, ${openReceiverships} as "openReceiverships"
      from "Department" d
      left join "EvaluationResult" er on er."departmentId" = d.id and er."runId" = ${latestRunIdSql}
      where ${departmentSqlFilter(scope, "d")} and ${stateFilter}
      order by d.name ${SPANISH_COLLATION}, d.id`;
  }
  const only = visibleStateCode(scope);
  return Prisma.sql`
    select s.code as key, s.code, s.name, er.level, count(d.id)::int as n, ${openReceiverships} as "openReceiverships"
    from "State" s
    left join "Department" d on d."stateCode" = s.code
    left join "EvaluationResult" er on er."departmentId" = d.id and er."runId" = ${latestRunIdSql}
    where ${only ? Prisma.sql`s.code = ${only}` : Prisma.sql`true`}
    group by s.code, s.name, er.level
    order by s.code`;
}

/**
 * The national overview (no `stateCode`: one area per state) or a state's view (one area per
 * department), at `asOf`. Levels come from the latest evaluation; figures are computed at `asOf`.
 * Two statements (areas with levels, figures): each page view is one of many under load.
 */
export async function dashboardOverview(db: DbOrTx, scope: Scope, input: { stateCode?: string }, asOf = dashboardToday()) {
  const state = input.stateCode ? await visibleState(db, scope, input.stateCode) : null;
  const [areaRows, figures] = await Promise.all([
    db.$queryRaw<AreaLevelRow[]>(areaLevelsSql(scope, state)),
    indicatorsAt(db, scope, [asOf], state ? "department" : "state", { stateCode: state?.code }),
  ]);
  const areas = new Map<string, { code: string; name: string; levels: LevelCounts }>();
  const total = emptyLevels();
  for (const row of areaRows) {
    const area = areas.get(row.key) ?? { code: row.code, name: row.name, levels: emptyLevels() };
    area.levels[row.level ?? "UNEVALUATED"] += row.n;
    total[row.level ?? "UNEVALUATED"] += row.n;
    areas.set(row.key, area);
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
      openReceiverships: areaRows[0]?.openReceiverships ?? 0,
    },
    areas: [...areas].map(([key, a]) => ({ ...summarise(key, a.name, a.levels, figuresByArea.get(key)), code: a.code })),
  };
}

/** Monthly figures for the last 24 months (see `trendPoints`), for everything visible, a state or one department. */
export async function dashboardTrends(
  db: DbOrTx,
  scope: Scope,
  input: { stateCode?: string; departmentId?: number },
  asOf = dashboardToday(),
) {
  if (input.stateCode) await visibleState(db, scope, input.stateCode);
  const rows = await indicatorsAt(db, scope, trendPoints(asOf), "all", input);
  return trendSeries(asOf, rows);
}

/** The monthly series of `dashboardTrends` from indicator rows of one group at `trendPoints(asOf)` (missing dates are zeros). */
export function trendSeries(asOf: string, rows: readonly IndicatorRow[]) {
  const byDate = new Map(rows.map((r) => [r.asOf, r]));
  return trendPoints(asOf).map((point) => {
    const row = byDate.get(point);
    const counts = {
      officers: row?.officers ?? 0,
      approved: row?.approved ?? 0,
      trainingCompliant: row?.trainingCompliant ?? 0,
      countedComplaints12m: row?.countedComplaints12m ?? 0,
    };
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
