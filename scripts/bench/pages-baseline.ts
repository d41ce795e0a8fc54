import type { Scope } from "../../src/server/authz/scope";
import { dashboardToday, trendPoints } from "../../src/server/dashboard/as-of";
import { refreshFigures } from "../../src/server/dashboard/figure-cache";
import { indicatorsAt, liveIndicatorsAt } from "../../src/server/dashboard/indicators-sql";
import type { Db } from "../../src/server/db/client";
import { referenceFigures } from "../../tests/integration/dashboard-reference-figures";
import { timed } from "./pages-load";

const RUNS = 3;
const national: Scope = { userId: 0, role: "IA_ANALYST", stateCode: null };

/**
 * The dashboard figures three ways, one request at a time, in the same run as the page measurements:
 * the per-officer look-ups the dashboard used before (tests' oracle; one run, it is slow), the set-based
 * SQL computing them live, and the precomputed table; plus a national refresh (every department marked,
 * as after an import touching the whole country, recomputed at the 24 trend dates).
 */
export async function figuresBaseline(db: Db): Promise<{ runs: number; table: string[] }> {
  const today = dashboardToday();
  const trend = trendPoints(today);
  const refresh = await timed(async () => {
    await db.$executeRaw`insert into "DashboardDirtyDepartment" ("departmentId") select id from "Department"`;
    await refreshFigures(db, trend);
  }, RUNS);
  const cases = [
    { name: "overview, national (32 states, today)", points: [today], groupBy: "state" as const, filter: {} },
    { name: "trends, national (24 dates)", points: trend, groupBy: "all" as const, filter: {} },
    { name: "trends, state 16 (24 dates)", points: trend, groupBy: "all" as const, filter: { stateCode: "16" } },
  ];
  const rows: string[] = [];
  for (const c of cases) {
    const stored = await timed(() => indicatorsAt(db, national, c.points, c.groupBy, c.filter), RUNS);
    const live = await timed(() => liveIndicatorsAt(db, national, c.points, c.groupBy, c.filter), RUNS);
    const before = c.filter.stateCode ? null : await timed(() => referenceFigures(db, c.points), 1);
    const ms = (value: number) => value.toFixed(0);
    rows.push(
      `| ${c.name} | ${before ? ms(before.median) : "—"} | ${ms(live.median)} (${live.all.map(ms).join(", ")}) | ${ms(stored.median)} (${stored.all.map(ms).join(", ")}) | ${(live.median / stored.median).toFixed(0)}× |`,
    );
    process.stderr.write(
      `baseline ${c.name}: before ${before ? ms(before.median) : "-"} ms, live ${ms(live.median)} ms, stored ${ms(stored.median)} ms\n`,
    );
  }
  process.stderr.write(`baseline national refresh: ${refresh.all.map((v) => v.toFixed(0)).join(", ")} ms\n`);
  return {
    runs: RUNS,
    table: [
      "| Figures | Before (per-officer look-ups, 1 run) | Set-based SQL, live (runs) | Precomputed table (runs) | Live ÷ precomputed |",
      "|---|---|---|---|---|",
      ...rows,
      "",
      `National refresh (all departments marked, 24 trend dates recomputed in one transaction): ${refresh.all.map((v) => v.toFixed(0)).join(", ")} ms (median ${refresh.median.toFixed(0)} ms).`,
    ],
  };
}
