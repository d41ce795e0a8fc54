"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardTitle } from "~/components/ui/card";

export type BacktestPoint = { asOf: string; NONE: number; WATCH: number; REVIEW: number; RECEIVERSHIP: number; insufficientData: number };

// Colour plus dash pattern, so the levels stay apart without colour.
const SERIES = [
  { level: "NONE", stroke: "#15803d", dash: undefined },
  { level: "WATCH", stroke: "#a16207", dash: "6 3" },
  { level: "REVIEW", stroke: "#c2410c", dash: "2 3" },
  { level: "RECEIVERSHIP", stroke: "#991b1b", dash: "10 3 2 3" },
] as const;

/** Departments per level at each monthly date of one series; its figures also as a table for screen readers. */
export function BacktestChart({ title, points, maxY }: { title: string; points: BacktestPoint[]; maxY: number }) {
  const t = useTranslations("ruleEditor.backtest");
  const tLevels = useTranslations("levels");
  const format = useFormatter();
  const month = (ymd: string) => format.dateTime(new Date(`${ymd}T00:00:00Z`), "month");
  return (
    <Card className="min-w-0 flex-1" data-testid="backtest-chart">
      <CardTitle>{title}</CardTitle>
      <div className="h-64 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {/* No keyboard layer: the chart is hidden from assistive technology (the table below stands in), so nothing in it may take the focus. */}
          <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
            <XAxis dataKey="asOf" tickFormatter={month} tick={{ fontSize: 11, fill: "#334155" }} minTickGap={24} />
            <YAxis tick={{ fontSize: 11, fill: "#334155" }} width={44} domain={[0, maxY]} allowDecimals={false} />
            <Tooltip labelFormatter={(label) => (typeof label === "string" ? month(label) : "")} />
            <Legend />
            {SERIES.map((s) => (
              <Line
                key={s.level}
                type="monotone"
                dataKey={s.level}
                name={tLevels(s.level)}
                stroke={s.stroke}
                strokeDasharray={s.dash}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{t("tableCaption", { series: title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("month")}</th>
            {SERIES.map((s) => (
              <th key={s.level} scope="col">
                {tLevels(s.level)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.asOf}>
              <th scope="row">{month(p.asOf)}</th>
              {SERIES.map((s) => (
                <td key={s.level}>{p[s.level]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
