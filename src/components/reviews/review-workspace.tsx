"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { CommentThread } from "~/components/comments/comment-thread";
import { calendarDay } from "~/components/format/calendar-day";
import { Section } from "~/components/layout/section";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Input, Label } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { formText } from "~/components/ui/form-text";
import { useTRPC } from "~/trpc/react";
import { CloseForm, FindingsForm, PlanForm, ReassignForm, type ReviewDetail } from "./review-forms";
import { ReviewHistory } from "./review-history";
import { useReviewRefresh } from "./use-review-action";

function Summary({ review }: { review: ReviewDetail }) {
  const t = useTranslations("reviews.detail");
  const tEnums = useTranslations("enums");
  const format = useFormatter();
  const rows: [string, React.ReactNode][] = [
    [
      t("department"),
      <Link key="d" className="text-link underline" href={`/departments/${encodeURIComponent(review.department.code)}`}>
        {review.department.name}
      </Link>,
    ],
    [
      t("status"),
      <Badge key="s" tone={review.status === "OPEN" ? "info" : "neutral"}>
        {tEnums(`reviewStatus.${review.status}`)}
      </Badge>,
    ],
    [t("owner"), review.owner.name],
    [
      t("due"),
      review.dueOn ? (
        <span key="due">
          {format.dateTime(calendarDay(review.dueOn), "day")} {review.overdue ? <Badge tone="critical">{t("overdue")}</Badge> : null}
        </span>
      ) : (
        t("noDue")
      ),
    ],
    [t("opened"), `${format.dateTime(review.openedAt, "instant")} · ${review.openedBy.name}`],
    [
      t("scope"),
      <span key="scope" className="whitespace-pre-wrap">
        {review.scope}
      </span>,
    ],
  ];
  if (review.status === "CLOSED") {
    rows.push([t("decision"), review.decision ? tEnums(`reviewDecision.${review.decision}`) : "—"]);
    rows.push([
      t("decisionNotes"),
      <span key="n" className="whitespace-pre-wrap">
        {review.decisionNotes}
      </span>,
    ]);
    rows.push([
      t("findings"),
      <span key="f" className="whitespace-pre-wrap">
        {review.findings || "—"}
      </span>,
    ]);
    rows.push([
      t("response"),
      <span key="r" className="whitespace-pre-wrap">
        {review.departmentResponse || "—"}
      </span>,
    ]);
  }
  return (
    <Card>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="review-summary">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-800">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** Sources (news items, commission recommendations, court files) attached as links; added and removed while open. */
function Sources({ review, canConduct }: { review: ReviewDetail; canConduct: boolean }) {
  const t = useTranslations("reviews.sources");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const refresh = useReviewRefresh();
  const add = useMutation(trpc.reviews.addSourceLink.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.reviews.removeSourceLink.mutationOptions({ onSuccess: refresh }));
  const editable = canConduct && review.status === "OPEN";
  return (
    <Section id="review-sources" title={t("title")}>
      {review.sourceLinks.length === 0 ? (
        <p className="text-sm">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm" data-testid="review-sources">
          {review.sourceLinks.map((s) => (
            <li key={s.id} id={`source-${s.id}`} className="flex flex-wrap items-center gap-2">
              <a className="inline-flex items-center gap-1 text-link underline" href={s.url} target="_blank" rel="noopener noreferrer">
                {s.label}
                <ExternalLink aria-hidden="true" className="size-3.5" />
                <span className="sr-only">{tCommon("externalLink")}</span>
              </a>
              {editable ? (
                <Button type="button" size="sm" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate({ id: s.id })}>
                  {t("remove", { label: s.label })}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={remove.error} />
      {editable ? (
        <form
          className="flex flex-wrap items-end gap-3"
          aria-label={t("addLabel")}
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            add.mutate(
              { reviewId: review.id, url: formText(data, "url"), label: formText(data, "label") },
              { onSuccess: () => form.reset() },
            );
          }}
        >
          <div className="flex min-w-72 flex-col gap-1">
            <Label htmlFor="source-url">{t("url")}</Label>
            <Input id="source-url" name="url" type="url" required placeholder="https://" />
          </div>
          <div className="flex min-w-56 flex-col gap-1">
            <Label htmlFor="source-label">{t("label")}</Label>
            <Input id="source-label" name="label" required maxLength={300} />
          </div>
          <Button type="submit" variant="outline" disabled={add.isPending}>
            {t("add")}
          </Button>
          <ErrorAlert error={add.error} className="w-full" />
          {add.isSuccess ? (
            <p role="status" className="w-full text-sm text-emerald-800">
              {t("added")}{" "}
              <a className="text-link underline" href={`#source-${add.data.id}`}>
                {add.data.label}
              </a>
            </p>
          ) : null}
        </form>
      ) : null}
    </Section>
  );
}

/** One review's page: its summary, the work forms for those who conduct it, sources, history and comments. */
export function ReviewWorkspace({ id, canConduct, canComment }: { id: number; canConduct: boolean; canComment: boolean }) {
  const t = useTranslations("reviews.detail");
  const trpc = useTRPC();
  const query = useQuery(trpc.reviews.get.queryOptions({ id }));
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Skeleton className="h-64 w-full" />;
  const review = query.data;
  const open = review.status === "OPEN";
  return (
    <div className="flex flex-col gap-6">
      <Summary review={review} />
      {canConduct && open ? (
        <Section id="review-work" title={t("work")}>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <FindingsForm review={review} />
            <PlanForm review={review} />
            <ReassignForm review={review} />
            <CloseForm review={review} />
          </div>
        </Section>
      ) : null}
      {!open ? <p className="text-sm">{t("closedNotice")}</p> : null}
      <Sources review={review} canConduct={canConduct} />
      <ReviewHistory id={review.id} />
      <CommentThread target={{ type: "REVIEW", id: review.id }} canWrite={canComment} title={t("comments")} />
    </div>
  );
}
