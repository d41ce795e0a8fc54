"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "~/components/ui/table";
import { useTRPC } from "~/trpc/react";
import { ACTIVE, type Sample } from "./progress";
import { ProgressLine } from "./progress-line";

const POLL_MS = 1_000;

/** One batch: live progress while it runs (polled from PostgreSQL), then its report and actions. */
export function BatchPanel({ id, canUndo, onSelect }: { id: number; canUndo: boolean; onSelect: (id: number | null) => void }) {
  const t = useTranslations("imports");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const batch = useQuery({
    ...trpc.imports.get.queryOptions({ id }),
    refetchInterval: (q) => (q.state.data && !ACTIVE.has(q.state.data.status) ? false : POLL_MS),
  });
  const [first, setFirst] = useState<{ status: string; sample: Sample } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.imports.pathKey() });
  const confirm = useMutation(trpc.imports.confirm.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.imports.cancel.mutationOptions({ onSuccess: refresh }));
  const retry = useMutation(trpc.imports.retry.mutationOptions({ onSuccess: ({ id: next }) => onSelect(next) }));
  const undo = useMutation(trpc.imports.undo.mutationOptions({ onSuccess: refresh }));
  const failure = [confirm, cancel, retry, undo].find((m) => m.error)?.error;

  if (batch.error) return <ErrorAlert error={batch.error} wrap={(message) => t("failed", { message })} />;
  const b = batch.data;
  if (!b) return null;
  const latest = { at: b.heartbeatAt.getTime(), done: b.status === "UPLOADING" ? b.fileSize : b.rowsDone };
  // Rate and ETA are measured from the first sample seen in the current step.
  const stepStart = first?.status === b.status ? first.sample : latest;
  if (first?.status !== b.status) setFirst({ status: b.status, sample: latest });
  const running = ACTIVE.has(b.status);
  return (
    <section aria-labelledby="batch" className="flex flex-col gap-3 rounded-md border border-slate-300 p-4">
      <h2 id="batch" className="text-lg font-semibold">{`${t("report")} · #${b.id} · ${b.fileName} · ${t(`kinds.${b.kind}`)}`}</h2>
      <p className="text-sm font-medium">{t(`statuses.${b.status}`)}</p>
      {running && b.status !== "UPLOADING" && (
        <ProgressLine
          label={t(`statuses.${b.status}`)}
          done={b.rowsDone}
          total={b.rowsTotal}
          text={t("rows", { done: b.rowsDone, total: b.rowsTotal, estimated: b.status === "VALIDATING" ? "yes" : "no" })}
          first={stepStart}
          latest={latest}
          unit={t("rowsUnit")}
        />
      )}
      {!running && b.errorCount === 0 && b.status !== "FAILED" && (
        <p className="text-sm">{t("counts", { created: b.created, updated: b.updated, unchanged: b.unchanged })}</p>
      )}
      {b.failureReason && (
        <p role="alert" className="text-sm text-red-800">
          {b.failureReason}
        </p>
      )}
      <ErrorAlert error={failure} wrap={(message) => t("failed", { message })} />
      <div className="flex flex-wrap gap-3">
        {b.status === "VALIDATED" && (
          <Button onClick={() => confirm.mutate({ id })} disabled={confirm.isPending}>
            {t("confirm")}
          </Button>
        )}
        {b.status === "VALIDATED" && (
          <Button variant="outline" onClick={() => cancel.mutate({ id })} disabled={cancel.isPending}>
            {t("cancel")}
          </Button>
        )}
        {(b.status === "FAILED" || b.status === "CANCELLED") && b.hasFile && (
          <Button variant="outline" onClick={() => retry.mutate({ id })}>
            {t("retry")}
          </Button>
        )}
        {b.status === "COMPLETED" && canUndo && (
          <Button variant="outline" onClick={() => window.confirm(t("undoConfirm")) && undo.mutate({ id })} disabled={undo.isPending}>
            {t("undo")}
          </Button>
        )}
        {b.hasFile && (
          <a className="text-link text-sm underline" href={`/api/imports/${id}/file`}>
            {b.fileName}
          </a>
        )}
      </div>
      {b.errorCount > 0 && (
        <div className="flex flex-col gap-2">
          <p className="text-sm font-medium text-red-800">{t("errorsTitle", { count: b.errorCount })}</p>
          <p className="text-sm">
            {t("errorsShown", { shown: b.errors.length, total: b.errorCount })}{" "}
            <a className="text-link underline" href={`/api/imports/${id}/errors`}>
              {t("downloadErrors")}
            </a>
          </p>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("line")}</TableHead>
                <TableHead>{t("column")}</TableHead>
                <TableHead>{t("reason")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {b.errors.map((e, i) => (
                <TableRow key={i}>
                  <TableCell>{e.line ?? "—"}</TableCell>
                  <TableCell>{e.column ?? "—"}</TableCell>
                  <TableCell>{e.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
