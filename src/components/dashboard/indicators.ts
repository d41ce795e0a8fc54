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

/**
 * The classes of a map: at most five, each holding about as many of the areas shown (quantiles of
 * the values drawn), so the colours spread over the indicator's actual range whatever it is (coverage
 * between 84 % and 99 % gets five colours, not one). Bounds are values that occur; a class is
 * `[lower, upper)` except the last, which includes the maximum. Equal values never straddle classes.
 */
export type MapClass = { lower: number; upper: number; color: string };

export function mapClasses(indicator: IndicatorKey, values: (number | null)[]): MapClass[] {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let k = 1; k < SCALE.length; k++) {
    const candidate = sorted[Math.floor((k * sorted.length) / SCALE.length)]!;
    if (candidate > sorted[0]! && candidate > (breaks.at(-1) ?? -Infinity)) breaks.push(candidate);
  }
  const bounds = [sorted[0]!, ...breaks, sorted.at(-1)!];
  const count = bounds.length - 1 || 1;
  const higherIsWorse = INDICATORS.find((i) => i.key === indicator)!.higherIsWorse;
  return Array.from({ length: count }, (_, i) => {
    // Spread the classes over the whole scale, light to dark (a single class takes the middle colour).
    const position = count === 1 ? 2 : Math.round((i * (SCALE.length - 1)) / (count - 1));
    return { lower: bounds[i]!, upper: bounds[i + 1] ?? bounds[i]!, color: SCALE[higherIsWorse ? position : SCALE.length - 1 - position]! };
  });
}

/** The class a value falls in (null: no value, or no classes). */
export function classOf(value: number | null, classes: MapClass[]): MapClass | null {
  if (value === null || classes.length === 0) return null;
  return classes.find((c, i) => value < c.upper || i === classes.length - 1) ?? null;
}

/**
 * The map's view box around one state (an attorney general's): the state's bounding box with a margin,
 * widened to the map's proportions so the figure keeps its shape; the whole map without a state.
 */
export function viewBoxAround(
  bounds: [[number, number], [number, number]] | undefined,
  width: number,
  height: number,
): { x: number; y: number; w: number; h: number } {
  if (!bounds) return { x: 0, y: 0, w: width, h: height };
  const [[x0, y0], [x1, y1]] = bounds;
  const margin = 0.15;
  let w = (x1 - x0) * (1 + 2 * margin);
  let h = (y1 - y0) * (1 + 2 * margin);
  if (w / h < width / height) w = (h * width) / height;
  else h = (w * height) / width;
  return { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w, h };
}
