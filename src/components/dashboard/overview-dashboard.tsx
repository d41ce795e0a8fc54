"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Form from "next/form";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Card, CardTitle } from "~/components/ui/card";
import { Label, Select } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import type { StateShape } from "~/server/dashboard/map-shapes";
import { useTRPC } from "~/trpc/react";
import { AreaTable } from "./area-table";
import { INDICATORS, type IndicatorKey } from "./indicators";
import { KpiCards } from "./kpi-cards";
import { StateMap } from "./state-map";
import { TrendCharts } from "./trend-charts";

type Props = {
  stateCode?: string;
  indicator: IndicatorKey;
  map?: { shapes: StateShape[]; width: number; height: number; focus?: string | null };
};

/** The national overview (with the map) or a state's view (its departments), from the dashboard router. */
export function OverviewDashboard({ stateCode, indicator, map }: Props) {
  const t = useTranslations("dashboard");
  const trpc = useTRPC();
  const input = stateCode ? { stateCode } : {};
  const overview = useQuery(trpc.dashboard.overview.queryOptions(input));
  const trends = useQuery(trpc.dashboard.trends.queryOptions(input));
  if (overview.error) return <ErrorAlert error={overview.error} wrap={(message) => t("loadError", { message })} />;
  const data = overview.data;
  return (
    <div className="flex flex-col gap-6">
      {data ? <KpiCards levels={data.levels} kpis={data.kpis} /> : <Skeleton className="h-44 w-full" />}
      <section aria-labelledby="areas-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="areas-heading" className="text-lg font-semibold">
            {stateCode ? t("departmentsHeading") : t("statesHeading")}
          </h2>
          {map ? (
            <Form action="/" className="no-print flex items-end gap-2">
              <div className="flex flex-col gap-1">
                <Label htmlFor="indicator">{t("map.indicator")}</Label>
                <Select id="indicator" name="indicator" defaultValue={indicator}>
                  {INDICATORS.map((i) => (
                    <option key={i.key} value={i.key}>
                      {t(`indicators.${i.key}`)}
                    </option>
                  ))}
                </Select>
              </div>
              <Button type="submit" variant="outline">
                {t("map.show")}
              </Button>
            </Form>
          ) : null}
        </div>
        {map ? (
          <Card>
            <CardTitle className="sr-only">{t("map.title")}</CardTitle>
            {data ? (
              <StateMap
                shapes={map.shapes}
                areas={data.areas}
                indicator={indicator}
                width={map.width}
                height={map.height}
                focus={map.focus}
              />
            ) : (
              <Skeleton className="aspect-[800/540] w-full" />
            )}
          </Card>
        ) : null}
        {data ? (
          <AreaTable
            areas={data.areas}
            testId={stateCode ? "state-departments-table" : "states-table"}
            perDepartment={Boolean(stateCode)}
            caption={stateCode ? t("departmentsCaption") : t("statesCaption")}
            hrefFor={(code) => (stateCode ? `/departments/${code}` : `/states/${code}`)}
          />
        ) : (
          <Skeleton className="h-96 w-full" />
        )}
      </section>
      <section aria-labelledby="trends-heading" className="flex flex-col gap-3">
        <h2 id="trends-heading" className="text-lg font-semibold">
          {t("trends.heading")}
        </h2>
        <ErrorAlert error={trends.error} wrap={(message) => t("loadError", { message })} />
        {trends.data ? <TrendCharts points={trends.data} /> : <Skeleton className="h-[32rem] w-full" />}
      </section>
    </div>
  );
}
