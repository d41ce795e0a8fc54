"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";

/** The department's merged history (complaints, evaluations, decisions, reviews, receivership), newest first. */
export function DossierTimeline({ departmentCode }: { departmentCode: string }) {
  const t = useTranslations("dossier.timeline");
  const format = useFormatter();
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.timeline.department.queryOptions({ departmentCode, limit: 100 }));
  if (error) return <ErrorAlert error={error} wrap={(message) => t("error", { message })} />;
  if (!data) return <Skeleton className="h-48 w-full" />;
  if (data.events.length === 0) return <p>{t("empty")}</p>;
  return (
    <ol className="flex flex-col gap-2 border-l-2 border-slate-300 pl-4" data-testid="timeline">
      {data.events.map((event) => (
        <li key={event.id} className="text-sm">
          <time dateTime={event.at.toISOString()} className="font-medium tabular-nums">
            {format.dateTime(event.at, event.dateOnly ? "day" : "instant")}
          </time>{" "}
          — {t(`kinds.${event.kind.replace(".", "_") as "complaint_received"}`)}
        </li>
      ))}
    </ol>
  );
}
