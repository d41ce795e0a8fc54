import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { fetchOrNotFound } from "~/app/_lib/fetch-or-not-found";
import { PageHeader } from "~/components/layout/page-header";
import { ReviewWorkspace } from "~/components/reviews/review-workspace";
import { can } from "~/server/authz/permissions";
import { keepForClient } from "~/trpc/prefetch";
import { HydrateClient, getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const reviewId = (segment: string) => (/^[1-9]\d{0,9}$/.test(segment) && Number(segment) <= 2_147_483_647 ? Number(segment) : notFound());

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("reviews"))("reviewNumber", { id: reviewId((await params).id) }) };
}

export default async function ReviewPage({ params }: Props) {
  const id = reviewId((await params).id);
  const t = await getTranslations("reviews");
  const queryClient = getQueryClient();
  const me = await queryClient.query(trpc.session.me.queryOptions());
  if (!me) redirect(`/login?next=/reviews/${id}`);
  const review = await fetchOrNotFound(queryClient.query(trpc.reviews.get.queryOptions({ id })));
  const canConduct = can(me.role, "reviews.conduct");
  await Promise.all([
    queryClient.query(trpc.reviews.history.queryOptions({ id })).catch(keepForClient),
    canConduct && review.status === "OPEN" ? queryClient.query(trpc.reviews.ownerOptions.queryOptions({ id })).catch(keepForClient) : null,
  ]);
  return (
    <HydrateClient>
      <p className="no-print mb-2 text-sm">
        <Link className="text-link underline" href="/reviews">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={t("reviewNumber", { id })} description={`${review.department.name} · ${review.department.code}`} />
      <ReviewWorkspace id={id} canConduct={canConduct} canComment={can(me.role, "comments.write")} />
    </HydrateClient>
  );
}
