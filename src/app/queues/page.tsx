import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "~/components/layout/page-header";
import { BOARD_INPUT, MY_OPEN_REVIEWS, OPEN_RECOMMENDATIONS } from "~/components/queues/queue-inputs";
import { ReceivershipBoard } from "~/components/queues/receivership-board";
import { RecommendationQueue } from "~/components/queues/recommendation-queue";
import { ReviewQueue } from "~/components/queues/review-queue";
import { cn } from "~/components/ui/cn";
import { can } from "~/server/authz/permissions";
import { keepForClient } from "~/trpc/prefetch";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

const TABS = ["recommendations", "reviews", "receivership"] as const;
type Tab = (typeof TABS)[number];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("queues"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The work queues: recommendations awaiting decision, reviews I own, the receivership board; the tab is in the URL. */
export default async function QueuesPage({ searchParams }: Props) {
  const requested = (await searchParams).tab;
  const tab: Tab = TABS.find((x) => x === requested) ?? "recommendations";
  const t = await getTranslations("queues");
  const queryClient = getQueryClient();
  const me = await queryClient.query(trpc.session.me.queryOptions());
  if (!me) redirect("/login?next=/queues");
  const prefetch = {
    recommendations: () => queryClient.query(trpc.recommendations.list.queryOptions(OPEN_RECOMMENDATIONS)).catch(keepForClient),
    reviews: () => queryClient.query(trpc.reviews.list.queryOptions(MY_OPEN_REVIEWS)).catch(keepForClient),
    receivership: () => queryClient.query(trpc.receivership.list.queryOptions(BOARD_INPUT)).catch(keepForClient),
  } satisfies Record<Tab, () => Promise<unknown>>;
  await prefetch[tab]();
  return (
    <HydrateClient>
      <PageHeader title={t("title")} description={t("description")} />
      <nav aria-label={t("tabsLabel")} className="mb-4 border-b border-slate-300">
        <ul className="flex flex-wrap gap-1">
          {TABS.map((key) => (
            <li key={key}>
              <Link
                href={`/queues?tab=${key}`}
                aria-current={key === tab ? "page" : undefined}
                className={cn(
                  "inline-block rounded-t-md px-4 py-2 text-sm font-medium",
                  key === tab ? "border border-b-0 border-slate-300 bg-white text-slate-900" : "text-link underline",
                )}
              >
                {t(`tabs.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="sr-only">{t(`tabs.${tab}`)}</h2>
      {tab === "recommendations" ? <RecommendationQueue canDecide={can(me.role, "recommendations.decide")} /> : null}
      {tab === "reviews" ? <ReviewQueue /> : null}
      {tab === "receivership" ? <ReceivershipBoard canApprove={can(me.role, "receivership.approve")} /> : null}
    </HydrateClient>
  );
}
