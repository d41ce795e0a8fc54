"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { ErrorAlert } from "~/components/ui/error-alert";
import { Button } from "~/components/ui/button";
import type { AlertSettingRow, AlertSettings } from "~/server/alerts/settings";
import { useTRPC } from "~/trpc/react";
import { SubscriptionRow } from "./subscription-row";

function namesOf(settings: AlertSettings) {
  return new Map(settings.departments.map((d) => [d.id, d.name]));
}

export function AlertSettingsForm() {
  const t = useTranslations("alertSettings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.alerts.settings.queryOptions());
  const [rows, setRows] = useState<AlertSettingRow[] | null>(null);
  const [hour, setHour] = useState(7);
  const [names, setNames] = useState(new Map<number, string>());
  const [saved, setSaved] = useState(false);

  // The form edits a copy of the settings, taken again whenever the server's copy changes (load, save).
  const [copiedFrom, setCopiedFrom] = useState<AlertSettings | undefined>(undefined);
  if (query.data && query.data !== copiedFrom) {
    setCopiedFrom(query.data);
    setRows(query.data.rows);
    setHour(query.data.deliveryHour);
    setNames(namesOf(query.data));
  }

  const save = useMutation(
    trpc.alerts.updateSettings.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.alerts.settings.queryKey(), data);
        setSaved(true);
      },
    }),
  );

  if (query.error) {
    const code = query.error.data?.code;
    if (code === "UNAUTHORIZED" || code === "FORBIDDEN")
      return <Alert tone="error">{code === "UNAUTHORIZED" ? t("unauthorized") : t("forbidden")}</Alert>;
    return <ErrorAlert error={query.error} wrap={(message) => t("failed", { message })} />;
  }
  if (!query.data || !rows) return <p aria-busy="true">{t("loading")}</p>;
  const settings = query.data;

  const change = (next: AlertSettingRow, learned?: { id: number; name: string }) => {
    setSaved(false);
    if (learned) setNames((m) => new Map(m).set(learned.id, learned.name));
    setRows((current) => (current ?? []).map((r) => (r.trigger === next.trigger ? next : r)));
  };

  return (
    <form
      className="flex max-w-3xl flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ deliveryHour: hour, rows });
      }}
    >
      <label className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t("deliveryHour")}</span>
        <select
          value={hour}
          onChange={(e) => {
            setSaved(false);
            setHour(Number(e.target.value));
          }}
          className="h-8 rounded border border-slate-400 px-2"
          aria-describedby="delivery-hint"
        >
          {Array.from({ length: 24 }, (_, h) => (
            <option key={h} value={h}>{`${String(h).padStart(2, "0")}:00`}</option>
          ))}
        </select>
        <span id="delivery-hint" className="text-sm text-slate-700">
          {t("deliveryHint")} ({settings.timeZone})
        </span>
      </label>
      {rows.map((row) => (
        <SubscriptionRow key={row.trigger} row={row} settings={settings} names={names} onChange={change} />
      ))}
      <ErrorAlert error={save.error} wrap={(message) => t("failed", { message })} />
      {saved ? <Alert>{t("saved")}</Alert> : null}
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
