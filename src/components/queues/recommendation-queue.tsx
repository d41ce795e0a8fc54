"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { calendarDay } from "~/components/format/calendar-day";
import { LevelBadge } from "~/components/levels/level-badge";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Label, Select } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { OPEN_RECOMMENDATIONS } from "./queue-inputs";
import { formText } from "~/components/ui/form-text";

const REASONS = ["FALSE_POSITIVE", "DATA_ERROR", "ALREADY_ADDRESSED", "OTHER"] as const;
type Row = { id: number; version: number; level: string };

function DecideForm({ row, onDone }: { row: Row; onDone: () => void }) {
  const t = useTranslations("queues.recommendations");
  const tReasons = useTranslations("enums.dismissReason");
  const trpc = useTRPC();
  const [outcome, setOutcome] = useState<"ACCEPT" | "DISMISS">("DISMISS");
  const decide = useMutation(trpc.recommendations.decide.mutationOptions({ onSuccess: onDone }));
  const id = (name: string) => `rec-${row.id}-${name}`;
  return (
    <form
      className="mt-3 flex flex-col gap-2"
      aria-label={t("decideLabel", { id: row.id })}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const text = (name: string) => formText(data, name);
        const receivership = row.level === "RECEIVERSHIP" ? { receivingAuthority: text("authority"), terms: text("terms") } : undefined;
        if (outcome === "ACCEPT")
          decide.mutate({ id: row.id, version: row.version, outcome, note: text("note") || undefined, receivership });
        else
          decide.mutate({
            id: row.id,
            version: row.version,
            outcome,
            reason: data.get("reason") as (typeof REASONS)[number],
            justification: formText(data, "justification"),
          });
      }}
    >
      <fieldset className="flex gap-4">
        <legend className="sr-only">{t("outcome")}</legend>
        {(["DISMISS", "ACCEPT"] as const).map((value) => (
          <label key={value} className="flex items-center gap-1 text-sm">
            <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
            {t(value === "ACCEPT" ? "accept" : "dismiss")}
          </label>
        ))}
      </fieldset>
      {outcome === "DISMISS" ? (
        <>
          <Label htmlFor={id("reason")}>{t("reason")}</Label>
          <Select id={id("reason")} name="reason" required defaultValue="FALSE_POSITIVE">
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {tReasons(r)}
              </option>
            ))}
          </Select>
          <Label htmlFor={id("justification")}>{t("justification")}</Label>
          <textarea
            id={id("justification")}
            name="justification"
            required
            minLength={30}
            rows={3}
            className="rounded-md border border-slate-400 p-2 text-sm"
          />
          <p className="text-xs text-slate-700">{t("justificationHint")}</p>
        </>
      ) : (
        <>
          <p className="text-sm">{t(row.level === "RECEIVERSHIP" ? "acceptReceivership" : "acceptReview")}</p>
          {row.level === "RECEIVERSHIP" ? (
            <>
              <Label htmlFor={id("authority")}>{t("authority")}</Label>
              <input id={id("authority")} name="authority" required className="h-9 rounded-md border border-slate-400 px-2 text-sm" />
              <Label htmlFor={id("terms")}>{t("terms")}</Label>
              <textarea id={id("terms")} name="terms" required rows={3} className="rounded-md border border-slate-400 p-2 text-sm" />
            </>
          ) : null}
          <Label htmlFor={id("note")}>{t("note")}</Label>
          <textarea id={id("note")} name="note" rows={2} className="rounded-md border border-slate-400 p-2 text-sm" />
        </>
      )}
      <ErrorAlert error={decide.error} />
      <div>
        <Button type="submit" disabled={decide.isPending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}

/** Recommendations awaiting a decision in the caller's scope, each with an accept/dismiss form when they may decide. */
export function RecommendationQueue({ canDecide }: { canDecide: boolean }) {
  const t = useTranslations("queues.recommendations");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.recommendations.list.queryOptions(OPEN_RECOMMENDATIONS));
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Skeleton className="h-64 w-full" />;
  if (list.data.rows.length === 0) return <p>{t("empty")}</p>;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.recommendations.list.queryKey() });
  return (
    <ul className="flex flex-col gap-3" data-testid="recommendation-queue">
      {list.data.rows.map((row) => (
        <li key={row.id} data-recommendation={row.id} data-department={row.department.code}>
          <Card>
            <div className="flex flex-wrap items-center gap-2">
              <Link className="font-semibold text-link underline" href={`/departments/${encodeURIComponent(row.department.code)}`}>
                {row.department.name}
              </Link>
              <span className="font-mono text-xs">{row.department.code}</span>
              <LevelBadge level={row.previousLevel} /> → <LevelBadge level={row.level} />
            </div>
            <p className="text-sm text-slate-800">
              {t("evaluated", {
                date: format.dateTime(calendarDay(row.asOf), "day"),
                ruleSet: row.ruleSet.ruleSetId,
                version: row.ruleSet.version,
              })}
            </p>
            {canDecide ? <DecideForm row={row} onDone={refresh} /> : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}
