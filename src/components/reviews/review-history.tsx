"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { calendarDay } from "~/components/format/calendar-day";
import { Section } from "~/components/layout/section";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";

/** Every change of owner, due date and scope, newest first: who, when, from what to what, and why. */
export function ReviewHistory({ id }: { id: number }) {
  const t = useTranslations("reviews.history");
  const format = useFormatter();
  const trpc = useTRPC();
  const history = useQuery(trpc.reviews.history.queryOptions({ id }));
  type Value = { value: string | null; ownerName: string | null };
  const shown = (field: string, v: Value) => {
    if (v.value === null) return t("none");
    if (field === "OWNER") return v.ownerName ?? `#${v.value}`;
    if (field === "DUE_ON") return format.dateTime(calendarDay(v.value), "day");
    return v.value;
  };
  return (
    <Section id="review-history" title={t("title")}>
      <ErrorAlert error={history.error} />
      {!history.data ? (
        <Skeleton className="h-16 w-full" />
      ) : history.data.length === 0 ? (
        <p className="text-sm">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-2 text-sm" data-testid="review-history">
          {history.data.map((c) => (
            <li key={c.id} className="rounded-md border border-slate-300 bg-white p-3" data-field={c.field}>
              <p className="text-xs text-slate-700">
                <time dateTime={c.changedAt.toISOString()}>{format.dateTime(c.changedAt, "instant")}</time> · {c.changedBy.name}
              </p>
              <p>
                <span className="font-medium">{t(`fields.${c.field}`)}</span>: {shown(c.field, c.before)} → {shown(c.field, c.after)}
              </p>
              {c.reason ? <p className="text-slate-800">{t("reason", { reason: c.reason })}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
