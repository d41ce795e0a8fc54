import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OverviewDashboard } from "~/components/dashboard/overview-dashboard";
import { PageHeader } from "~/components/layout/page-header";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";
import { keepForClient } from "~/trpc/prefetch";
import { fetchOrNotFound } from "~/app/_lib/fetch-or-not-found";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ stateCode: string }> };

async function loadState(stateCode: string) {
  if (!/^\d{2}$/.test(stateCode)) notFound();
  return fetchOrNotFound(getQueryClient().query(trpc.dashboard.overview.queryOptions({ stateCode })));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const overview = await loadState((await params).stateCode);
  return { title: overview.state?.name };
}

export default async function StatePage({ params }: Props) {
  const { stateCode } = await params;
  const overview = await loadState(stateCode);
  const t = await getTranslations("dashboard");
  await getQueryClient().query(trpc.dashboard.trends.queryOptions({ stateCode })).catch(keepForClient);
  return (
    <HydrateClient>
      <p className="no-print mb-2 text-sm">
        <Link className="text-link underline" href="/">
          {t("backToOverview")}
        </Link>
      </p>
      <PageHeader title={overview.state?.name} description={t("stateDescription")} />
      <OverviewDashboard stateCode={stateCode} indicator="flaggedShare" />
    </HydrateClient>
  );
}
