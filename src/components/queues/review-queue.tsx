"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { calendarDay } from "~/components/format/calendar-day";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Label, Select } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { MY_OPEN_REVIEWS } from "./queue-inputs";
import { formText } from "~/components/ui/form-text";

const DECISIONS = ["NO_ACTION", "CORRECTIVE_PLAN", "REFER_TO_PROSECUTOR", "PROPOSE_RECEIVERSHIP"] as const;
const area = "rounded-md border border-slate-400 p-2 text-sm";

function ReviewWork({ id, onDone }: { id: number; onDone: () => void }) {
  const t = useTranslations("queues.reviews");
  const tDecisions = useTranslations("enums.reviewDecision");
  const trpc = useTRPC();
  const review = useQuery(trpc.reviews.get.queryOptions({ id }));
  const update = useMutation(trpc.reviews.update.mutationOptions({ onSuccess: onDone }));
  const close = useMutation(trpc.reviews.close.mutationOptions({ onSuccess: onDone }));
  if (!review.data) return <Skeleton className="h-32 w-full" />;
  const r = review.data;
  const field = (name: string) => `review-${id}-${name}`;
  return (
    <div className="mt-3 grid grid-cols-1 gap-4 lg:grid-cols-2">
      <form
        key={r.version}
        className="flex flex-col gap-2"
        aria-label={t("updateLabel", { id })}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          update.mutate({
            id,
            version: r.version,
            findings: formText(data, "findings"),
            departmentResponse: formText(data, "response"),
          });
        }}
      >
        <Label htmlFor={field("findings")}>{t("findings")}</Label>
        <textarea id={field("findings")} name="findings" rows={4} defaultValue={r.findings} className={area} />
        <Label htmlFor={field("response")}>{t("response")}</Label>
        <textarea id={field("response")} name="response" rows={3} defaultValue={r.departmentResponse} className={area} />
        <ErrorAlert error={update.error} />
        {update.isSuccess ? (
          <p role="status" className="text-sm text-emerald-800">
            {t("saved")}
          </p>
        ) : null}
        <div>
          <Button type="submit" variant="outline" disabled={update.isPending}>
            {t("save")}
          </Button>
        </div>
      </form>
      <form
        className="flex flex-col gap-2"
        aria-label={t("closeLabel", { id })}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          close.mutate({
            id,
            version: r.version,
            decision: data.get("decision") as (typeof DECISIONS)[number],
            decisionNotes: formText(data, "notes"),
          });
        }}
      >
        <Label htmlFor={field("decision")}>{t("decision")}</Label>
        <Select id={field("decision")} name="decision" defaultValue="CORRECTIVE_PLAN">
          {DECISIONS.map((d) => (
            <option key={d} value={d}>
              {tDecisions(d)}
            </option>
          ))}
        </Select>
        <Label htmlFor={field("notes")}>{t("notes")}</Label>
        <textarea id={field("notes")} name="notes" rows={3} required className={area} />
        <ErrorAlert error={close.error} />
        <div>
          <Button type="submit" disabled={close.isPending}>
            {t("close")}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** Open reviews the caller owns, due soonest first, each with its findings/response and closing forms. */
export function ReviewQueue() {
  const t = useTranslations("queues.reviews");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.reviews.list.queryOptions(MY_OPEN_REVIEWS));
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Skeleton className="h-64 w-full" />;
  if (list.data.rows.length === 0) return <p>{t("empty")}</p>;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.reviews.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.reviews.get.queryKey() }),
    ]);
  return (
    <ul className="flex flex-col gap-3" data-testid="review-queue">
      {list.data.rows.map((row) => (
        <li key={row.id} data-review={row.id} data-department={row.department.code}>
          <Card>
            <div className="flex flex-wrap items-center gap-2">
              <Link className="font-semibold text-link underline" href={`/departments/${encodeURIComponent(row.department.code)}`}>
                {row.department.name}
              </Link>
              <span className="text-sm">{row.dueOn ? t("due", { date: format.dateTime(calendarDay(row.dueOn), "day") }) : t("noDue")}</span>
            </div>
            <p className="text-sm">{row.scope}</p>
            <details>
              <summary className="cursor-pointer text-sm text-link underline">{t("work")}</summary>
              <ReviewWork id={row.id} onDone={refresh} />
            </details>
          </Card>
        </li>
      ))}
    </ul>
  );
}
