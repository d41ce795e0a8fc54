"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "~/components/ui/button";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { timelineInput } from "./roster-inputs";

/** The department's merged history (complaints, evaluations, decisions, reviews, receivership), newest first; "more" loads older entries. */
export function DossierTimeline({ departmentCode }: { departmentCode: string }) {
  const t = useTranslations("dossier.timeline");
  const format = useFormatter();
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.timeline.department.infiniteQueryOptions(timelineInput(departmentCode), { getNextPageParam: (last) => last.nextCursor }),
  );
  if (query.error && !query.data) return <ErrorAlert error={query.error} wrap={(message) => t("error", { message })} />;
  if (!query.data) return <Skeleton className="h-48 w-full" />;
  const events = query.data.pages.flatMap((p) => p.events);
  if (events.length === 0) return <p>{t("empty")}</p>;
  return (
    <div className="flex flex-col gap-3">
      <ol className="flex flex-col gap-2 border-l-2 border-slate-300 pl-4" data-testid="timeline">
        {events.map((event) => (
          <li key={event.id} className="text-sm">
            <time dateTime={event.at.toISOString()} className="font-medium tabular-nums">
              {format.dateTime(event.at, event.dateOnly ? "day" : "instant")}
            </time>{" "}
            — {t(`kinds.${event.kind.replace(".", "_") as "complaint_received"}`)}
            {event.kind === "comment" ? (
              <p className="whitespace-pre-wrap text-slate-800">
                {event.data.author?.name ?? "—"}: {event.data.body}
              </p>
            ) : null}
            {event.kind === "complaint.received" ? <span className="font-mono"> {event.data.ref}</span> : null}
          </li>
        ))}
      </ol>
      <ErrorAlert error={query.error} />
      <p role="status" className="text-sm text-slate-800">
        {query.hasNextPage ? t("shown", { count: events.length }) : t("end", { count: events.length })}
      </p>
      {query.hasNextPage ? (
        <div className="no-print">
          <Button type="button" variant="outline" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {t("more")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
