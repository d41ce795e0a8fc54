"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { calendarDay } from "~/components/format/calendar-day";
import { useRuleName } from "~/components/levels/rule-name";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { Card, CardTitle } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { BOARD_INPUT } from "./queue-inputs";
import { ReauthForm } from "./reauth-form";
import { needsReauth } from "./use-mutation-error";

const COLUMNS = ["PROPOSED", "IMPOSED", "LIFTED", "WITHDRAWN"] as const;

function ApproveButton({ id, version, onDone }: { id: number; version: number; onDone: () => void }) {
  const t = useTranslations("queues.board");
  const trpc = useTRPC();
  const approve = useMutation(trpc.receivership.approve.mutationOptions({ onSuccess: onDone }));
  const run = () => approve.mutate({ id, version });
  return (
    <div className="mt-2">
      <Button size="sm" onClick={run} disabled={approve.isPending}>
        {t("approve")}
      </Button>
      {needsReauth(approve.error) ? <ReauthForm idPrefix={`approve-${id}`} onConfirmed={run} /> : <ErrorAlert error={approve.error} />}
    </div>
  );
}

type BoardCase = {
  id: number;
  proposalRevision: number;
  terms: string;
  legalBasisPlaceholders: number;
  exitCriteria: { ruleId: string; comparator: "GTE" | "LTE"; threshold: number }[];
};

/** What an approval on the board approves: the revision, the terms and the exit criteria; the case page has the full text. */
function WhatIsApproved({ c }: { c: BoardCase }) {
  const t = useTranslations("queues.board");
  const ruleName = useRuleName();
  const format = useFormatter();
  return (
    <details className="mt-1 text-xs" data-testid="what-is-approved">
      <summary className="cursor-pointer text-link underline">{t("whatApproved", { revision: c.proposalRevision })}</summary>
      <p className="mt-1 whitespace-pre-wrap">{c.terms}</p>
      <p className="mt-1 font-medium">{t("criteriaList")}</p>
      <ul className="list-disc pl-4">
        {c.exitCriteria.map((e) => (
          <li key={e.ruleId}>
            {ruleName(e.ruleId)} {e.comparator === "GTE" ? "≥" : "≤"} {format.number(e.threshold, "decimal")}
          </li>
        ))}
      </ul>
      {c.legalBasisPlaceholders > 0 ? (
        <p className="mt-1 text-amber-900">{t("placeholders", { count: c.legalBasisPlaceholders })}</p>
      ) : null}
    </details>
  );
}

/** Receivership cases in four columns by status, with exit-criteria and milestone progress; proposals can be approved here. */
export function ReceivershipBoard({ canApprove }: { canApprove: boolean }) {
  const t = useTranslations("queues.board");
  const tStatus = useTranslations("enums.receivershipStatus");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.receivership.list.queryOptions(BOARD_INPUT));
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Skeleton className="h-64 w-full" />;
  const refresh = () =>
    Promise.all(
      [
        trpc.receivership.list.queryKey(),
        trpc.receivership.get.queryKey(),
        trpc.timeline.department.queryKey(),
        trpc.dashboard.overview.queryKey(),
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4" data-testid="receivership-board">
      {COLUMNS.map((status) => {
        const cases = list.data.rows.filter((c) => c.status === status);
        return (
          <section
            key={status}
            aria-labelledby={`col-${status}`}
            className="flex flex-col gap-2 rounded-lg bg-slate-100 p-2"
            data-column={status}
          >
            <h3 id={`col-${status}`} className="font-semibold">
              {tStatus(status)} ({cases.length})
            </h3>
            {cases.length === 0 ? <p className="text-sm">{t("empty")}</p> : null}
            {cases.map((c) => (
              <Card key={c.id} data-case={c.id}>
                <CardTitle className="text-sm">
                  <Link className="text-link underline" href={`/departments/${encodeURIComponent(c.department.code)}`}>
                    {c.department.name}
                  </Link>
                </CardTitle>
                <p className="text-xs">{c.receivingAuthority}</p>
                {c.startDate ? <p className="text-xs">{t("since", { date: format.dateTime(calendarDay(c.startDate), "day") })}</p> : null}
                <p className="mt-1 text-xs">{t("criteria", { met: c.criteriaMet, total: c.criteriaTotal })}</p>
                <progress
                  className="h-2 w-full"
                  max={Math.max(c.criteriaTotal, 1)}
                  value={c.criteriaMet}
                  aria-label={t("criteria", { met: c.criteriaMet, total: c.criteriaTotal })}
                />
                <p className="text-xs">
                  {t("milestones", { open: c.milestonesOpen })}
                  {c.nextMilestoneDue ? ` · ${t("nextDue", { date: format.dateTime(calendarDay(c.nextMilestoneDue), "day") })}` : ""}
                </p>
                {status === "PROPOSED" ? <p className="text-xs">{t("approvals", { count: c.approvalCount })}</p> : null}
                {status === "PROPOSED" ? <WhatIsApproved c={c} /> : null}
                <Link className="mt-1 text-xs text-link underline" href={`/receivership/${c.id}`}>
                  {t("openCase")}
                  <span className="sr-only"> {c.department.name}</span>
                </Link>
                {status === "PROPOSED" && canApprove ? <ApproveButton id={c.id} version={c.version} onDone={() => void refresh()} /> : null}
              </Card>
            ))}
          </section>
        );
      })}
    </div>
  );
}
