import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Pagination } from "~/components/departments/pagination";
import { calendarDay } from "~/components/format/calendar-day";
import { PageHeader } from "~/components/layout/page-header";
import { RecordsTable } from "~/components/layout/table-section";
import { type ReviewListView, parseReviewListView, reviewListHref, reviewListInput } from "~/components/reviews/review-list-view";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { cn } from "~/components/ui/cn";
import { Label, Select } from "~/components/ui/input";
import { REVIEW_VIEWS } from "~/server/reviews/list-reviews";
import { getQueryClient, trpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reviews"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The reviews board: open, overdue (past their due date in Mexico City) and closed reviews the caller
 * may see (an attorney general, their state's), paged on the server with exact totals; tab, page,
 * "mine" and state are in the URL.
 */
export default async function ReviewsPage({ searchParams }: Props) {
  const view = parseReviewListView(await searchParams);
  const t = await getTranslations("reviews");
  const tEnums = await getTranslations("enums");
  const format = await getFormatter();
  const queryClient = getQueryClient();
  const me = await queryClient.query(trpc.session.me.queryOptions());
  if (!me) redirect("/login?next=/reviews");
  const list = await queryClient.query(trpc.reviews.list.queryOptions(reviewListInput(view)));
  const href = (change: Partial<ReviewListView>) => reviewListHref({ ...view, page: 1, ...change });
  const day = (ymd: string) => format.dateTime(calendarDay(ymd), "day");
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { today: day(list.today) })} />
      <nav aria-label={t("tabsLabel")} className="mb-4 border-b border-slate-300">
        <ul className="flex flex-wrap gap-1">
          {REVIEW_VIEWS.map((key) => (
            <li key={key}>
              <Link
                href={href({ view: key })}
                aria-current={key === view.view ? "page" : undefined}
                className={cn(
                  "inline-block rounded-t-md px-4 py-2 text-sm font-medium",
                  key === view.view ? "border border-b-0 border-slate-300 bg-white text-slate-900" : "text-link underline",
                )}
              >
                {t(`tabs.${key}`, { count: list.views[key] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/reviews" className="mb-4 flex flex-wrap items-end gap-4" aria-label={t("filtersLabel")}>
        <input type="hidden" name="view" value={view.view} />
        <div className="flex items-center gap-2">
          <input id="reviews-mine" type="checkbox" name="mine" value="1" defaultChecked={view.mine} className="size-4" />
          <Label htmlFor="reviews-mine">{t("mine")}</Label>
        </div>
        {me.stateCode === null ? (
          <div className="flex flex-col gap-1">
            <Label htmlFor="reviews-state">{t("state")}</Label>
            <Select id="reviews-state" name="state" defaultValue={view.stateCode ?? ""}>
              <option value="">{t("allStates")}</option>
              {Array.from({ length: 32 }, (_, i) => String(i + 1).padStart(2, "0")).map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        <Button type="submit" variant="outline">
          {t("apply")}
        </Button>
      </form>
      <h2 className="sr-only">{t(`tabs.${view.view}`, { count: list.total })}</h2>
      <p className="mb-2 text-sm" data-testid="reviews-total">
        {t("total", { count: list.total })}
      </p>
      <RecordsTable
        testId="reviews-table"
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={<p>{t(`empty.${view.view}`)}</p>}
        columns={[
          {
            header: t("columns.review"),
            cell: (r) => (
              <Link className="text-link underline" href={`/reviews/${r.id}`}>
                {t("reviewNumber", { id: r.id })}
              </Link>
            ),
          },
          {
            header: t("columns.department"),
            cell: (r) => (
              <Link className="text-link underline" href={`/departments/${encodeURIComponent(r.department.code)}`}>
                {r.department.name}
              </Link>
            ),
          },
          { header: t("columns.scope"), cellClassName: "max-w-md", cell: (r) => r.scope },
          { header: t("columns.owner"), cell: (r) => r.owner.name },
          {
            header: t("columns.due"),
            cell: (r) =>
              r.dueOn ? (
                <span className="flex flex-wrap items-center gap-1">
                  {day(r.dueOn)}
                  {r.overdue ? <Badge tone="critical">{t("overdue")}</Badge> : null}
                </span>
              ) : (
                t("noDue")
              ),
          },
          view.view === "closed"
            ? {
                header: t("columns.decision"),
                cell: (r) => (
                  <>
                    {r.decision ? tEnums(`reviewDecision.${r.decision}`) : "—"}
                    {r.closedAt ? <span className="block text-xs">{format.dateTime(r.closedAt, "instant")}</span> : null}
                  </>
                ),
              }
            : { header: t("columns.opened"), cell: (r) => format.dateTime(r.openedAt, "instant") },
        ]}
      />
      {list.total > list.pageSize ? (
        <div className="mt-3">
          <Pagination page={view.page} pages={pages} hrefFor={(page) => reviewListHref({ ...view, page })} />
        </div>
      ) : null}
    </>
  );
}
