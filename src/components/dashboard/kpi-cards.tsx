import { useFormatter, useTranslations } from "next-intl";
import { LevelBadge } from "~/components/levels/level-badge";
import { Card, CardTitle } from "~/components/ui/card";
import type { LevelCounts } from "~/server/dashboard/overview";

type Kpis = { officers: number; expiredVetting: number; failedOnDuty: number; seriousAbuse24m: number; openReceiverships: number };

export function KpiCards({ levels, kpis }: { levels: LevelCounts; kpis: Kpis }) {
  const t = useTranslations("dashboard.kpis");
  const format = useFormatter();
  const figures = [
    ["expiredVetting", kpis.expiredVetting],
    ["failedOnDuty", kpis.failedOnDuty],
    ["seriousAbuse24m", kpis.seriousAbuse24m],
    ["openReceiverships", kpis.openReceiverships],
  ] as const;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-5" data-testid="kpi-cards">
      <Card className="col-span-2 lg:col-span-1">
        <CardTitle>{t("departmentsByLevel")}</CardTitle>
        <ul className="mt-2 flex flex-col gap-1 text-sm">
          {(["RECEIVERSHIP", "REVIEW", "WATCH", "NONE"] as const).map((level) => (
            <li key={level} className="flex items-center justify-between gap-2">
              <LevelBadge level={level} />
              <span className="font-semibold tabular-nums">{format.number(levels[level], "integer")}</span>
            </li>
          ))}
          {levels.UNEVALUATED > 0 ? (
            <li className="flex items-center justify-between gap-2">
              <LevelBadge level={null} />
              <span className="font-semibold tabular-nums">{format.number(levels.UNEVALUATED, "integer")}</span>
            </li>
          ) : null}
        </ul>
      </Card>
      {figures.map(([key, value]) => (
        <Card key={key}>
          <CardTitle className="text-sm font-medium text-slate-800">{t(key)}</CardTitle>
          <p className="mt-2 text-3xl font-bold tabular-nums text-slate-900" data-kpi={key}>
            {format.number(value, "integer")}
          </p>
        </Card>
      ))}
    </div>
  );
}
