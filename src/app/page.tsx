import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { parseIndicator } from "~/components/dashboard/indicators";
import { OverviewDashboard } from "~/components/dashboard/overview-dashboard";
import { PageHeader } from "~/components/layout/page-header";
import { MAP_HEIGHT, MAP_WIDTH, stateShapes } from "~/server/dashboard/map-shapes";
import { keepForClient } from "~/trpc/prefetch";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const indicator = parseIndicator((await searchParams).indicator);
  const t = await getTranslations("dashboard");
  const queryClient = getQueryClient();
  const [shapes] = await Promise.all([
    stateShapes(),
    queryClient.query(trpc.dashboard.overview.queryOptions({})).catch(keepForClient),
    queryClient.query(trpc.dashboard.trends.queryOptions({})).catch(keepForClient),
  ]);
  return (
    <HydrateClient>
      <PageHeader title={t("title")} description={t("description")} />
      <OverviewDashboard indicator={indicator} map={{ shapes, width: MAP_WIDTH, height: MAP_HEIGHT }} />
    </HydrateClient>
  );
}
