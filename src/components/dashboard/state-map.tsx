"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AreaIndicators } from "~/server/dashboard/overview";
import type { StateShape } from "~/server/dashboard/map-shapes";
import { type IndicatorKey, type MapClass, NO_DATA_FILL, classOf, mapClasses, viewBoxAround } from "./indicators";
import { useIndicatorFormat } from "./use-indicator-format";

type Props = {
  shapes: StateShape[];
  areas: (AreaIndicators & { code: string })[];
  indicator: IndicatorKey;
  width: number;
  height: number;
  /** A state to zoom to (an attorney general's own): its neighbours stay around it for orientation. */
  focus?: string | null;
};

/**
 * Choropleth of the states. Every state the caller may see is a link (Tab reaches it, Enter opens the
 * state); hovering or focusing shows its value, and the same values are in the table next to the map.
 */
export function StateMap({ shapes, areas, indicator, width, height, focus }: Props) {
  const t = useTranslations("dashboard");
  const formatValue = useIndicatorFormat();
  const router = useRouter();
  const [active, setActive] = useState<string | null>(null);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const classes = mapClasses(
    indicator,
    areas.map((a) => a[indicator]),
  );
  const activeArea = active ? byCode.get(active) : undefined;
  const activeShape = active ? shapes.find((s) => s.code === active) : undefined;
  const view = viewBoxAround(focus ? shapes.find((s) => s.code === focus)?.bounds : undefined, width, height);
  return (
    <figure className="relative m-0" data-testid="state-map">
      <svg
        viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
        data-focus={focus ?? undefined}
        className="h-auto w-full"
        role="group"
        aria-label={t("map.label", { indicator: t(`indicators.${indicator}`) })}
      >
        {shapes.map((shape) => {
          const area = byCode.get(shape.code);
          const fill = (area && classOf(area[indicator], classes)?.color) ?? NO_DATA_FILL;
          const path = (
            <path
              d={shape.d}
              fill={fill}
              stroke="#334155"
              strokeWidth={active === shape.code ? 2.5 : 0.6}
              vectorEffect="non-scaling-stroke"
            />
          );
          // States outside the caller's scope are drawn for orientation only: not links, no values.
          if (!area)
            return (
              <g key={shape.code} aria-hidden="true">
                {path}
              </g>
            );
          return (
            <a
              key={shape.code}
              href={`/states/${shape.code}`}
              aria-label={`${area.name}: ${formatValue(indicator, area[indicator])}`}
              data-state={shape.code}
              onClick={(event) => {
                event.preventDefault();
                router.push(`/states/${shape.code}`);
              }}
              onMouseEnter={() => setActive(shape.code)}
              onMouseLeave={() => setActive((current) => (current === shape.code ? null : current))}
              onFocus={() => setActive(shape.code)}
              onBlur={() => setActive((current) => (current === shape.code ? null : current))}
              className="cursor-pointer outline-none focus-visible:[&>path]:stroke-[#1d4ed8] focus-visible:[&>path]:stroke-[3]"
            >
              {path}
            </a>
          );
        })}
      </svg>
      {activeArea && activeShape ? (
        <div
          role="tooltip"
          data-testid="map-tooltip"
          className="pointer-events-none absolute z-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm shadow-md"
          style={{
            left: `${(100 * (activeShape.centroid[0] - view.x)) / view.w}%`,
            top: `${(100 * (activeShape.centroid[1] - view.y)) / view.h}%`,
            transform: "translate(-50%, calc(-100% - 8px))",
          }}
        >
          <p className="font-semibold">{activeArea.name}</p>
          <p>
            {t(`indicators.${indicator}`)}: {formatValue(indicator, activeArea[indicator])}
          </p>
          <p>{t("map.departments", { count: activeArea.departments })}</p>
        </div>
      ) : null}
      <figcaption className="mt-2">
        <MapLegend indicator={indicator} classes={classes} />
      </figcaption>
    </figure>
  );
}

/** Each colour with the values it stands for (computed from the areas drawn), lowest values first. */
function MapLegend({ indicator, classes }: { indicator: IndicatorKey; classes: MapClass[] }) {
  const t = useTranslations("dashboard.map");
  const formatValue = useIndicatorFormat();
  return (
    <div className="flex flex-wrap items-center gap-3 text-xs text-slate-800">
      <span>{t("legendTitle")}</span>
      <ul className="flex flex-wrap gap-3" data-testid="map-legend">
        {classes.map((c, i) => (
          <li key={c.lower} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-6 border border-slate-400" style={{ background: c.color }} />
            {c.lower === c.upper
              ? formatValue(indicator, c.lower)
              : t(i === classes.length - 1 ? "legendClassLast" : "legendClass", {
                  lower: formatValue(indicator, c.lower),
                  upper: formatValue(indicator, c.upper),
                })}
          </li>
        ))}
      </ul>
      <span className="ml-4 inline-flex items-center gap-1">
        <span aria-hidden="true" className="inline-block h-3 w-5 border border-slate-400" style={{ background: NO_DATA_FILL }} />
        {t("noData")}
      </span>
    </div>
  );
}
