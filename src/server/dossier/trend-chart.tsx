import { Polyline, Svg, Line, Text, View } from "@react-pdf/renderer";
import type { Localized } from "./localize";

const WIDTH = 240;
const HEIGHT = 70;

/** Consecutive points with a value; a month without active officers breaks the line instead of dropping to zero. */
function segments(values: (number | null)[], top: number) {
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const runs: string[][] = [[]];
  values.forEach((value, i) => {
    if (value === null) runs.push([]);
    else runs.at(-1)!.push(`${(i * step).toFixed(2)},${(HEIGHT - (value / top) * HEIGHT).toFixed(2)}`);
  });
  return runs.filter((run) => run.length > 0);
}

/**
 * One monthly series as a line over the dashboard's 24 trend points, with its first and last month
 * and its scale written out (a filed document must be readable without colour or interaction).
 */
export function TrendChart({
  title,
  months,
  values,
  percent,
  format,
  l,
}: {
  title: string;
  /** Percentages share a 0–100 scale so two departments' charts compare at a glance. */
  percent: boolean;
  months: string[];
  values: (number | null)[];
  format: (value: number | null) => string;
  l: Localized;
}) {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const top = percent ? Math.max(100, max) : Math.max(1, max);
  return (
    <View style={{ width: WIDTH + 30, marginBottom: 8 }} wrap={false}>
      <Text style={{ fontSize: 9, fontFamily: "Helvetica-Bold" }}>{title}</Text>
      <Text style={{ fontSize: 7, color: "#444" }}>
        {`${l.month(months[0] ?? "")} – ${l.month(months.at(-1) ?? "")} · 0 – ${format(top)}`}
      </Text>
      <Svg width={WIDTH} height={HEIGHT + 2} style={{ marginTop: 2 }}>
        <Line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="#999" strokeWidth={0.5} />
        <Line x1={0} y1={0} x2={0} y2={HEIGHT} stroke="#999" strokeWidth={0.5} />
        {segments(values, top).map((run, i) => (
          <Polyline key={i} points={run.join(" ")} stroke="#1d4ed8" strokeWidth={1.2} fill="none" />
        ))}
      </Svg>
    </View>
  );
}
