"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardTitle } from "~/components/ui/card";

export type TrendPoint = {
  asOf: string;
  vettingCoverage: number | null;
  trainingCompliance: number | null;
  complaintsPer100: number | null;
  expiredVetting: number;
  failedOnDuty: number;
  seriousAbuse24m: number;
};

const SERIES = [
  { key: "vettingCoverage", percent: true },
  { key: "trainingCompliance", percent: true },
  { key: "complaintsPer100", percent: false },
  { key: "failedOnDuty", percent: false },
] as const;

/** Monthly trend charts; each chart also has its figures as a (visually hidden) table for screen readers. */
export function TrendCharts({ points }: { points: TrendPoint[] }) {
  const t = useTranslations("dashboard.trends");
  const tIndicators = useTranslations("dashboard.indicators");
  const format = useFormatter();
  const month = (ymd: string) => format.dateTime(new Date(`${ymd}T00:00:00Z`), "month");
  const value = (percent: boolean, v: number | null) =>
    v === null ? "—" : percent ? format.number(v / 100, "percent") : format.number(v, "decimal");
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-2" data-testid="trend-charts">
      {SERIES.map((series) => {
        const title = series.key === "failedOnDuty" ? t("failedOnDuty") : tIndicators(series.key);
        return (
          <Card key={series.key}>
            <CardTitle>{title}</CardTitle>
            <div className="h-48 w-full" aria-hidden="true">
              <LineChart
                responsive
                accessibilityLayer={false}
                data={points}
                margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
                className="h-full w-full"
              >
                <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
                <XAxis dataKey="asOf" tickFormatter={month} tick={{ fontSize: 11, fill: "#334155" }} minTickGap={24} />
                <YAxis tick={{ fontSize: 11, fill: "#334155" }} width={44} domain={series.percent ? [0, 100] : [0, "auto"]} />
                <Tooltip
                  labelFormatter={(label) => (typeof label === "string" ? month(label) : "")}
                  formatter={(v) => value(series.percent, v as number | null)}
                />
                <Line
                  type="monotone"
                  dataKey={series.key}
                  stroke="#0b5d43"
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
              </LineChart>
            </div>
            <table className="sr-only">
              <caption>{t("tableCaption", { title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("month")}</th>
                  <th scope="col">{title}</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.asOf}>
                    <th scope="row">{month(p.asOf)}</th>
                    <td>{value(series.percent, p[series.key])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        );
      })}
    </div>
  );
}
