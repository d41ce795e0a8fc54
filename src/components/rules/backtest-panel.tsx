"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Section } from "~/components/layout/section";
import { Alert } from "~/components/ui/alert";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";
import { BacktestChart, type BacktestPoint } from "./backtest-chart";

const LEVELS = ["NONE", "WATCH", "REVIEW", "RECEIVERSHIP"] as const;
const highest = (points: BacktestPoint[]) => Math.max(1, ...points.flatMap((p) => LEVELS.map((l) => p[l])));

/**
 * Starts a backtest and follows it: the progress comes from PostgreSQL (polled while it runs), so
 * the page shows the same bar whichever app instance serves it and whichever worker runs the job.
 */
export function BacktestPanel({ versionId }: { versionId: number }) {
  const t = useTranslations("ruleEditor.backtest");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.rules.backtests.queryOptions({ versionId }));
  const [chosen, setChosen] = useState<number | null>(null);
  const shownId = chosen ?? list.data?.[0]?.id ?? null;
  const start = useMutation(
    trpc.rules.startBacktest.mutationOptions({
      onSuccess: async ({ id }) => {
        setChosen(id);
        await queryClient.invalidateQueries({ queryKey: trpc.rules.backtests.queryKey({ versionId }) });
      },
    }),
  );
  const shown = useQuery({
    ...trpc.rules.backtest.queryOptions({ id: shownId ?? 0 }),
    enabled: shownId !== null,
    refetchInterval: (query) => (query.state.data && ["QUEUED", "RUNNING"].includes(query.state.data.status) ? 1000 : false),
  });
  const backtest = shown.data;
  const maxY = backtest ? Math.max(highest(backtest.points), highest(backtest.baselinePoints ?? [])) : 1;

  return (
    <Section
      id="backtest"
      title={t("title")}
      actions={
        <Button onClick={() => start.mutate({ versionId })} disabled={start.isPending}>
          {t("start")}
        </Button>
      }
    >
      <p className="text-sm text-slate-700">{t("description")}</p>
      <ErrorAlert error={start.error} />
      {backtest ? (
        <div className="flex flex-col gap-3" data-testid="backtest" data-status={backtest.status}>
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor="backtest-progress" className="text-sm font-medium">
              {t("progress")}
            </label>
            <progress id="backtest-progress" className="h-3 w-64" max={backtest.totalSteps} value={backtest.completedSteps} />
            <span className="text-sm">
              {t(`status.${backtest.status}`)} · {t("steps", { done: backtest.completedSteps, total: backtest.totalSteps })}
            </span>
          </div>
          {backtest.status === "FAILED" ? <Alert tone="error">{t("failed", { error: backtest.error ?? "" })}</Alert> : null}
          {backtest.baseline === null ? <p className="text-sm">{t("sameAsCurrent")}</p> : null}
          <div className="flex flex-col gap-3 lg:flex-row">
            <BacktestChart title={t("thisVersion", { version: backtest.version.version })} points={backtest.points} maxY={maxY} />
            {backtest.baseline && backtest.baselinePoints ? (
              <BacktestChart title={t("baseline", { version: backtest.baseline.version })} points={backtest.baselinePoints} maxY={maxY} />
            ) : null}
          </div>
        </div>
      ) : null}
      {list.data && list.data.length > 1 ? (
        <div className="text-sm">
          <h3 className="font-semibold">{t("earlier")}</h3>
          <ul className="flex flex-col gap-1">
            {list.data.map((b) => (
              <li key={b.id} className="flex items-center gap-2">
                <span>
                  #{b.id} · {format.dateTime(b.createdAt, "instant")} · {t(`status.${b.status}`)}
                </span>
                <Button variant="link" size="sm" aria-pressed={b.id === shownId} onClick={() => setChosen(b.id)}>
                  {t("show")}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}
