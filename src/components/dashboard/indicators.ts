/** The indicators a map or table can be coloured by; `higherIsWorse` decides which end of the scale is dark. */
export const INDICATORS = [
  { key: "flaggedShare", higherIsWorse: true, unit: "percent" },
  { key: "vettingCoverage", higherIsWorse: false, unit: "percent" },
  { key: "trainingCompliance", higherIsWorse: false, unit: "percent" },
  { key: "complaintsPer100", higherIsWorse: true, unit: "rate" },
] as const;

export type IndicatorKey = (typeof INDICATORS)[number]["key"];

export function parseIndicator(value: string | string[] | undefined): IndicatorKey {
  const text = Array.isArray(value) ? value[0] : value;
  return INDICATORS.find((i) => i.key === text)?.key ?? "flaggedShare";
}

/** Five classes, light to dark (darkest = worst); fills are paired with text values everywhere, never alone. */
export const SCALE = ["#fff7ec", "#fdd49e", "#fc8d59", "#d7301f", "#7f0000"] as const;
export const NO_DATA_FILL = "#e2e8f0";

/** Class breaks: fixed for percentages so maps compare over time; quantiles of the data for rates. */
export function classOf(indicator: IndicatorKey, value: number | null, all: (number | null)[]): number | null {
  if (value === null) return null;
  const spec = INDICATORS.find((i) => i.key === indicator)!;
  let position: number;
  if (spec.unit === "percent") {
    position = Math.min(4, Math.floor(value / 20));
  } else {
    const sorted = all.filter((v): v is number => v !== null).sort((a, b) => a - b);
    const rank = sorted.filter((v) => v < value).length;
    position = sorted.length > 1 ? Math.min(4, Math.floor((5 * rank) / sorted.length)) : 2;
  }
  return spec.higherIsWorse ? position : 4 - position;
}
