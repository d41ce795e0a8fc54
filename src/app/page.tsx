import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { parseIndicator } from "~/components/dashboard/indicators";
import { OverviewDashboard } from "~/components/dashboard/overview-dashboard";
import { PageHeader } from "~/components/layout/page-header";
import { MAP_HEIGHT, MAP_WIDTH, stateShapes } from "~/server/dashboard/map-shapes";
import { keepForClient } from "~/trpc/prefetch";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

/** A reader restricted to one state (an attorney general) gets that state's overview, not the nation's. */
async function ownState(): Promise<{ code: string; name: string } | null> {
  const me = await getQueryClient()
    .query(trpc.session.me.queryOptions())
    .catch(() => null);
  return me?.stateCode && me.stateName ? { code: me.stateCode, name: me.stateName } : null;
}

export async function generateMetadata(): Promise<Metadata> {
  const [t, state] = await Promise.all([getTranslations("dashboard"), ownState()]);
  return { title: state ? t("stateTitle", { state: state.name }) : t("title") };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const indicator = parseIndicator((await searchParams).indicator);
  const t = await getTranslations("dashboard");
  const queryClient = getQueryClient();
  const [shapes, state] = await Promise.all([
    stateShapes(),
    ownState(),
    queryClient.query(trpc.dashboard.overview.queryOptions({})).catch(keepForClient),
    queryClient.query(trpc.dashboard.trends.queryOptions({})).catch(keepForClient),
  ]);
  return (
    <HydrateClient>
      <PageHeader
        title={state ? t("stateTitle", { state: state.name }) : t("title")}
        description={state ? t("stateOverviewDescription") : t("description")}
      />
      <OverviewDashboard indicator={indicator} map={{ shapes, width: MAP_WIDTH, height: MAP_HEIGHT, focus: state?.code }} />
    </HydrateClient>
  );
}
